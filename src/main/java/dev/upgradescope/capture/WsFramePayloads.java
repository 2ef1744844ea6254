package dev.upgradescope.capture;

import java.io.ByteArrayOutputStream;

/**
 * Reads back the payload of an uncompressed WebSocket message from the stream bytes its event spans
 * (RFC 6455 §5.2): the payloads of its data frames, unmasked and concatenated; control frames
 * interleaved between fragments (§5.4) are skipped. Stops at the end of the bytes or at the cap.
 */
final class WsFramePayloads {

    private WsFramePayloads() {
    }

    static byte[] of(byte[] span, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(span.length, cap));
        int at = 0;
        while (at + 2 <= span.length && out.size() < cap) {
            int opcode = span[at] & 0x0f;
            boolean masked = (span[at + 1] & 0x80) != 0;
            long length = span[at + 1] & 0x7f;
            int header = 2;
            if (length == 126) {
                if (at + 4 > span.length) {
                    break;
                }
                length = (span[at + 2] & 0xffL) << 8 | span[at + 3] & 0xffL;
                header = 4;
            } else if (length == 127) {
                if (at + 10 > span.length) {
                    break;
                }
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = length << 8 | span[at + 2 + i] & 0xffL;
                }
                header = 10;
            }
            int keyAt = at + header;
            int from = keyAt + (masked ? 4 : 0);
            if (from > span.length || length < 0) {
                break;
            }
            int available = (int) Math.min(length, span.length - from);
            if (opcode < 8) { // a data frame (continuation, text, binary), not a control frame
                int take = Math.min(available, cap - out.size());
                for (int i = 0; i < take; i++) {
                    int b = span[from + i];
                    if (masked) {
                        b ^= span[keyAt + (i & 3)];
                    }
                    out.write(b);
                }
            }
            if (available < length) {
                break;
            }
            at = from + available;
        }
        return out.toByteArray();
    }
}
