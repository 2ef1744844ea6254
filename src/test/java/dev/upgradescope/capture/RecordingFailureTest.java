package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What happens when recording cannot keep up or cannot write: the source keeps going. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance assertion
class RecordingFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFullStoreStopsTheRecordingWithAClearErrorWhileSinkCallsKeepReturning() throws Exception {
        Path file = dir.resolve("full.upgradescope");
        CaptureStore.Options small = CaptureStore.Options.DEFAULTS.withMaxFileBytes(256 * 1024).withCommitMillis(20);
        List<CaptureFailure> failures = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        CaptureStore store = CaptureStore.create(file, small);
        store.addListener(new CaptureListener() {
            @Override
            public void storeFailed(CaptureFailure failure) {
                failures.add(failure);
                failed.countDown();
            }
        });
        Recorder recorder = new Recorder(store, ConnectionDissection.standard());
        long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.REVERSE, "t", 0, System.nanoTime()));
        recorder.chunk(conn, Direction.C2S, System.nanoTime(), WsConversation.REQUEST);
        recorder.flush();
        byte[] chunk = new byte[4096];
        for (int i = 0; i < 1024 && recorder.state() != Recorder.State.STOPPED; i++) {
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), chunk);
            if (i % 64 == 63) {
                Thread.sleep(30); // give the writer time to hit the limit while the source keeps sending
            }
        }
        assertThat(failed.await(30, TimeUnit.SECONDS)).as("storeFailed heard").isTrue();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).code()).isEqualTo(CaptureFailure.FULL);
        assertThat(failures.get(0).message()).contains(file.toString()).contains("no longer recorded");
        assertThat(store.failure()).contains(failures.get(0));

        // the source keeps relaying: every call returns, nothing more is recorded
        for (int i = 0; i < 10_000; i++) {
            recorder.chunk(conn, Direction.C2S, System.nanoTime(), chunk);
        }
        long next = recorder.open(new ConnectionInfo("c", "l", ListenerMode.REVERSE, "t", 0, System.nanoTime()));
        recorder.note(next, new ConnectionNote("x", "y", System.nanoTime()));
        recorder.end(next, Direction.C2S, System.nanoTime());
        assertThat(recorder.state()).isEqualTo(Recorder.State.STOPPED);
        assertThat(recorder.failure()).isPresent();
        assertThatThrownBy(recorder::flush).isInstanceOf(IOException.class);
        recorder.close();
        store.close();

        // what was committed before the failure is still readable
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.bytes(conn, Direction.C2S, 0, 1000)).isEqualTo(WsConversation.REQUEST);
        }
    }

    @Test
    void whenRecordingFallsBehindTheSourceIsAskedToPauseAndNothingIsDropped() throws Exception {
        Path file = dir.resolve("behind.upgradescope");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        ConnectionDissection.Factory stuck = () -> new ConnectionDissection() {
            @Override
            public List<DissectionEvent> feed(Direction d, long offset, byte[] bytes) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }

            @Override
            public List<DissectionEvent> end(Direction d) {
                return List.of();
            }
        };
        List<Boolean> told = new CopyOnWriteArrayList<>();
        CapacityGate gate = new CapacityGate();
        CaptureSink.Capacity capacity = full -> {
            told.add(full);
            gate.changed(full);
        };
        long conn;
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, stuck, new Recorder.Options(1 << 20, 64 * 1024, 1 << 20))) {
            conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.REVERSE, "t", 0, System.nanoTime()),
                    capacity);
            recorder.chunk(conn, Direction.C2S, System.nanoTime(), new byte[100]);
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            int sent = 0;
            while (!gate.full()) { // the consumer is stuck: the connection's 64 KiB mark is passed
                recorder.chunk(conn, Direction.C2S, System.nanoTime(), new byte[4096]);
                sent++;
            }
            assertThat(sent).isBetween(15, 17); // 16 × (4096 + per-chunk overhead) > 64 KiB
            assertThat(told).containsExactly(true);
            assertThat(recorder.state()).isEqualTo(Recorder.State.DEGRADED);
            // a source that keeps sending is not refused: nothing is dropped, nothing waits
            for (int i = 0; i < 16; i++) {
                recorder.chunk(conn, Direction.C2S, System.nanoTime(), new byte[4096]);
            }
            assertThat(told).containsExactly(true);
            release.countDown();
            assertThat(gate.awaitAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(told).containsExactly(true, false);
            recorder.chunk(conn, Direction.C2S, System.nanoTime(), new byte[10]);
            recorder.end(conn, Direction.C2S, System.nanoTime());
            recorder.end(conn, Direction.S2C, System.nanoTime());
            recorder.flush();
            assertThat(recorder.droppedBytes()).isZero();
            assertThat(recorder.state()).isEqualTo(Recorder.State.RECORDING);
            try (SessionReader reader = SessionReader.open(file)) {
                ConnectionRow c = reader.connection(conn).orElseThrow();
                assertThat(c.c2sBytes()).isEqualTo(100 + (sent + 16) * 4096L + 10);
                assertThat(reader.notes(conn)).extracting(NoteRow::code).doesNotContain(Recorder.NOTE_GAP);
                assertThat(c.closed()).isTrue();
            }
        }
    }

    @Test
    void aStoreThatFailsReleasesThePausedSourcesAndNeverPausesThemAgain() throws Exception {
        Path file = dir.resolve("fails.upgradescope");
        CaptureStore.Options small = CaptureStore.Options.DEFAULTS.withMaxFileBytes(256 * 1024).withCommitMillis(20);
        CapacityGate gate = new CapacityGate();
        CaptureStore store = CaptureStore.create(file, small);
        Recorder recorder = new Recorder(store, ConnectionDissection.standard(), new Recorder.Options(1 << 20, 64 * 1024, 1 << 20));
        long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.REVERSE, "t", 0, System.nanoTime()), gate);
        byte[] chunk = new byte[4096];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recorder.state() != Recorder.State.STOPPED && System.nanoTime() < deadline) {
            gate.awaitAvailable(100, TimeUnit.MILLISECONDS);
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), chunk);
        }
        assertThat(recorder.state()).isEqualTo(Recorder.State.STOPPED);
        assertThat(gate.awaitAvailable(10, TimeUnit.SECONDS)).as("released").isTrue();
        for (int i = 0; i < 1000; i++) {
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), chunk);
        }
        assertThat(gate.full()).isFalse();
        assertThat(recorder.droppedBytes()).isGreaterThanOrEqualTo(1000L * chunk.length);
        recorder.close();
        store.close();
    }
}
