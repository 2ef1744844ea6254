package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline's lanes, one per connection in the order of the connections list, and the session's
 * time span: its first opening (the origin relative times count from) and its latest moment. FX
 * thread only.
 */
final class Lanes {

    private final List<Lane> lanes = new ArrayList<>();
    private final Map<Long, Lane> byConn = new HashMap<>();
    private long origin = Long.MAX_VALUE;

    /** New lanes for new rows, updated rows, lanes of vanished connections dropped; true if a lane was added. */
    boolean follow(List<ConnectionRow> rows) {
        Set<Long> seen = new HashSet<>(rows.size() * 2);
        boolean added = false;
        for (ConnectionRow row : rows) {
            seen.add(row.id());
            Lane lane = byConn.get(row.id());
            if (lane == null) {
                lane = new Lane(row);
                byConn.put(row.id(), lane);
                lanes.add(lane);
                added = true;
            } else {
                lane.update(row);
            }
            origin = Math.min(origin, row.openedNanos());
        }
        if (lanes.size() != seen.size()) {
            lanes.removeIf(l -> !seen.contains(l.conn()));
            byConn.keySet().retainAll(seen);
            if (lanes.isEmpty()) {
                origin = Long.MAX_VALUE;
            }
        }
        return added;
    }

    void clear() {
        lanes.clear();
        byConn.clear();
        origin = Long.MAX_VALUE;
    }

    int size() {
        return lanes.size();
    }

    boolean isEmpty() {
        return lanes.isEmpty();
    }

    Lane get(int index) {
        return lanes.get(index);
    }

    /** The lane of connection {@code conn}, or null. */
    Lane of(long conn) {
        return byConn.get(conn);
    }

    /** The index of connection {@code conn}'s lane, or -1. */
    int indexOf(long conn) {
        Lane lane = byConn.get(conn);
        return lane == null ? -1 : lanes.indexOf(lane);
    }

    /** The session's first opening time: relative times count from here. */
    long origin() {
        return origin == Long.MAX_VALUE ? 0 : origin;
    }

    /** The latest moment of the session: the newest mark, opening or closing. */
    long latest() {
        long t = origin();
        for (Lane l : lanes) {
            t = Math.max(t, l.lastNanos());
        }
        return t;
    }

    /** True while some lane still has events to read. */
    boolean loading() {
        return lanes.stream().anyMatch(l -> l.loading || l.needsLoad());
    }

    /** The next lane with events to read: lanes {@code first..last} (those in view) first. */
    Lane nextToLoad(int first, int last) {
        for (int i = Math.max(0, first); i <= last; i++) {
            if (lanes.get(i).needsLoad()) {
                return lanes.get(i);
            }
        }
        for (Lane l : lanes) {
            if (l.needsLoad()) {
                return l;
            }
        }
        return null;
    }
}
