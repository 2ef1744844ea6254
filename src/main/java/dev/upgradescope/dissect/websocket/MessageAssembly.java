package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A data message being reassembled from its frames in one direction (RFC 6455 §5.4): payload
 * bytes are streamed in as they arrive, inflated when compressed, and checked as UTF-8 when text,
 * so that nothing beyond the keep limit is ever buffered.
 */
final class MessageAssembly implements MessageInflater.Sink {

    private static final byte[] NONE = new byte[0];

    private final Direction dir;
    private final long offset;
    private final boolean text;
    private final boolean compressed;
    private final boolean singleFrame;
    private final int keepLimit;
    private final MessageInflater inflater;
    private final List<ByteRange.InStream> frames = new ArrayList<>(1);
    private final List<Finding> findings = new ArrayList<>(0);
    private final Utf8Stream utf8;
    private final ByteAccumulator wire;
    private final ByteAccumulator inflatedBytes;
    private byte[] singlePayload = NONE;
    private long wireLength;
    private boolean inflating;
    private boolean judgeText = true;
    private ByteRange.InStream inflatingFrom;

    /**
     * @param singleFrame the first frame has FIN set: its kept payload is the message's, no copy
     * @param inflater    the direction's context when compressed, else null
     */
    MessageAssembly(Direction dir, long offset, boolean text, boolean singleFrame, int keepLimit,
                    MessageInflater inflater, long firstFrameHeaderOffset) {
        this.dir = dir;
        this.offset = offset;
        this.text = text;
        this.compressed = inflater != null;
        this.singleFrame = singleFrame;
        this.keepLimit = keepLimit;
        this.inflater = inflater;
        this.utf8 = text ? new Utf8Stream() : null;
        this.wire = singleFrame ? null : new ByteAccumulator(keepLimit);
        this.inflatedBytes = compressed ? new ByteAccumulator(keepLimit) : null;
        if (compressed) {
            inflating = inflater.begin();
            if (!inflating) {
                // §7.2.2: an earlier message of this direction failed to inflate, the LZ77 window is unknown
                findings.add(WsDeflateFinding.CONTEXT_LOST.at(ByteRange.of(dir, firstFrameHeaderOffset, 1)));
            }
        }
    }

    /** An extension nobody here knows may have transformed the payload: do not judge its text. */
    void unknownTransformation() {
        judgeText = false;
    }

    /** The next payload bytes, unmasked; {@code position} is the stream offset of {@code b[off]}. */
    void append(byte[] b, int off, int len, long position) {
        wireLength += len;
        if (!singleFrame) {
            wire.append(b, off, len);
        }
        if (compressed) {
            if (inflating) {
                inflatingFrom = ByteRange.of(dir, position, len);
                inflating = inflater.inflate(b, off, len, this);
                if (!inflating) {
                    failed(inflatingFrom);
                }
            }
        } else if (text) {
            int bad = utf8.update(b, off, off + len);
            if (bad >= 0 && judgeText) {
                // §8.1: a text message must be valid UTF-8
                findings.add(WsFrameFinding.TEXT_UTF8.at(ByteRange.of(dir, position + (bad - off), 1),
                        wireLength - len + (bad - off)));
            }
        }
    }

    @Override
    public void inflated(byte[] b, int off, int len) {
        long before = inflatedBytes.total();
        inflatedBytes.append(b, off, len);
        if (text) {
            int bad = utf8.update(b, off, off + len);
            if (bad >= 0 && judgeText) {
                // §8.1 on the inflated text (RFC 7692 §6: the extension applies before this check)
                findings.add(WsFrameFinding.TEXT_UTF8.at(new ByteRange.InDecoded(
                        "WebSocket message payload (inflated)", before + (bad - off), 1, inflatingFrom),
                        before + (bad - off)));
            }
        }
    }

    private void failed(ByteRange.InStream where) {
        findings.add(WsDeflateFinding.INFLATE_FAILED.at(where, inflater.failure()));
    }

    /** A frame of this message is over: its whole range, and its kept payload if it is the only frame. */
    void frameDone(ByteRange.InStream frame, byte[] keptPayload) {
        frames.add(frame);
        if (singleFrame) {
            singlePayload = keptPayload;
        }
    }

    /** The message after its final frame, or cut short ({@code complete == false}, with a finding). */
    WsMessage finish(boolean complete) {
        ByteRange.InStream last = frames.isEmpty() ? ByteRange.of(dir, offset, 0) : frames.get(frames.size() - 1);
        if (!complete) {
            findings.add(WsFrameFinding.MESSAGE_INCOMPLETE.at(ByteRange.of(dir, offset, last.end() - offset)));
        }
        if (compressed && inflating && complete) {
            inflatingFrom = last;
            inflating = inflater.finish(this);
            if (!inflating) {
                failed(last);
            }
        }
        if (text && complete && !utf8.failed() && !utf8.atBoundary() && judgeText && (!compressed || inflating)) {
            // §8.1: the message ends inside a UTF-8 sequence
            long at = compressed ? inflatedBytes.total() : wireLength;
            findings.add(WsFrameFinding.TEXT_UTF8.at(last, at));
        }
        byte[] wireKept = singleFrame ? singlePayload : wire.toArray();
        byte[] payload = compressed ? inflatedBytes.toArray() : wireKept;
        long payloadLength = compressed ? inflatedBytes.total() : wireLength;
        boolean capped = wireKept.length < wireLength || payload.length < payloadLength;
        if (capped) {
            findings.add(WsFrameFinding.PAYLOAD_CAPPED.at(ByteRange.of(dir, offset, last.end() - offset),
                    payloadLength, keepLimit));
        }
        return new WsMessage(dir, offset, last.end() - offset, text, compressed, compressed && inflating, complete,
                frames, wireLength, payloadLength, wireKept, payload, capped, findings);
    }
}
