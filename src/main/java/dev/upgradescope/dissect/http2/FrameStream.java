package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Direction;
import java.util.Arrays;

/**
 * The byte-level reader of one direction: the client's connection preface, then 9-byte frame
 * headers and payloads (RFC 9113 §3.4, §4.1), accepted at any split. It buffers what the frame
 * analysis needs — the whole payload of control and header frames, only the first (Pad Length) byte
 * of DATA and nothing of unknown types — so DATA costs no copy.
 */
final class FrameStream {

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int HEADER_LENGTH = 9;

    enum State { PREFACE, HEADER, PAYLOAD, LOST, ENDED }

    /** What a call to {@link #take} stopped at. */
    enum Event { NEED_MORE, PREFACE_DONE, PREFACE_MISMATCH, HEADER_DONE, FRAME_DONE }

    final Direction dir;
    State state;
    /** Absolute offset of the next byte to read; -1 until the first byte is seen. */
    long position = -1;
    long unitStart;
    int prefaceMatched;

    private final byte[] header = new byte[HEADER_LENGTH];
    private int headerFill;
    int type;
    int flags;
    int streamId;
    int length;

    byte[] payload = new byte[256];
    /** How many payload bytes are kept in {@link #payload}; the rest is only counted. */
    int kept;
    private int keepLimit;
    private int payloadRead;

    FrameStream(Direction dir, boolean expectPreface) {
        this.dir = dir;
        this.state = expectPreface ? State.PREFACE : State.HEADER;
    }

    /**
     * Reads from {@code bytes[p, to)} until an event; returns the event and leaves the new read
     * index in {@link #index}.
     */
    int index;

    Event next(byte[] bytes, int p, int to) {
        while (p < to) {
            switch (state) {
                case PREFACE -> {
                    if (prefaceMatched == 0) {
                        unitStart = position;
                    }
                    if (bytes[p] != PREFACE[prefaceMatched]) {
                        index = p;
                        return Event.PREFACE_MISMATCH;
                    }
                    p++;
                    position++;
                    if (++prefaceMatched == PREFACE.length) {
                        state = State.HEADER;
                        index = p;
                        return Event.PREFACE_DONE;
                    }
                }
                case HEADER -> {
                    if (headerFill == 0) {
                        unitStart = position;
                    }
                    int n = Math.min(HEADER_LENGTH - headerFill, to - p);
                    System.arraycopy(bytes, p, header, headerFill, n);
                    headerFill += n;
                    p += n;
                    position += n;
                    if (headerFill == HEADER_LENGTH) {
                        parseHeader();
                        index = p;
                        return Event.HEADER_DONE;
                    }
                }
                case PAYLOAD -> {
                    int n = Math.min(length - payloadRead, to - p);
                    int keep = Math.min(n, keepLimit - kept);
                    if (keep > 0) {
                        System.arraycopy(bytes, p, payload, kept, keep);
                        kept += keep;
                    }
                    payloadRead += n;
                    p += n;
                    position += n;
                    if (payloadRead == length) {
                        state = State.HEADER;
                        index = p;
                        return Event.FRAME_DONE;
                    }
                }
                default -> {
                    index = to;
                    return Event.NEED_MORE;
                }
            }
        }
        index = p;
        return Event.NEED_MORE;
    }

    private void parseHeader() {
        length = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
        type = header[3] & 0xFF;
        flags = header[4] & 0xFF;
        streamId = ((header[5] & 0x7F) << 24) | ((header[6] & 0xFF) << 16) | ((header[7] & 0xFF) << 8)
                | (header[8] & 0xFF);
        headerFill = 0;
    }

    /** The reserved bit of the stream identifier (RFC 9113 §4.1), which receivers ignore. */
    boolean reservedBitSet() {
        return (header[5] & 0x80) != 0;
    }

    /** After HEADER_DONE: start reading the payload, keeping at most {@code limit} bytes of it. */
    void beginPayload(int limit) {
        keepLimit = Math.min(limit, length);
        if (payload.length < keepLimit) {
            payload = Arrays.copyOf(payload, Math.max(keepLimit, payload.length * 2));
        }
        kept = 0;
        payloadRead = 0;
        state = length == 0 ? State.HEADER : State.PAYLOAD;
    }

    /** How many bytes of the current unit have arrived (for a truncated unit at the end). */
    long partialLength() {
        return position - unitStart;
    }

    boolean inHeader() {
        return state == State.HEADER && headerFill > 0;
    }
}
