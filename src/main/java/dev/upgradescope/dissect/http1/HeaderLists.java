package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the list-valued header fields of the upgrade mechanism into their elements, each with the
 * bytes it came from: {@code Connection} options, {@code Upgrade} protocols,
 * {@code Sec-WebSocket-Protocol} and {@code Sec-WebSocket-Extensions}. Each function takes every
 * field line of the header in wire order (repeated lines combine into one list, RFC 9110 §5.3),
 * so element ranges point at the right line. Malformed elements are kept with findings; nothing
 * here throws on any input.
 */
public final class HeaderLists {

    private HeaderLists() {
    }

    /** The non-empty elements of a comma-separated list, quoted-strings respected (RFC 9110 §5.6.1). */
    public static HeaderList<ListElement> elements(List<HeaderField> fields) {
        List<ListElement> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (HeaderField f : fields) {
            ValueText v = ValueText.of(f);
            for (ListSplitter.Part p : parts(f, v, findings)) {
                out.add(new ListElement(v.text().substring(p.from(), p.to()), v.slice(p.from(), p.to())));
            }
        }
        return new HeaderList<>(out, findings);
    }

    /** Connection options (RFC 9110 §7.6.1): tokens, compared case-insensitively. */
    public static HeaderList<Token> connection(List<HeaderField> fields) {
        return tokens(fields, Http1Finding.CONNECTION_INVALID_TOKEN);
    }

    public static HeaderList<Token> connection(Headers headers) {
        return connection(headers.all("Connection"));
    }

    /** Subprotocols of {@code Sec-WebSocket-Protocol} (RFC 6455 §4.1, §11.3.4): tokens. */
    public static HeaderList<Token> webSocketProtocols(List<HeaderField> fields) {
        return tokens(fields, Http1Finding.WS_PROTOCOL_INVALID_TOKEN);
    }

    public static HeaderList<Token> webSocketProtocols(Headers headers) {
        return webSocketProtocols(headers.all("Sec-WebSocket-Protocol"));
    }

    /** Protocols of {@code Upgrade}, in order of preference (RFC 9110 §7.8). */
    public static HeaderList<UpgradeProtocol> upgrade(List<HeaderField> fields) {
        List<UpgradeProtocol> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        HeaderList<ListElement> list = elements(fields);
        findings.addAll(list.findings());
        for (ListElement e : list.elements()) {
            String raw = e.text();
            int slash = raw.indexOf('/');
            UpgradeProtocol p = slash < 0
                    ? new UpgradeProtocol(raw, Optional.empty(), raw, e.range())
                    : new UpgradeProtocol(raw.substring(0, slash), Optional.of(raw.substring(slash + 1)), raw,
                            e.range());
            // protocol = protocol-name ["/" protocol-version], both tokens (RFC 9110 §7.8)
            if (!p.valid()) {
                findings.add(Http1Finding.UPGRADE_INVALID_PROTOCOL.at(e.range(), raw));
            }
            out.add(p);
        }
        return new HeaderList<>(out, findings);
    }

    public static HeaderList<UpgradeProtocol> upgrade(Headers headers) {
        return upgrade(headers.all("Upgrade"));
    }

    /** Offers of {@code Sec-WebSocket-Extensions}: {@code extension *( ";" param )} (RFC 6455 §9.1). */
    public static HeaderList<ExtensionOffer> webSocketExtensions(List<HeaderField> fields) {
        List<ExtensionOffer> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (HeaderField f : fields) {
            ValueText v = ValueText.of(f);
            for (ListSplitter.Part p : parts(f, v, findings)) {
                out.add(extension(f, v, p, findings));
            }
        }
        return new HeaderList<>(out, findings);
    }

    public static HeaderList<ExtensionOffer> webSocketExtensions(Headers headers) {
        return webSocketExtensions(headers.all("Sec-WebSocket-Extensions"));
    }

