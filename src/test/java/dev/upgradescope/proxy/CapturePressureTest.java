package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.CaptureSink;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ConnectionNote;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording far slower than loopback: the proxy stops reading while the capture is full instead
 * of losing bytes, the peers are slowed down and finish, and the session holds exactly what they
 * exchanged.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance assertion
class CapturePressureTest {

    private static final int SIZE = 4 << 20;

    @TempDir
    Path dir;

    @Test
    void aSlowRecordingPausesTheProxyAndLosesNothing() throws Exception {
        Path file = dir.resolve("slow.upgradescope");
        // the session store takes at most 64 KiB ahead of its writer, and every chunk costs the
        // recording thread 2 ms more: a few tens of MB/s at most, far below loopback
        CaptureStore store = CaptureStore.create(file, CaptureStore.Options.DEFAULTS.withQueueBytes(64 * 1024));
        Recorder recorder = new Recorder(store, slow(ConnectionDissection.standard()),
                new Recorder.Options(512 * 1024, 128 * 1024, 1 << 20));
        Observed sink = new Observed(recorder);
        byte[] sent = RawPeers.randomBytes(SIZE, 11);
        byte[] echoed;
        try (RawPeers.Server echo = new RawPeers.Server(RawPeers::echo);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                     new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + echo.port())))), sink);
             Socket client = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
            client.setSoTimeout(60_000);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(sent);
                    client.getOutputStream().flush();
                    client.shutdownOutput();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            InputStream in = client.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            echoed = all.toByteArray();
            writing.get(60, TimeUnit.SECONDS);
        }
        recorder.flush();
        assertThat(echoed).isEqualTo(sent);
        assertThat(sink.pauses.get()).as("times the proxy was asked to pause").isPositive();
        assertThat(sink.resumes.get()).isEqualTo(sink.pauses.get());
        assertThat(recorder.droppedBytes()).isZero();
        assertThat(recorder.state()).isEqualTo(Recorder.State.RECORDING);
        // nothing piled up: what the recorder held never went far past its own marks
        assertThat(sink.maxOutstanding.get()).isLessThan(4L << 20);
        assertThat(sink.handed.get()).isEqualTo(2L * SIZE);
        recorder.close();
        store.close();
        try (SessionReader reader = SessionReader.open(file)) {
            ConnectionRow c = reader.connection(sink.conn).orElseThrow();
            assertThat(c.c2sBytes()).isEqualTo(SIZE);
            assertThat(c.s2cBytes()).isEqualTo(SIZE);
            assertThat(reader.bytes(sink.conn, Direction.C2S, 0, SIZE)).isEqualTo(sent);
            assertThat(reader.bytes(sink.conn, Direction.S2C, 0, SIZE)).isEqualTo(sent);
            assertThat(reader.notes(sink.conn)).extracting(n -> n.code()).doesNotContain(Recorder.NOTE_GAP);
        }
    }

    private static ConnectionDissection.Factory slow(ConnectionDissection.Factory real) {
        return () -> {
            ConnectionDissection d = real.create();
            return new ConnectionDissection() {
                @Override
                public List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return d.feed(dir, offset, bytes);
                }

                @Override
                public List<DissectionEvent> end(Direction dir) {
                    return d.end(dir);
                }
            };
        };
    }

    /** Passes everything to the recorder, counting the pauses it asks for and the bytes it was handed. */
    private static final class Observed implements CaptureSink {
        final Recorder recorder;
        final AtomicInteger pauses = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicLong handed = new AtomicLong();
        final AtomicLong maxOutstanding = new AtomicLong();
        volatile long conn;

        Observed(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public long open(ConnectionInfo info) {
            return open(info, Capacity.IGNORED);
        }

        @Override
        public long open(ConnectionInfo info, Capacity capacity) {
            conn = recorder.open(info, full -> {
                (full ? pauses : resumes).incrementAndGet();
                capacity.changed(full);
            });
            return conn;
        }

        @Override
        public void target(long c, String target) {
            recorder.target(c, target);
        }

        @Override
        public void chunk(long c, Direction dir, long nanos, byte[] bytes) {
            handed.addAndGet(bytes.length);
            recorder.chunk(c, dir, nanos, bytes);
            maxOutstanding.accumulateAndGet(recorder.pendingBytes(), Math::max);
        }

        @Override
        public void note(long c, ConnectionNote note) {
            recorder.note(c, note);
        }

        @Override
        public void end(long c, Direction dir, long nanos) {
            recorder.end(c, dir, nanos);
        }
    }
}
