package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import java.util.List;
import java.util.Objects;

/**
 * What a connection speaks after a {@code 101 Switching Protocols}: the connection dissector uses
 * it to choose the dissector for the bytes that follow the response. It is computed even when the
 * 101 failed its checks, so the frames can still be decoded.
 */
public sealed interface SwitchedTo {

    /** The one-line description shown in the exchange tree, e.g. {@code websocket (permessage-deflate)}. */
    String describe();

    /** No switch: no 101 was seen. */
    None NONE = new None();

    /** WebSocket frames follow, with what the handshake negotiated. */
    record WebSocket(WsNegotiation negotiation) implements SwitchedTo {
        public WebSocket {
            Objects.requireNonNull(negotiation, "negotiation");
        }

        @Override
        public String describe() {
            String ext = negotiation.extensions().isEmpty() ? "" : " (" + String.join(", ", negotiation.extensions()) + ")";
            return "websocket" + negotiation.subprotocol().map(p -> " subprotocol " + p).orElse("") + ext;
        }
    }

    /**
     * HTTP/2 follows (the client's connection preface, then frames); {@code fromHeader} are the
     * settings the client sent in {@code HTTP2-Settings}, which count as its first SETTINGS frame
     * (RFC 7540 §3.2.1).
     */
    record H2c(List<Setting> fromHeader) implements SwitchedTo {
        public H2c {
            fromHeader = List.copyOf(fromHeader);
        }

        @Override
        public String describe() {
            return "h2c (" + fromHeader.size() + " settings from HTTP2-Settings)";
        }
    }

    /** A TLS handshake follows (RFC 2817); {@code version} as named in Upgrade ({@code 1.0}), or empty. */
    record Tls(String version) implements SwitchedTo {
        public Tls {
            version = version == null ? "" : version;
        }

        @Override
        public String describe() {
            return version.isEmpty() ? "TLS" : "TLS/" + version;
        }
    }

    /** A protocol the inspector cannot dissect; {@code protocols} as named in Upgrade, bottom layer first. */
    record Other(List<String> protocols) implements SwitchedTo {
        public Other {
            protocols = List.copyOf(protocols);
        }

        @Override
        public String describe() {
            return protocols.isEmpty() ? "unknown protocol" : String.join(", ", protocols);
        }
    }

    /** The connection did not switch. */
    record None() implements SwitchedTo {
        @Override
        public String describe() {
            return "none";
        }
    }
}
