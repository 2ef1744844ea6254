package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.Arrays;

/**
 * A header block being gathered from a HEADERS or PUSH_PROMISE frame and its CONTINUATION frames
 * (RFC 9113 §4.3), remembering where each fragment lay in the stream so that every position in the
 * block maps back to stream bytes.
 */
final class HeaderBlockAssembler {

    /** Bytes kept of one block; beyond it (a CONTINUATION flood) the block is only counted. */
    static final int MAX_KEPT = 1 << 20;

    final Direction dir;
    final int streamId;
    final FrameType startedBy;
    final boolean endStream;
    final int promisedStreamId;
    private byte[] bytes = new byte[128];
    private int length;
    private long[] segments = new long[6];
    private int segmentCount;
    private long dropped;

    HeaderBlockAssembler(Direction dir, int streamId, FrameType startedBy, boolean endStream, int promisedStreamId) {
        this.dir = dir;
        this.streamId = streamId;
        this.startedBy = startedBy;
        this.endStream = endStream;
        this.promisedStreamId = promisedStreamId;
    }

    void append(byte[] src, int from, int len, long streamOffset) {
        if (dropped > 0 || length + (long) len > MAX_KEPT) {
            dropped += len;
            return;
        }
        if (length + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + len, bytes.length * 2));
        }
        System.arraycopy(src, from, bytes, length, len);
        if (3 * segmentCount + 3 > segments.length) {
            segments = Arrays.copyOf(segments, segments.length * 2);
        }
        segments[3 * segmentCount] = length;
        segments[3 * segmentCount + 1] = streamOffset;
        segments[3 * segmentCount + 2] = len;
        segmentCount++;
        length += len;
    }

    /** True when the block outgrew {@link #MAX_KEPT} and was not kept whole. */
    boolean overflowed() {
        return dropped > 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int fragments() {
        return segmentCount;
    }

    String bufferName() {
        return "header block of stream " + streamId;
    }

    /**
     * The bytes of block range {@code [start, start + len)}: the stream range itself when it lies in
     * one fragment; otherwise (it straddles frames) a range in the block whose origin is the part in
     * the fragment holding its first byte.
     */
    ByteRange rangeOf(int start, int len) {
        for (int i = 0; i < segmentCount; i++) {
            long segStart = segments[3 * i];
            long segLen = segments[3 * i + 2];
            if (start >= segStart && start < segStart + segLen || (i == segmentCount - 1 && start >= segStart)) {
                long streamStart = segments[3 * i + 1] + (start - segStart);
                long inSegment = Math.max(0, Math.min(len, segStart + segLen - start));
                ByteRange.InStream here = ByteRange.of(dir, streamStart, inSegment);
                return inSegment == len ? here : new ByteRange.InDecoded(bufferName(), start, len, here);
            }
        }
        return ByteRange.of(dir, segmentCount == 0 ? 0 : segments[1], 0);
    }

    /** The whole block, as a range in the block pointing at its first fragment. */
    ByteRange wholeRange() {
        if (segmentCount == 1) {
            return ByteRange.of(dir, segments[1], length);
        }
        return new ByteRange.InDecoded(bufferName(), 0, length,
                ByteRange.of(dir, segmentCount == 0 ? 0 : segments[1], segmentCount == 0 ? 0 : segments[2]));
    }
}
