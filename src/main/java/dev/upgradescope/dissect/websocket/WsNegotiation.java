package dev.upgradescope.dissect.websocket;

import java.util.List;
import java.util.Optional;

/**
 * What the opening handshake settled for the frames that follow: the subprotocol, the extension
 * names the server accepted (in order), and the permessage-deflate parameters if that extension
 * is in force. A frame dissector uses it to judge RSV bits and to inflate messages.
 */
public record WsNegotiation(Optional<String> subprotocol, List<String> extensions,
                            Optional<PerMessageDeflate> deflate) {

    public static final WsNegotiation NONE = new WsNegotiation(Optional.empty(), List.of(), Optional.empty());

    public WsNegotiation {
        extensions = List.copyOf(extensions);
    }

    /** True when an extension other than permessage-deflate was accepted (its RSV use is unknown). */
    public boolean hasUnknownExtension() {
        for (String e : extensions) {
            if (!e.equalsIgnoreCase("permessage-deflate")) {
                return true;
            }
        }
        return false;
    }
}
