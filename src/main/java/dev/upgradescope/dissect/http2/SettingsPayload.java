package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads a SETTINGS payload: a sequence of 6-byte entries, a 16-bit identifier then a 32-bit value
 * (RFC 9113 §6.5.1). Checks of the values belong to the callers, which know their context.
 */
public final class SettingsPayload {

    /** Size of one entry on the wire. */
    public static final int ENTRY_LENGTH = 6;

    private SettingsPayload() {
    }

    /**
     * The complete entries of {@code payload[from, to)}; trailing bytes that do not make a whole
     * entry are ignored (the caller reports them). {@code rangeAt} maps a position in the payload
     * array to the range of the entry starting there.
     */
    public static List<Setting> read(byte[] payload, int from, int to, LongFunction<ByteRange> rangeAt) {
        List<Setting> out = new ArrayList<>((to - from) / ENTRY_LENGTH);
        for (int p = from; p + ENTRY_LENGTH <= to; p += ENTRY_LENGTH) {
            int id = ((payload[p] & 0xFF) << 8) | (payload[p + 1] & 0xFF);
            long value = ((long) (payload[p + 2] & 0xFF) << 24) | ((payload[p + 3] & 0xFF) << 16)
                    | ((payload[p + 4] & 0xFF) << 8) | (payload[p + 5] & 0xFF);
            out.add(new Setting(id, value, rangeAt.apply(p)));
        }
        return out;
    }
}
