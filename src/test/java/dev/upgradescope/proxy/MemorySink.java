package dev.upgradescope.proxy;

import dev.upgradescope.capture.CaptureSink;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ConnectionNote;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A capture sink for tests: keeps every byte, note and end per connection in memory. */
final class MemorySink implements CaptureSink {

    /** What was recorded about one connection. */
    static final class Conn {
        final ConnectionInfo info;
        final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        final ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        final List<ConnectionNote> notes = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        final boolean[] ended = new boolean[2];

        Conn(ConnectionInfo info) {
            this.info = info;
        }

        byte[] bytes(Direction dir) {
            synchronized (this) {
                return (dir == Direction.C2S ? c2s : s2c).toByteArray();
            }
        }

        String text(Direction dir) {
            return new String(bytes(dir), java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        synchronized boolean ended() {
            return ended[0] && ended[1];
        }

        synchronized List<String> noteCodes() {
            return notes.stream().map(ConnectionNote::code).toList();
        }
    }

    private final List<Conn> conns = new ArrayList<>();
    private final List<Capacity> capacities = new ArrayList<>();

    @Override
    public synchronized long open(ConnectionInfo info, Capacity capacity) {
        long id = open(info);
        while (capacities.size() < id) {
            capacities.add(Capacity.IGNORED);
        }
        capacities.add(capacity);
        return id;
    }

    /** What connection {@code conn} was opened with, to tell it the capture is full or has room. */
    synchronized Capacity capacity(long conn) {
        return capacities.get((int) conn);
    }

    @Override
    public synchronized long open(ConnectionInfo info) {
        conns.add(new Conn(info));
        return conns.size() - 1;
    }

    @Override
    public void target(long conn, String target) {
        Conn c = get(conn);
        synchronized (c) {
            c.targets.add(target);
        }
    }

    @Override
    public void chunk(long conn, Direction dir, long nanos, byte[] bytes) {
        Conn c = get(conn);
        synchronized (c) {
            if (c.ended[dir.ordinal()]) {
                throw new IllegalStateException("bytes after the end of " + dir);
            }
            (dir == Direction.C2S ? c.c2s : c.s2c).writeBytes(bytes);
        }
    }

    @Override
    public void note(long conn, ConnectionNote note) {
        Conn c = get(conn);
        synchronized (c) {
            c.notes.add(note);
        }
    }

    @Override
    public void end(long conn, Direction dir, long nanos) {
        Conn c = get(conn);
        synchronized (c) {
            c.ended[dir.ordinal()] = true;
        }
    }

    synchronized Conn get(long conn) {
        return conns.get((int) conn);
    }

    synchronized int size() {
        return conns.size();
    }

    /** Waits (at most 10 s) until connection {@code index} exists and both its directions ended. */
    Conn awaitEnded(int index) {
        await(() -> size() > index && get(index).ended());
        return get(index);
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
