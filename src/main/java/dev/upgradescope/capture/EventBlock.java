package dev.upgradescope.capture;

import java.util.List;

/**
 * A run of one connection's events stored in one row of {@code event_blocks} (session format 2):
 * the ids, times and stream ranges they span, for the indexes, and their {@link CompactEvent}s
 * encoded in {@code data} ({@link EventBlockCodec}). {@code announced} are the same events as full
 * rows for the change feed's listeners, built only when somebody listens; they are not stored.
 * A direction with no event in the block has the range {@code [-1, -1)}. A block spans fewer than
 * {@link #MAX_ID_SPAN} ids, so the block holding an event is found from the event's id alone.
 */
record EventBlock(long conn, long firstId, long lastId, int count, long minNanos, long maxNanos, long minWallMicros,
                  long maxWallMicros, long c2sStart, long c2sEnd, long s2cStart, long s2cEnd, byte[] data,
                  List<EventRow> announced) {

    /** {@code lastId - firstId} is always below this. */
    static final long MAX_ID_SPAN = 1 << 16;

    EventBlock {
        announced = List.copyOf(announced);
    }
}
