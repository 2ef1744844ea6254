package dev.upgradescope.export;

/**
 * How a HAR is written. {@code includeSensitive}: keep the values of the headers that carry
 * credentials (see {@link SensitiveHeaders}); off by default, as Chrome DevTools exports.
 * {@code messageLimit}: the most bytes of one WebSocket message's data written (0: no limit); a
 * message cut short is marked with {@code _truncated: true} and its whole size in {@code _size}.
 */
public record HarOptions(boolean includeSensitive, int messageLimit) {

    /** The default cut of a WebSocket message: 1 MiB. */
    public static final int DEFAULT_MESSAGE_LIMIT = 1 << 20;

    /** Sanitized, messages cut at 1 MiB with a marker. */
    public static final HarOptions DEFAULTS = new HarOptions(false, DEFAULT_MESSAGE_LIMIT);

    public HarOptions {
        if (messageLimit < 0) {
            throw new IllegalArgumentException("the message limit cannot be negative: " + messageLimit);
        }
    }

    /** The most payload bytes to read for one message. */
    int readCap() {
        return messageLimit == 0 ? Integer.MAX_VALUE - 8 : messageLimit;
    }
}