    private static HeaderList<Token> tokens(List<HeaderField> fields, Http1Finding notToken) {
        List<Token> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        HeaderList<ListElement> list = elements(fields);
        findings.addAll(list.findings());
        for (ListElement e : list.elements()) {
            boolean valid = HttpGrammar.isToken(e.text());
            if (!valid) {
                findings.add(notToken.at(e.range(), e.text()));
            }
            out.add(new Token(e.text(), e.range(), valid));
        }
        return new HeaderList<>(out, findings);
    }

    /** The non-empty comma-separated parts of one field line; empty ones become findings. */
    private static List<ListSplitter.Part> parts(HeaderField f, ValueText v, List<Finding> findings) {
        List<ListSplitter.Part> all = ListSplitter.split(v.text(), 0, v.text().length(), ',');
        List<ListSplitter.Part> kept = new ArrayList<>();
        if (all.size() == 1 && all.get(0).empty()) {
            return kept; // an empty field value is an empty list, not an empty element
        }
        for (ListSplitter.Part p : all) {
            if (p.unterminatedQuote()) {
                // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4)
                findings.add(Http1Finding.QUOTED_STRING_UNTERMINATED.at(v.slice(p.from(), p.to()), f.name()));
            }
            if (p.empty()) {
                // a sender MUST NOT generate empty list elements; recipients ignore them (RFC 9110 §5.6.1)
                findings.add(Http1Finding.LIST_EMPTY_ELEMENT.at(v.slice(p.from(), p.to()), f.name()));
            } else {
                kept.add(p);
            }
        }
        return kept;
    }

    private static ExtensionOffer extension(HeaderField f, ValueText v, ListSplitter.Part element,
                                            List<Finding> findings) {
        String text = v.text();
        List<ListSplitter.Part> pieces = ListSplitter.split(text, element.from(), element.to(), ';');
        ListSplitter.Part head = pieces.get(0);
        String name = text.substring(head.from(), head.to());
        // extension-token = registered-token = token (RFC 6455 §9.1)
        if (!HttpGrammar.isToken(name)) {
            findings.add(Http1Finding.WS_EXTENSION_INVALID_NAME.at(v.slice(head.from(), head.to()), name));
        }
        List<ExtensionParam> params = new ArrayList<>();
        for (ListSplitter.Part piece : pieces.subList(1, pieces.size())) {
            if (piece.empty()) {
                findings.add(Http1Finding.LIST_EMPTY_ELEMENT.at(v.slice(piece.from(), piece.to()), f.name()));
                continue;
            }
            params.add(param(v, piece, findings));
        }
        return new ExtensionOffer(name, params, v.slice(element.from(), element.to()));
    }

    private static ExtensionParam param(ValueText v, ListSplitter.Part piece, List<Finding> findings) {
        String text = v.text();
        ByteRange.InStream range = v.slice(piece.from(), piece.to());
        int eq = ListSplitter.indexOutsideQuotes(text, piece.from(), piece.to(), '=');
        ListSplitter.Part namePart = ListSplitter.trim(text, piece.from(), eq < 0 ? piece.to() : eq, false);
        String name = text.substring(namePart.from(), namePart.to());
        if (!HttpGrammar.isToken(name)) {
            findings.add(Http1Finding.WS_EXTENSION_INVALID_NAME.at(v.slice(namePart.from(), namePart.to()), name));
        }
        if (eq < 0) {
            return new ExtensionParam(name, Optional.empty(), false, range);
        }
        ListSplitter.Part valuePart = ListSplitter.trim(text, eq + 1, piece.to(), false);
        String rawValue = text.substring(valuePart.from(), valuePart.to());
        boolean quoted = rawValue.startsWith("\"");
        String value = quoted ? QuotedString.unquote(rawValue) : rawValue;
        // param value = token / quoted-string; a quoted value MUST be a token once unquoted (RFC 6455 §9.1)
        if (!HttpGrammar.isToken(value) || (quoted && !QuotedString.isWhole(rawValue))) {
            findings.add(Http1Finding.WS_EXTENSION_INVALID_VALUE.at(v.slice(valuePart.from(), valuePart.to()),
                    name, rawValue));
        }
        return new ExtensionParam(name, Optional.of(value), quoted, range);
    }
}
