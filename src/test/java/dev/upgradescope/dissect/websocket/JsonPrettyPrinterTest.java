package dev.upgradescope.dissect.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Re-indents valid JSON objects and arrays only; checked against Jackson as the reference parser. */
class JsonPrettyPrinterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void indentsNestedValues() {
        assertThat(JsonPrettyPrinter.pretty(" {\"a\" : [true,false,null,-1.5e+3], \"b\":{\"c\":\"x\\\"y\"},\"d\":[]} "))
                .contains("{\n  \"a\": [\n    true,\n    false,\n    null,\n    -1.5e+3\n  ],\n"
                        + "  \"b\": {\n    \"c\": \"x\\\"y\"\n  },\n  \"d\": []\n}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "\"str\"", "hello", "{", "{\"a\"}", "{\"a\":}", "[1,]", "[01]", "[1 2]",
        "{\"a\":1,}", "[\"\\x\"]", "[1]]", "[1] x", "{'a':1}", "[-]", "[1.]", "[1e]", "[tru]", "{1:2}"})
    void leavesAnythingElseAlone(String text) {
        assertThat(JsonPrettyPrinter.pretty(text)).isEmpty();
    }

    @Test
    void deepNestingDoesNotExhaustTheStack() {
        assertThat(JsonPrettyPrinter.pretty("[".repeat(100) + "]".repeat(100))).isPresent();
        // indenting this would take gigabytes: given up, not crashed
        assertThat(JsonPrettyPrinter.pretty("[".repeat(200_000) + "]".repeat(200_000))).isEmpty();
    }

    @Test
    void agreesWithJacksonOnMutatedDocuments() throws Exception {
        String base = "{\"id\":12,\"tags\":[\"a\",\"b\"],\"n\":{\"x\":-0.5,\"y\":null,\"z\":true}}";
        String alphabet = "{}[],:\"0123456789.-eEtrufalsn \\";
        Random r = new Random(13);
        for (int k = 0; k < 5000; k++) {
            StringBuilder s = new StringBuilder(base);
            for (int m = r.nextInt(3); m >= 0; m--) {
                int at = r.nextInt(s.length());
                switch (r.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = s.toString();
            boolean jackson;
            try {
                var node = JACKSON.readTree(text);
                jackson = node != null && node.isContainerNode()
                        && JACKSON.readerFor(Object.class).with(com.fasterxml.jackson.databind.DeserializationFeature
                        .FAIL_ON_TRAILING_TOKENS).readValue(text) != null;
            } catch (Exception e) {
                jackson = false;
            }
            var ours = JsonPrettyPrinter.pretty(text);
            assertThat(ours.isPresent()).as(text).isEqualTo(jackson);
            if (jackson) {
                assertThat(JACKSON.readTree(ours.get())).isEqualTo(JACKSON.readTree(text));
            }
        }
    }
}
