package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.ExtensionOffer;
import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.http1.Token;
import dev.upgradescope.dissect.websocket.PerMessageDeflate;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import dev.upgradescope.wire.Field;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The checks of the WebSocket opening handshake (RFC 6455 §4, §11.3; RFC 7692). */
final class WebSocketChecks {

    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/(\\d+)\\.(\\d+)");

    private WebSocketChecks() {
    }

    /** The client's handshake (RFC 6455 §4.1). */
    static void request(Exchange x, Evidence ev) {
        HttpRequest req = x.request();
        MessageLists lists = x.requestLists();
        if (!req.method().equals("GET")) {
            // "The method of the request MUST be GET" (RFC 6455 §4.1)
            ev.add(WsFinding.METHOD.at(req.methodRange(), req.method()));
        }
        if (!atLeastHttp11(req.version())) {
            // "the HTTP version MUST be at least 1.1" (RFC 6455 §4.1)
            ev.add(WsFinding.HTTP_VERSION.at(req.versionRange(), req.version().isEmpty() ? "(none)" : req.version()));
        }
        if (!req.headers().has("Host")) {
            // "The request MUST contain a |Host| header field" (RFC 6455 §4.1)
            ev.add(WsFinding.HOST_MISSING.at(req.startLine()));
        }
        if (!req.headers().has("Origin") && req.headers().first("User-Agent")
                .map(h -> h.value().contains("Mozilla/")).orElse(false)) {
            // browser clients MUST send Origin (RFC 6455 §4.1); only a hint here
            ev.add(WsFinding.ORIGIN_MISSING.at(req.startLine()));
        }
        key(req, ev);
        version(req, ev);
        for (ExtensionOffer offer : lists.wsExtensions().elements()) {
            if (DeflateParameters.isDeflate(offer)) {
                ev.addAll(DeflateParameters.checkSyntax(offer, false));
            }
        }
    }

    private static void key(HttpRequest req, Evidence ev) {
        List<HeaderField> keys = req.headers().all("Sec-WebSocket-Key");
        if (keys.isEmpty()) {
            // "The request MUST include a header field with the name |Sec-WebSocket-Key|" (RFC 6455 §4.1)
            ev.add(WsFinding.KEY_MISSING.at(req.startLine()));
            return;
        }
        if (keys.size() > 1) {
            // "MUST NOT appear more than once in an HTTP request" (RFC 6455 §11.3.1)
            ev.add(WsFinding.KEY_DUPLICATE.at(keys.get(1).line(), keys.size()));
        }
        HeaderField key = keys.get(0);
        OptionalInt decoded = WebSocketAccept.decodedKeyLength(key.value());
        if (decoded.isEmpty()) {
            ev.add(WsFinding.KEY_NOT_BASE64.at(key.valueRange(), key.value()));
            ev.decorate(key, Field.leaf("Decoded length", "not base64", key.valueRange()));
            return;
        }
        ev.decorate(key, Field.leaf("Decoded length", decoded.getAsInt() + " bytes", key.valueRange()));
        if (decoded.getAsInt() != 16) {
            // "a nonce consisting of a randomly selected 16-byte value that has been base64-encoded" (§4.1)
            ev.add(WsFinding.KEY_INVALID.at(key.valueRange(), key.value(), decoded.getAsInt()));
        }
    }

    private static void version(HttpRequest req, Evidence ev) {
        List<HeaderField> versions = req.headers().all("Sec-WebSocket-Version");
        if (versions.isEmpty()) {
            // "The request MUST include a header field with the name |Sec-WebSocket-Version|" (§4.1)
            ev.add(WsFinding.VERSION_MISSING.at(req.startLine()));
            return;
        }
        if (versions.size() > 1) {
            // "MUST NOT appear more than once in an HTTP request" (RFC 6455 §11.3.5)
            ev.add(WsFinding.VERSION_DUPLICATE.at(versions.get(1).line(), versions.size()));
        }
        if (!versions.get(0).value().equals("13")) {
            // "The value of this header field MUST be 13" (RFC 6455 §4.1)
            ev.add(WsFinding.VERSION_NOT_13.at(versions.get(0).valueRange(), versions.get(0).value()));
        }
    }

    /** The server's 101 as the client must validate it (RFC 6455 §4.1, §4.2.2, §11.3). */
    static void switched(Exchange x, HttpResponse resp, Evidence ev) {
        accept(x, resp, ev);
        MessageLists lists = x.responseLists().orElseThrow();
        List<HeaderField> protocolFields = resp.headers().all("Sec-WebSocket-Protocol");
        List<Token> selected = lists.wsProtocols().elements();
        if (protocolFields.size() > 1 || selected.size() > 1) {
            // the server selects one subprotocol; the field "MUST NOT appear more than once in an HTTP
            // response" (RFC 6455 §4.2.2, §11.3.4)
            ev.add(WsFinding.PROTOCOL_SEVERAL.at(protocolFields.get(protocolFields.size() > 1 ? 1 : 0).line(),
                    selected.stream().map(Token::text).collect(Collectors.joining(", "))));
        }
        List<Token> offered = x.requestLists().wsProtocols().elements();
        for (Token t : selected) {
            if (offered.stream().noneMatch(o -> o.text().equals(t.text()))) {
                // a subprotocol "that was not present in the client's handshake" → fail (RFC 6455 §4.1)
                ev.add(WsFinding.PROTOCOL_NOT_OFFERED.at(t.range(), t.text(),
                        offered.isEmpty() ? "(none)" : offered.stream().map(Token::text).collect(Collectors.joining(", "))));
            }
        }
        extensions(x, resp, lists, ev);
    }

