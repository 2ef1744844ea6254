package dev.upgradescope.ui.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.ui.raw.HexLayout;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** How a payload is shown: as UTF-8 text, as pretty-printed JSON, or as a hex dump. */
public enum PayloadFormat {
    TEXT, JSON, HEX;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    /** JSON if the bytes parse as a JSON object or array, text if they are valid UTF-8, else hex. */
    public static PayloadFormat auto(byte[] bytes) {
        if (json(bytes).isPresent()) {
            return JSON;
        }
        return utf8(bytes).isPresent() ? TEXT : HEX;
    }

    /** The payload in this format (falling back to hex when it is not valid text or JSON). */
    public String render(byte[] bytes) {
        return switch (this) {
            case TEXT -> utf8(bytes).orElseGet(() -> new String(bytes, StandardCharsets.UTF_8));
            case JSON -> json(bytes).orElseGet(() -> HexLayout.text(bytes, 0));
            case HEX -> HexLayout.text(bytes, 0);
        };
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<String> json(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i == bytes.length || (bytes[i] != '{' && bytes[i] != '[')) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON_MAPPER.readTree(bytes);
            return Optional.of(JSON_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
