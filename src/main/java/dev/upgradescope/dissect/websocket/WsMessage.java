package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A data message reassembled from its frames (RFC 6455 §5.4, §6.2) and, when permessage-deflate
 * compressed it, inflated (RFC 7692 §7.2.2). It spans from its first frame's first byte to its last
 * frame's last byte. Payload bytes are kept up to the dissector's limit; the lengths always count
 * every byte. Equality compares the payload arrays by identity.
 *
 * @param text         a text message (opcode 0x1) rather than binary
 * @param compressed   RSV1 was set on the first frame under permessage-deflate
 * @param inflated     for a compressed message, whether {@link #payload()} holds inflated bytes
 * @param complete     false when the stream ended, or another message began, before the final frame
 * @param frames       the stream range of each frame, in order
 * @param wireLength   payload bytes carried by the frames (compressed bytes when compressed)
 * @param payloadLength the message's length after inflation (bytes inflated before a failure)
 * @param capped       kept bytes were cut at the limit
 */
public record WsMessage(Direction dir, long offset, long length, boolean text, boolean compressed,
                        boolean inflated, boolean complete, List<ByteRange.InStream> frames, long wireLength,
                        long payloadLength, byte[] wirePayload, byte[] payload, boolean capped,
                        List<Finding> findings) implements Unit {

    /** {@value #TEXT_TYPE} or {@value #BINARY_TYPE}: what the first frame's opcode said. */
    public static final Attribute<String> TYPE = Attribute.text("type");
    public static final String TEXT_TYPE = "text";
    public static final String BINARY_TYPE = "binary";
    public static final Attribute<Boolean> COMPRESSED = Attribute.flag("compressed");
    /** The payload's length after inflation. */
    public static final Attribute<Long> LENGTH = Attribute.number("length");
    /** A text message's text (invalid UTF-8 replaced); binary messages have none. */
    public static final Attribute<String> TEXT = Attribute.text("text");

    private static final int PREVIEW = 40;
    private static final int HEX_LIMIT = 4096;

    public WsMessage {
        frames = List.copyOf(frames);
        findings = List.copyOf(findings);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.WS_MESSAGE;
    }

    /** The payload as carried by the frames, unmasked and concatenated (compressed if compressed); a copy. */
    @Override
    public byte[] wirePayload() {
        return wirePayload.clone();
    }

    /** The message's application data: inflated when compressed, else the same as the wire payload; a copy. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The kept payload decoded as UTF-8 (malformed sequences replaced), or empty for a binary message. */
    public Optional<String> textValue() {
        return text ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * {@code TEXT message len=N [frames=K] [deflated=C] [not-inflated] [incomplete] ["text…"]}, e.g.
     * {@code TEXT message len=5 "Hello"} or {@code BINARY message len=256 frames=2}.
     */
    @Override
    public String summary() {
        StringBuilder s = new StringBuilder(48).append(text ? "TEXT" : "BINARY").append(" message len=")
                .append(payloadLength);
        if (frames.size() != 1) {
            s.append(" frames=").append(frames.size());
        }
        if (compressed) {
            s.append(" deflated=").append(wireLength);
            if (!inflated) {
                s.append(" not-inflated");
            }
        }
        if (!complete) {
            s.append(" incomplete");
        }
        if (text && (inflated || !compressed)) {
            s.append(' ').append(TextPreview.quote(textValue().orElse(""), PREVIEW));
        }
        return s.toString();
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        TYPE.put(m, text ? TEXT_TYPE : BINARY_TYPE);
        COMPRESSED.put(m, compressed);
        LENGTH.put(m, payloadLength);
        if (text) {
            TEXT.put(m, textValue().orElse(""));
        }
        return m;
    }

    /**
     * {@code WebSocket message} → {@code Frame 1..n} (each frame's bytes), {@code Compressed payload}
     * when compressed, and {@code Payload} (text, with a {@code JSON} child re-indented when it parses,
     * or hex for binary) as decoded buffers pointing back at the message's bytes.
     */
    @Override
    public Field tree() {
        List<Field> children = new ArrayList<>(frames.size() + 2);
        for (int k = 0; k < frames.size(); k++) {
            ByteRange.InStream f = frames.get(k);
            children.add(Field.leaf("Frame " + (k + 1), f.length() + " bytes at " + f.offset(), f));
        }
        ByteRange.InStream span = range();
        if (compressed) {
            children.add(Field.leaf("Compressed payload", sized(wireLength) + ": "
                            + TextPreview.hex(wirePayload, wirePayload.length, 64),
                    new ByteRange.InDecoded("WebSocket message payload (compressed)", 0, wirePayload.length, span)));
        }
        if (!compressed || inflated) {
            ByteRange.InDecoded at = new ByteRange.InDecoded(compressed ? "WebSocket message payload (inflated)"
                    : "WebSocket message payload", 0, payload.length, span);
            if (text) {
                String t = textValue().orElse("");
                List<Field> json = JsonPrettyPrinter.pretty(t).map(p -> List.of(Field.leaf("JSON", p, at)))
                        .orElse(List.of());
                children.add(new Field("Payload", t, at, json, List.of()));
            } else {
                children.add(Field.leaf("Payload", sized(payloadLength) + ": "
                        + TextPreview.hex(payload, payload.length, HEX_LIMIT), at));
            }
        }
        return new Field("WebSocket message", summary(), span, children, findings);
    }

    private static String sized(long n) {
        return n + (n == 1 ? " byte" : " bytes");
    }
}
