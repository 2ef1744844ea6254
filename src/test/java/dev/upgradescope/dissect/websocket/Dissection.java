package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a {@link WsDissector} over test bytes and describes its output for comparisons. */
final class Dissection {

    private final WsDissector dissector;
    private final List<Unit> units = new ArrayList<>();
    private final long[] next = new long[2];

    Dissection(WsNegotiation negotiation) {
        this(negotiation, WsDissector.DEFAULT_KEEP_LIMIT);
    }

    Dissection(WsNegotiation negotiation, int keepLimit) {
        this.dissector = new WsDissector(negotiation, keepLimit);
    }

    /** Feeds {@code bytes} as the next bytes of {@code dir}, in pieces of at most {@code piece} bytes. */
    Dissection feed(Direction dir, byte[] bytes, int piece) {
        for (int from = 0; from < bytes.length; from += piece) {
            int to = Math.min(bytes.length, from + piece);
            units.addAll(dissector.feed(dir, next[dir.ordinal()], bytes, from, to));
            next[dir.ordinal()] += to - from;
        }
        return this;
    }

    Dissection feed(Direction dir, byte[] bytes) {
        return feed(dir, bytes, Math.max(1, bytes.length));
    }

    Dissection end() {
        units.addAll(dissector.end(Direction.C2S));
        units.addAll(dissector.end(Direction.S2C));
        return this;
    }

    static Dissection of(HexFixture fixture, int piece) {
        Dissection d = new Dissection(fixture.negotiation());
        for (HexFixture.Segment s : fixture.segments()) {
            d.feed(s.dir(), s.bytes(), piece);
        }
        return d.end();
    }

    List<Unit> units() {
        return units;
    }

    List<String> summaries() {
        return units.stream().map(Unit::summary).collect(Collectors.toList());
    }

    List<String> codes() {
        return units.stream().flatMap(u -> u.findings().stream()).map(Finding::code).collect(Collectors.toList());
    }

    <T extends Unit> List<T> of(Class<T> type) {
        return units.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Everything observable about the units, for comparing two runs. */
    List<String> signature() {
        return units.stream().map(Dissection::signature).collect(Collectors.toList());
    }

    static String signature(Unit u) {
        return u.kind() + " " + u.dir() + " " + u.offset() + "+" + u.length() + " " + u.summary() + " "
                + u.attributes() + " " + u.findings() + " " + u.findings().stream().map(Finding::range).toList()
                + " " + u.tree();
    }
}
