package dev.upgradescope.fuzz;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The invariant every fuzz target checks on what a dissector produced: each unit, each node of its
 * field tree and each finding points at bytes that were given ({@code [start, start + length)} of
 * its direction's stream), and its summary and finding texts render. A broken invariant is an
 * {@link AssertionError}, which Jazzer reports as a finding like any exception.
 */
final class Bounds {

    private final long c2sStart;
    private final long c2sEnd;
    private final long s2cStart;
    private final long s2cEnd;

    Bounds(long c2sStart, long c2sLength, long s2cStart, long s2cLength) {
        this.c2sStart = c2sStart;
        this.c2sEnd = c2sStart + c2sLength;
        this.s2cStart = s2cStart;
        this.s2cEnd = s2cStart + s2cLength;
    }

    void unit(Unit u) {
        if (u.length() < 0) {
            throw new AssertionError("negative length " + u.length() + " of " + u.summary());
        }
        inStream(u.range(), u);
        if (u.summary() == null) {
            throw new AssertionError("no summary for a unit at " + u.range());
        }
        tree(u.tree(), u);
        for (Finding f : u.findings()) {
            finding(f, u);
        }
    }

    /** Every node of the tree (depth first, without recursion: trees may be deep). */
    void tree(Field root, Object owner) {
        if (root == null) {
            return;
        }
        Deque<Field> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Field f = todo.pop();
            if (f.range() != null) {
                range(f.range(), owner);
            }
            for (Finding finding : f.findings()) {
                finding(finding, owner);
            }
            for (Field c : f.children()) {
                todo.push(c);
            }
        }
    }

    void finding(Finding f, Object owner) {
        if (f.range() != null) {
            range(f.range(), owner);
        }
        if (f.message().isEmpty()) {
            throw new AssertionError("finding " + f.code() + " renders no text");
        }
    }

    void range(ByteRange r, Object owner) {
        if (r instanceof ByteRange.InDecoded d) {
            if (d.offset() < 0 || d.length() < 0) {
                throw new AssertionError("decoded range " + d + " is negative, in " + describe(owner));
            }
            inStream(d.origin(), owner);
        } else {
            inStream((ByteRange.InStream) r, owner);
        }
    }

    void inStream(ByteRange.InStream r, Object owner) {
        long start = r.dir() == Direction.C2S ? c2sStart : s2cStart;
        long end = r.dir() == Direction.C2S ? c2sEnd : s2cEnd;
        if (r.offset() < start || r.end() > end) {
            throw new AssertionError("range " + r + " is outside the " + r.dir() + " bytes given [" + start + ", "
                    + end + "), in " + describe(owner));
        }
    }

    private static String describe(Object owner) {
        return owner instanceof Unit u ? u.kind() + " " + u.range() + " " + u.summary() : String.valueOf(owner);
    }
}
