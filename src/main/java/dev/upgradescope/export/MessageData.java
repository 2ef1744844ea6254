package dev.upgradescope.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code data} of one WebSocket message in a HAR (text as is, binary as base64), and whether it
 * is the whole message: {@code size} is the message's decoded length, and data shorter than that
 * (cut by the option's limit, or by what the recording kept) is marked as truncated.
 */
record MessageData(String data, boolean truncated, long size) {

    /**
     * The data of a message of {@code size} bytes whose available payload is {@code payload}, cut at
     * {@code limit} bytes (0: no limit); a text message is cut at a character boundary.
     */
    static MessageData of(byte[] payload, boolean text, long size, int limit) {
        byte[] kept = payload;
        if (limit > 0 && kept.length > limit) {
            kept = Arrays.copyOf(kept, text ? utf8Boundary(kept, limit) : limit);
        }
        long whole = Math.max(size, payload.length);
        String data = text ? new String(kept, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(kept);
        return new MessageData(data, kept.length < whole, whole);
    }

    /** The largest length up to {@code limit} that does not split a UTF-8 sequence. */
    private static int utf8Boundary(byte[] bytes, int limit) {
        int end = limit;
        while (end > 0 && end > limit - 4 && (bytes[end] & 0xc0) == 0x80) {
            end--; // bytes[end] continues a sequence begun before it
        }
        return end;
    }
}