    private static void accept(Exchange x, HttpResponse resp, Evidence ev) {
        List<HeaderField> accepts = resp.headers().all("Sec-WebSocket-Accept");
        if (accepts.isEmpty()) {
            // a 101 lacking Sec-WebSocket-Accept → _Fail the WebSocket Connection_ (RFC 6455 §4.1)
            ev.add(WsFinding.ACCEPT_MISSING.at(resp.startLine()));
            return;
        }
        if (accepts.size() > 1) {
            // "MUST NOT appear more than once in an HTTP response" (RFC 6455 §11.3.3)
            ev.add(WsFinding.ACCEPT_DUPLICATE.at(accepts.get(1).line(), accepts.size()));
        }
        HeaderField accept = accepts.get(0);
        Optional<HeaderField> key = x.request().headers().first("Sec-WebSocket-Key");
        if (key.isEmpty()) {
            ev.decorate(accept, Field.leaf("Received", accept.value(), accept.valueRange()));
            return;
        }
        String expected = WebSocketAccept.expected(key.get().value());
        ev.decorate(accept, Field.leaf("Expected", expected + " (from Sec-WebSocket-Key " + key.get().value() + ")",
                key.get().valueRange()));
        ev.decorate(accept, Field.leaf("Received", accept.value()
                + (accept.value().equals(expected) ? " (matches)" : " (does not match)"), accept.valueRange()));
        if (!accept.value().equals(expected)) {
            // the value must be base64(SHA-1(key + GUID)) or the client fails the connection (§4.1)
            ev.add(WsFinding.ACCEPT_MISMATCH.at(accept.valueRange(), accept.value(), expected));
        }
    }

    private static void extensions(Exchange x, HttpResponse resp, MessageLists lists, Evidence ev) {
        List<HeaderField> fields = resp.headers().all("Sec-WebSocket-Extensions");
        if (fields.size() > 1) {
            // "MUST NOT appear more than once in an HTTP response" (RFC 6455 §11.3.2)
            ev.add(WsFinding.EXTENSIONS_DUPLICATE.at(fields.get(1).line(), fields.size()));
        }
        List<ExtensionOffer> offers = x.requestLists().wsExtensions().elements();
        List<ExtensionOffer> accepted = lists.wsExtensions().elements();
        int deflates = 0;
        for (ExtensionOffer ext : accepted) {
            if (offers.stream().noneMatch(o -> o.name().equalsIgnoreCase(ext.name()))) {
                // an extension "not present in the client's handshake" → fail (RFC 6455 §4.1)
                ev.add(WsFinding.EXTENSION_NOT_OFFERED.at(ext.range(), ext.name()));
            }
            if (DeflateParameters.isDeflate(ext)) {
                deflates++;
                if (deflates == 2) {
                    // two PMCEs cannot share RSV1 (RFC 7692 §5)
                    ev.add(WsFinding.DEFLATE_SEVERAL.at(ext.range(),
                            accepted.stream().filter(DeflateParameters::isDeflate).count()));
                }
                if (deflates == 1) {
                    ev.addAll(DeflateParameters.checkSyntax(ext, true));
                    ev.addAll(DeflateParameters.checkAgainstOffers(ext, offers));
                }
            }
        }
    }

    /** A refusal (426, 400, …): the versions the server supports (RFC 6455 §4.2.2, §4.4). */
    static void refused(Exchange x, HttpResponse resp, Evidence ev) {
        List<HeaderField> versions = resp.headers().all("Sec-WebSocket-Version");
        if (!versions.isEmpty()) {
            ev.add(WsFinding.VERSION_SUPPORTED.at(versions.get(0).valueRange(),
                    versions.stream().map(HeaderField::value).collect(Collectors.joining(", "))));
            return;
        }
        boolean versionAtIssue = x.request().headers().first("Sec-WebSocket-Version")
                .map(v -> !v.value().equals("13")).orElse(false);
        if (resp.status() == 426 || (versionAtIssue && resp.status() >= 400 && resp.status() < 500)) {
            // on an unsupported version the server answers "a |Sec-WebSocket-Version| header field
            // indicating the version(s) the server is capable of understanding" (RFC 6455 §4.2.2)
            ev.add(WsFinding.VERSION_LIST_MISSING.at(resp.startLine(), resp.status()));
        }
    }

    /** What the frames after the 101 use: the answer's subprotocol and extensions (RFC 6455 §4.2.2, RFC 7692). */
    static WsNegotiation negotiation(Exchange x) {
        Optional<MessageLists> lists = x.responseLists();
        if (lists.isEmpty()) {
            return WsNegotiation.NONE;
        }
        Optional<String> subprotocol = lists.get().wsProtocols().elements().stream().findFirst().map(Token::text);
        List<ExtensionOffer> accepted = lists.get().wsExtensions().elements();
        Optional<PerMessageDeflate> deflate = accepted.stream().filter(DeflateParameters::isDeflate).findFirst()
                .map(DeflateParameters::negotiated);
        return new WsNegotiation(subprotocol, accepted.stream().map(ExtensionOffer::name).toList(), deflate);
    }

    static boolean atLeastHttp11(String version) {
        Matcher m = HTTP_VERSION.matcher(version);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1).length() > 3 ? "999" : m.group(1));
        int minor = Integer.parseInt(m.group(2).length() > 3 ? "999" : m.group(2));
        return major > 1 || (major == 1 && minor >= 1);
    }
}
