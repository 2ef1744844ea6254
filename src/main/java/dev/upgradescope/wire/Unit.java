package dev.upgradescope.wire;

import java.util.List;
import java.util.Map;

/**
 * One dissected piece of a connection — an HTTP message, a WebSocket frame, a reassembled message,
 * an HTTP/2 frame, a TLS record, or bytes nobody could read — with its place in the stream, a
 * stable one-line summary, its field tree and its findings.
 *
 * <p>{@link #attributes()} holds the kind-specific facts in a fixed order with plain values
 * (String, Number, Boolean, List, Map), as they appear in {@code dissect --json}.
 */
public interface Unit {

    UnitKind kind();

    Direction dir();

    /** Absolute offset of the unit's first byte in its direction's stream. */
    long offset();

    /** How many stream bytes the unit spans (a reassembled message spans its frames). */
    long length();

    /** A stable one-line human summary, like OkHttp's frame log; pinned by tests. */
    String summary();

    Field tree();

    /** Findings about this unit (the same ones that hang in its tree). */
    List<Finding> findings();

    Map<String, Object> attributes();

    default ByteRange.InStream range() {
        return ByteRange.of(dir(), offset(), length());
    }
}
