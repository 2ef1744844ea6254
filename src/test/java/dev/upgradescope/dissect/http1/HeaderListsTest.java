package dev.upgradescope.dissect.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderListsTest {

    /** A field line {@code name: value\r\n} starting at {@code at}, value bytes right after ": ". */
    static HeaderField field(String name, String value, long at) {
        long valueAt = at + name.length() + 2;
        return new HeaderField(name, value, ByteRange.of(Direction.C2S, at, name.length() + 2 + value.length() + 2),
                ByteRange.of(Direction.C2S, at, name.length()), ByteRange.of(Direction.C2S, valueAt, value.length()),
                List.of());
    }

    static ByteRange.InStream r(long offset, long length) {
        return ByteRange.of(Direction.C2S, offset, length);
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void connectionTokensAreCaseInsensitiveWithRanges() {
        // "Connection: keep-alive, Upgrade" at 100, value at 112
        HeaderList<Token> list = HeaderLists.connection(List.of(field("Connection", "keep-alive, Upgrade", 100)));
        assertThat(list.elements()).extracting(Token::text).containsExactly("keep-alive", "Upgrade");
        assertThat(list.elements().get(1).is("upgrade")).isTrue();
        assertThat(list.elements().get(0).range()).isEqualTo(r(112, 10));
        assertThat(list.elements().get(1).range()).isEqualTo(r(124, 7));
        assertThat(list.findings()).isEmpty();
    }

    @Test
    void emptyElementsAreToleratedWithAFinding() {
        HeaderList<Token> list = HeaderLists.connection(List.of(field("Connection", ", upgrade ,, close,", 0)));
        assertThat(list.elements()).extracting(Token::text).containsExactly("upgrade", "close");
        assertThat(codes(list.findings())).containsOnly("http1.list.empty-element").hasSize(3);
        assertThat(HeaderLists.connection(List.of(field("Connection", "", 0))).findings()).isEmpty();
    }

    @Test
    void invalidConnectionTokenIsKeptWithAFinding() {
        HeaderList<Token> list = HeaderLists.connection(List.of(field("Connection", "Upgrade, x y", 0)));
        assertThat(list.elements()).extracting(Token::valid).containsExactly(true, false);
        assertThat(list.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("http1.connection.invalid-token");
            assertThat(f.range()).isEqualTo(r(21, 3));
            assertThat(f.args()).containsExactly("x y");
        });
    }

    @Test
    void repeatedFieldLinesCombineInOrderWithPerLineRanges() {
        HeaderField first = field("Upgrade", "example/1", 50);
        HeaderField second = field("Upgrade", "foo/2", 70);
        HeaderList<UpgradeProtocol> list = HeaderLists.upgrade(List.of(first, second));
        assertThat(list.elements()).extracting(UpgradeProtocol::raw).containsExactly("example/1", "foo/2");
        assertThat(list.elements().get(0).version()).contains("1");
        assertThat(list.elements().get(1).range()).isEqualTo(r(79, 5));
    }

    @Test
    void upgradeProtocolsWithAndWithoutVersion() {
        HeaderList<UpgradeProtocol> list = HeaderLists.upgrade(List.of(field("Upgrade", "HTTP/2.0, SHTTP/1.3, IRC/6.9, RTA/x11, websocket", 0)));
        assertThat(list.elements()).extracting(UpgradeProtocol::name)
                .containsExactly("HTTP", "SHTTP", "IRC", "RTA", "websocket");
        assertThat(list.elements().get(4).version()).isEmpty();
        assertThat(list.elements().get(4).isNamed("WebSocket")).isTrue();
        assertThat(list.findings()).isEmpty();
    }

    @Test
    void malformedUpgradeProtocolsAreKeptWithFindings() {
        HeaderList<UpgradeProtocol> list = HeaderLists.upgrade(List.of(field("Upgrade", "h2c/, /1, a/b/c, web socket", 0)));
        assertThat(list.elements()).extracting(UpgradeProtocol::raw).containsExactly("h2c/", "/1", "a/b/c", "web socket");
        assertThat(list.elements()).noneMatch(UpgradeProtocol::valid);
        assertThat(codes(list.findings())).containsOnly("http1.upgrade.invalid-protocol").hasSize(4);
        assertThat(list.elements().get(0).version()).contains("");
    }

    @Test
    void webSocketProtocolsAreTokens() {
        HeaderList<Token> list = HeaderLists.webSocketProtocols(List.of(field("Sec-WebSocket-Protocol", "chat, superchat", 0)));
        assertThat(list.elements()).extracting(Token::text).containsExactly("chat", "superchat");
        HeaderList<Token> bad = HeaderLists.webSocketProtocols(List.of(field("Sec-WebSocket-Protocol", "v1.chat, \"x\"", 0)));
        assertThat(codes(bad.findings())).containsExactly("http1.ws-protocol.invalid-token");
    }

    @Test
    void extensionOffersWithParametersAndRanges() {
        String value = "permessage-deflate; client_max_window_bits, permessage-deflate; server_max_window_bits=10";
        HeaderList<ExtensionOffer> list = HeaderLists.webSocketExtensions(List.of(field("Sec-WebSocket-Extensions", value, 0)));
        assertThat(list.findings()).isEmpty();
        assertThat(list.elements()).hasSize(2);
        ExtensionOffer first = list.elements().get(0);
        assertThat(first.name()).isEqualTo("permessage-deflate");
        assertThat(first.params()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("client_max_window_bits");
            assertThat(p.value()).isEmpty();
            assertThat(p.range()).isEqualTo(r(26 + 20, 22));
        });
        assertThat(first.range()).isEqualTo(r(26, 42));
        ExtensionParam bits = list.elements().get(1).param("SERVER_MAX_WINDOW_BITS").orElseThrow();
        assertThat(bits.value()).contains("10");
        assertThat(bits.quoted()).isFalse();
    }

    @Test
    void quotedValuesAreUnescapedAndMayHideSeparators() {
        String value = "foo; a=\"1\\0\"; b=\"x,y\", bar";
        HeaderList<ExtensionOffer> list = HeaderLists.webSocketExtensions(List.of(field("Sec-WebSocket-Extensions", value, 0)));
        assertThat(list.elements()).extracting(ExtensionOffer::name).containsExactly("foo", "bar");
        ExtensionOffer foo = list.elements().get(0);
        assertThat(foo.params()).extracting(ExtensionParam::value).containsExactly(Optional.of("10"), Optional.of("x,y"));
        assertThat(foo.params().get(0).quoted()).isTrue();
        // "x,y" is not a token once unquoted (RFC 6455 §9.1)
        assertThat(codes(list.findings())).containsExactly("http1.ws-extension.invalid-value");
    }

    @Test
    void unterminatedQuoteIsAFindingNotAnException() {
        String value = "foo; a=\"abc, bar";
        HeaderList<ExtensionOffer> list = HeaderLists.webSocketExtensions(List.of(field("Sec-WebSocket-Extensions", value, 0)));
        assertThat(list.elements()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("foo"));
        assertThat(codes(list.findings())).contains("http1.quoted-string.unterminated");
        HeaderLists.webSocketExtensions(List.of(field("Sec-WebSocket-Extensions", "a; b=\"\\", 0)));
        HeaderLists.webSocketExtensions(List.of(field("Sec-WebSocket-Extensions", ";;=,\"", 0)));
    }

    @Test
    void foldedValuesClampRangesIntoTheValue() {
        // value text shorter than its bytes (obs-fold joined): ranges stay inside the value range
        HeaderField folded = new HeaderField("Connection", "a, b", r(0, 30), r(0, 10), r(12, 8), List.of());
        HeaderList<Token> list = HeaderLists.connection(List.of(folded));
        assertThat(list.elements()).allSatisfy(t -> assertThat(r(12, 8).covers(t.range())).isTrue());
    }

    @Test
    void genericElementsRespectQuotes() {
        HeaderList<ListElement> list = HeaderLists.elements(List.of(field("X", "a, \"b, c\", d", 0)));
        assertThat(list.elements()).extracting(ListElement::text).containsExactly("a", "\"b, c\"", "d");
    }
}
