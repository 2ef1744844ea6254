package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;

/** Runs a dissector over byte streams in tests and collects what it produced. */
final class H2Run {

    private H2Run() {
    }

    /** Feeds c2s then s2c whole, then ends both. */
    static List<Unit> both(H2Config config, byte[] c2s, byte[] s2c) {
        H2Dissector d = new H2Dissector(config);
        List<Unit> out = new ArrayList<>();
        out.addAll(d.feed(Direction.C2S, 0, c2s));
        out.addAll(d.feed(Direction.S2C, 0, s2c));
        out.addAll(d.end(Direction.C2S));
        out.addAll(d.end(Direction.S2C));
        return out;
    }

    static List<Unit> client(byte[] c2s) {
        return both(H2Config.priorKnowledge(), c2s, new byte[0]);
    }

    static List<String> codes(List<Unit> units) {
        List<String> out = new ArrayList<>();
        for (Unit u : units) {
            for (Finding f : u.findings()) {
                out.add(f.code());
            }
        }
        return out;
    }

    static List<H2Frame> frames(List<Unit> units) {
        List<H2Frame> out = new ArrayList<>();
        for (Unit u : units) {
            if (u instanceof H2Frame f) {
                out.add(f);
            }
        }
        return out;
    }

    /** Adjacent opaque units of one direction merged, so that different splits compare equal. */
    static List<Object> normalised(List<Unit> units) {
        List<Object> out = new ArrayList<>();
        OpaqueBytes pending = null;
        for (Unit u : units) {
            if (u instanceof OpaqueBytes o && pending != null && o.dir() == pending.dir()
                    && o.offset() == pending.offset() + pending.length() && o.reason().equals(pending.reason())) {
                List<Finding> fs = new ArrayList<>(pending.findings());
                fs.addAll(o.findings());
                pending = new OpaqueBytes(o.dir(), pending.offset(), pending.length() + o.length(), o.reason(), fs);
                continue;
            }
            if (pending != null) {
                out.add(pending);
                pending = null;
            }
            if (u instanceof OpaqueBytes o) {
                pending = o;
            } else {
                out.add(u);
            }
        }
        if (pending != null) {
            out.add(pending);
        }
        return out;
    }
}
