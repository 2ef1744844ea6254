package dev.upgradescope.dissect.websocket;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompression context of one direction under permessage-deflate (RFC 7692 §7.2.2): one raw
 * DEFLATE inflater kept across messages while the sender uses context takeover, reset before each
 * message when it does not (§7.1.1). Once a stream fails to inflate with context takeover in force,
 * the context is unknown and later messages are refused rather than inflated into garbage.
 */
final class MessageInflater {

    /** Receives inflated bytes; the array is reused after the call. */
    interface Sink {
        void inflated(byte[] b, int off, int len);
    }

    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final boolean resetEachMessage;
    private final byte[] out = new byte[16 * 1024];
    private Inflater inflater;
    private boolean contextLost;
    private String failure;

    MessageInflater(boolean resetEachMessage) {
        this.resetEachMessage = resetEachMessage;
    }

    /** Prepares for a compressed message; false when the context is lost and it cannot be inflated. */
    boolean begin() {
        failure = null;
        if (contextLost && !resetEachMessage) {
            return false;
        }
        if (inflater == null) {
            inflater = new Inflater(true);
        } else if (resetEachMessage || inflater.finished()) {
            // A message ending with a BFINAL block ends the DEFLATE stream: the next one starts afresh.
            inflater.reset();
        }
        contextLost = false;
        return true;
    }

    /** Inflates the next compressed bytes of the message; false once this message has failed. */
    boolean inflate(byte[] b, int off, int len, Sink sink) {
        if (failure != null) {
            return false;
        }
        if (inflater.finished()) {
            return true; // bytes after a BFINAL block are not part of the stream
        }
        inflater.setInput(b, off, len);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new DataFormatException("preset dictionary requested");
                    }
                    break;
                }
                sink.inflated(out, 0, n);
            }
        } catch (DataFormatException e) {
            failure = e.getMessage() == null ? "invalid DEFLATE data" : e.getMessage();
            contextLost = true;
            return false;
        }
        return true;
    }

    /** Ends the message: inflates the {@code 00 00 ff ff} the sender removed (§7.2.2). */
    boolean finish(Sink sink) {
        return inflate(TAIL, 0, TAIL.length, sink);
    }

    /** Why the current message failed to inflate, or null. */
    String failure() {
        return failure;
    }

    void release() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }
}
