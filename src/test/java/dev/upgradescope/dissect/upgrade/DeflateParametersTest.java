package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.http1.ExtensionOffer;
import dev.upgradescope.dissect.http1.HeaderLists;
import dev.upgradescope.dissect.websocket.PerMessageDeflate;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeflateParametersTest {

    private static List<ExtensionOffer> parse(Direction dir, String value) {
        return HeaderLists.webSocketExtensions(List.of(TestFields.field(dir, 0, "Sec-WebSocket-Extensions", value)))
                .elements();
    }

    private static ExtensionOffer one(Direction dir, String value) {
        return parse(dir, value).get(0);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void browserOfferIsValid() {
        assertThat(DeflateParameters.checkSyntax(one(Direction.C2S, "permessage-deflate; client_max_window_bits"), false))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "permessage-deflate; foo=1                                   | false | ws.deflate.unknown-param",
            "permessage-deflate; server_no_context_takeover; server_no_context_takeover | false | ws.deflate.duplicate-param",
            "permessage-deflate; server_max_window_bits                  | false | ws.deflate.value-required",
            "permessage-deflate; server_max_window_bits=16               | false | ws.deflate.window-bits",
            "permessage-deflate; server_max_window_bits=08               | false | ws.deflate.window-bits",
            "permessage-deflate; client_max_window_bits=7                | false | ws.deflate.window-bits",
            "permessage-deflate; client_no_context_takeover=1            | false | ws.deflate.value-not-allowed",
            "permessage-deflate; client_max_window_bits                  | true  | ws.deflate.value-required",
    })
    void invalidParameters(String value, boolean answer, String code) {
        assertThat(codes(DeflateParameters.checkSyntax(one(answer ? Direction.S2C : Direction.C2S, value), answer)))
                .containsExactly(code);
    }

    @Test
    void quotedWindowBitsAreAccepted() {
        assertThat(DeflateParameters.checkSyntax(one(Direction.C2S, "permessage-deflate; server_max_window_bits=\"10\""),
                false)).isEmpty();
    }

    @Test
    void answerAgainstOffer() {
        ExtensionOffer answer = one(Direction.S2C, "permessage-deflate; client_max_window_bits=10; server_max_window_bits=12");
        assertThat(codes(DeflateParameters.checkAgainstOffers(answer,
                parse(Direction.C2S, "permessage-deflate; server_max_window_bits=10; server_no_context_takeover"))))
                .containsExactly("ws.deflate.client-bits-unoffered", "ws.deflate.server-bits-exceeded",
                        "ws.deflate.server-takeover-ignored");
        // the second offer allows it all
        assertThat(DeflateParameters.checkAgainstOffers(answer, parse(Direction.C2S,
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_max_window_bits")))
                .isEmpty();
    }

    @Test
    void negotiatedParameters() {
        assertThat(DeflateParameters.negotiated(one(Direction.S2C, "permessage-deflate")))
                .isEqualTo(PerMessageDeflate.DEFAULTS);
        assertThat(DeflateParameters.negotiated(one(Direction.S2C,
                "permessage-deflate; server_no_context_takeover; client_max_window_bits=9; server_max_window_bits=99")))
                .isEqualTo(new PerMessageDeflate(true, false, 15, 9));
    }
}
