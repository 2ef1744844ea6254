package dev.upgradescope.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.CaptureFailure;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionFeedTest {

    private final List<Runnable> timer = new ArrayList<>();
    private final List<SessionChanges> applied = new ArrayList<>();
    private final SessionFeed feed = new SessionFeed((task, delay) -> timer.add(task), Runnable::run, applied::add);

    private void tick() {
        List<Runnable> due = new ArrayList<>(timer);
        timer.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void updatesOfOneConnectionWithinAPeriodArriveAsItsLatestRowInOneBatch() {
        for (int status = 1; status <= 100; status++) {
            feed.connectionUpdated(SessionRows.connection(1, "a:80", List.of("websocket"), status, ""));
        }
        feed.connectionOpened(SessionRows.connection(2, "b:80", List.of(), 0, ""));
        assertThat(timer).hasSize(1);
        tick();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).rows()).extracting(r -> r.id() + "/" + r.status()).containsExactly("1/100", "2/0");
    }

    @Test
    void onlyTheWatchedConnectionsEventsAreKeptWholeOthersGiveTheirFilterWords() {
        Finding f = new Finding("ws.accept.mismatch", Severity.ERROR, SpecRef.rfc(6455, "4.2.2"), List.of(), null);
        feed.watch(2);
        feed.eventAdded(SessionRows.event(1, 1, "ws-frame", Direction.C2S, Map.of(), List.of(f)));
        feed.eventAdded(SessionRows.event(2, 1, "ws-frame", Direction.C2S, Map.of(), List.of()));
        feed.eventAdded(SessionRows.event(3, 2, "http-request", Direction.C2S,
                Map.of("headers", List.of(Map.of("name", "Sec-WebSocket-Key"))), List.of()));
        tick();
        SessionChanges c = applied.get(0);
        assertThat(c.watchedEvents()).extracting(e -> e.id()).containsExactly(3L);
        assertThat(c.keywords().get(1L)).containsExactly("ws.accept.mismatch");
        assertThat(c.keywords().get(2L)).contains("sec-websocket-key");
    }

    @Test
    void aStoreFailureAndLostChangesAreReported() {
        feed.storeFailed(new CaptureFailure(CaptureFailure.FULL, "disk", null));
        feed.changesLost(7);
        feed.changesLost(3);
        tick();
        assertThat(applied.get(0).failure().code()).isEqualTo(CaptureFailure.FULL);
        assertThat(applied.get(0).lost()).isEqualTo(10);
    }

    @Test
    void anEmptyPeriodAppliesNothing() {
        feed.eventAdded(SessionRows.event(1, 9, "ws-frame", Direction.C2S, Map.of(), List.of()));
        assertThat(timer).isEmpty();
        assertThat(applied).isEmpty();
    }
}
