package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedTest {

    @TempDir
    Path dir;

    @Test
    void listenersHearCommittedChangesInOrderOnTheFeedThread() throws Exception {
        Path file = dir.resolve("feed.upgradescope");
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        long[] eventsSeenInStore = {-1};
        try (CaptureStore store = CaptureStore.create(file)) {
            store.addListener(new CaptureListener() {
                @Override
                public void connectionOpened(ConnectionRow c) {
                    heard.add("opened " + c.id());
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                public void eventAdded(EventRow e) {
                    heard.add("event " + e.kind());
                    if (eventsSeenInStore[0] < 0) {
                        try (SessionReader reader = SessionReader.open(file)) {
                            eventsSeenInStore[0] = reader.event(e.id()).isPresent() ? 1 : 0;
                        } catch (Exception ex) {
                            eventsSeenInStore[0] = 0;
                        }
                    }
                }

                @Override
                public void connectionUpdated(ConnectionRow c) {
                    heard.add("updated");
                }

                @Override
                public void connectionClosed(ConnectionRow c) {
                    heard.add("closed " + c.id() + " " + c.outcomeCode());
                    closed.countDown();
                }
            });
            try (Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
                WsConversation.record(recorder, System.nanoTime());
                assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(heard.get(0)).isEqualTo("opened 1");
        assertThat(heard).filteredOn(s -> s.startsWith("event ")).hasSize(12).first().isEqualTo("event http-request");
        assertThat(heard).last().isEqualTo("closed 1 upgraded");
        assertThat(eventsSeenInStore[0]).as("an event is committed before it is announced").isEqualTo(1);
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("upgradescope-feed"));
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aConnectionThatOpensAndChangesWithinOneCommitIsHeardAsOpenedThenUpdatedAndReadsBackInItsLatestState()
            throws Exception {
        Path file = dir.resolve("one-commit.upgradescope");
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch updated = new CountDownLatch(2);
        try (CaptureStore store = CaptureStore.create(file)) {
            store.addListener(new CaptureListener() {
                @Override
                public void connectionOpened(ConnectionRow c) {
                    heard.add("opened " + c.id() + " " + c.status());
                }

                @Override
                public void connectionUpdated(ConnectionRow c) {
                    heard.add("updated " + c.id() + " " + c.status());
                    updated.countDown();
                }

                @Override
                public void connectionClosed(ConnectionRow c) {
                    heard.add("closed " + c.id() + " " + c.status());
                    updated.countDown();
                }
            });
            for (long id = 1; id <= 2; id++) {
                long conn = store.nextConnectionId();
                store.connectionOpened(row(conn, 0, -1));
                store.connectionUpdated(row(conn, 101, -1));
            }
            store.connectionClosed(row(2, 101, 500));
            store.flush();
            assertThat(updated.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heard).containsExactly("opened 1 0", "opened 2 0", "closed 2 101", "updated 1 101");
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.connection(1)).contains(row(1, 101, -1));
            assertThat(reader.connection(2)).contains(row(2, 101, 500));
        }
    }

    private static ConnectionRow row(long id, int status, long closedNanos) {
        return new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.REVERSE, "h:80", 10, 20,
                closedNanos, closedNanos < 0 ? -1 : 7_000, 3, 4, List.of("websocket"), status,
                status == 101 ? UpgradeOutcome.UPGRADED : null, status == 101 ? "websocket" : "", 0, 2);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheFeed() throws Exception {
        Path file = dir.resolve("throws.upgradescope");
        CountDownLatch closed = new CountDownLatch(1);
        try (CaptureStore store = CaptureStore.create(file)) {
            store.addListener(new CaptureListener() {
                @Override
                public void eventAdded(EventRow e) {
                    throw new IllegalStateException("listener bug");
                }
            });
            store.addListener(new CaptureListener() {
                @Override
                public void connectionClosed(ConnectionRow c) {
                    closed.countDown();
                }
            });
            try (Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
                WsConversation.record(recorder, System.nanoTime());
                assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
