package dev.upgradescope.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.timeline.Events;
import dev.upgradescope.ui.timeline.MarkKind;
import dev.upgradescope.ui.timeline.Track;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LadderViewModelTest {

    private static final long MS = 1_000_000;
    private final Events store = new Events();
    private final List<Runnable> worker = new ArrayList<>();
    private LadderViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new LadderViewModel(store, new Background(worker::add, Runnable::run), LadderView.bundle(Locale.ENGLISH));
    }

    private void drain() {
        while (!worker.isEmpty()) {
            worker.remove(0).run();
        }
    }

    @Test
    void showsOpeningHandshakeFramesAndClosingWithTimesSinceOpening() {
        store.event(1, 1_001 * MS, "http-request", Direction.C2S, "GET /chat HTTP/1.1");
        store.event(1, 1_002 * MS, "http-response", Direction.S2C, "HTTP/1.1 101 Switching Protocols");
        store.event(1, 1_002 * MS, "handshake", null, "");
        store.frame(1, 1_010 * MS, Direction.C2S, 1);
        store.frame(1, 1_020 * MS, Direction.S2C, 8);
        vm.show(Events.connection(1, 1_000 * MS, 1_030 * MS, 5));
        drain();
        assertThat(vm.steps()).extracting(LadderStep::kind).containsExactly(MarkKind.CONNECT, MarkKind.REQUEST,
                MarkKind.RESPONSE, MarkKind.WS_TEXT, MarkKind.WS_CLOSE, MarkKind.CLOSED);
        assertThat(vm.steps()).extracting(LadderStep::track).containsExactly(Track.C2S, Track.C2S, Track.S2C,
                Track.C2S, Track.S2C, Track.CENTRE);
        assertThat(LadderViewModel.time(vm.steps().get(3))).isEqualTo("+10.000 ms");
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.spoken(vm.steps().get(1))).isEqualTo("client to server: GET /chat HTTP/1.1, +1.000 ms");
    }

    @Test
    void readsOnePageAtATimeAsTheUserScrolls() {
        int n = LadderViewModel.PAGE * 2 + 5;
        for (int i = 0; i < n; i++) {
            store.frame(1, i * MS, Direction.S2C, 1);
        }
        vm.show(Events.connection(1, 0, -1, n));
        drain();
        assertThat(vm.steps()).hasSize(1 + LadderViewModel.PAGE);
        assertThat(vm.completeProperty().get()).isFalse();
        vm.loadMore();
        vm.loadMore(); // ignored while a read is under way
        drain();
        assertThat(vm.steps()).hasSize(1 + 2 * LadderViewModel.PAGE);
        vm.loadMore();
        drain();
        assertThat(vm.steps()).hasSize(1 + n);
        assertThat(vm.completeProperty().get()).isTrue();
    }

    @Test
    void selectingAnEventBeyondThePagesReadReadsOnUntilItIsThere() {
        int n = LadderViewModel.PAGE * 3;
        for (int i = 0; i < n; i++) {
            store.frame(1, i * MS, Direction.C2S, 2);
        }
        vm.show(Events.connection(1, 0, -1, n));
        drain();
        vm.select(n - 1);
        drain();
        assertThat(vm.selectedProperty().get().eventId()).isEqualTo(n - 1);
    }

    @Test
    void aGrowingConnectionIsReadOnAndItsClosingAddedOnce() {
        store.frame(1, 5 * MS, Direction.C2S, 1);
        vm.show(Events.connection(1, 0, -1, 1));
        drain();
        assertThat(vm.steps()).hasSize(2);
        store.frame(1, 6 * MS, Direction.S2C, 1);
        vm.updated(Events.connection(1, 0, 9 * MS, 2));
        drain();
        vm.updated(Events.connection(1, 0, 9 * MS, 2));
        drain();
        assertThat(vm.steps()).extracting(LadderStep::kind).containsExactly(MarkKind.CONNECT, MarkKind.WS_TEXT,
                MarkKind.WS_TEXT, MarkKind.CLOSED);
    }

    @Test
    void theProxysNotesStandAtItsLifelineInTimeOrderWithTheirTextAndDetail() {
        store.event(1, 1_001 * MS, "http-request", Direction.C2S, "GET http://127.0.0.1:1/ HTTP/1.1");
        store.note(1, 1_002 * MS, "upstream.refused", "Connection refused: /127.0.0.1:1");
        store.event(1, 1_003 * MS, "http-response", Direction.S2C, "HTTP/1.1 502 Bad Gateway");
        store.note(1, 1_004 * MS, "client.closed", "");
        vm = new LadderViewModel(store, new Background(worker::add, Runnable::run), LadderView.bundle(Locale.ENGLISH),
                n -> dev.upgradescope.ui.session.NoteText.line(dev.upgradescope.ui.Messages.bundle(Locale.ENGLISH), n));
        vm.show(Events.connection(1, 1_000 * MS, 1_005 * MS, 2));
        drain();
        assertThat(vm.steps()).extracting(LadderStep::kind).containsExactly(MarkKind.CONNECT, MarkKind.REQUEST,
                MarkKind.NOTE, MarkKind.RESPONSE, MarkKind.NOTE, MarkKind.CLOSED);
        LadderStep refused = vm.steps().get(2);
        assertThat(refused.track()).isEqualTo(Track.CENTRE);
        assertThat(refused.isEvent()).isFalse();
        assertThat(refused.summary()).contains("refused the connection").endsWith("Connection refused: /127.0.0.1:1");
        assertThat(LadderViewModel.time(refused)).isEqualTo("+2.000 ms");
    }

    @Test
    void aNoteAfterThePageReadSoFarWaitsForTheEventsBeforeIt() {
        int n = LadderViewModel.PAGE + 3;
        for (int i = 0; i < n; i++) {
            store.frame(1, i * MS, Direction.S2C, 1);
        }
        store.note(1, (n - 1) * MS + 1, "idle.timeout", "60 s");
        vm.show(Events.connection(1, 0, -1, n));
        drain();
        assertThat(vm.steps()).extracting(LadderStep::kind).doesNotContain(MarkKind.NOTE);
        vm.loadMore();
        drain();
        assertThat(vm.steps().get(vm.steps().size() - 1).kind()).isEqualTo(MarkKind.NOTE);
        assertThat(vm.steps()).filteredOn(s -> s.kind() == MarkKind.NOTE).hasSize(1);
    }

    @Test
    void anotherConnectionDropsLateReadsOfThePrevious() {
        store.frame(1, 5 * MS, Direction.C2S, 1);
        store.frame(2, 5 * MS, Direction.C2S, 2);
        vm.show(Events.connection(1, 0, -1, 1));
        vm.show(Events.connection(2, 0, -1, 1));
        drain();
        assertThat(vm.steps()).extracting(LadderStep::kind).containsExactly(MarkKind.CONNECT, MarkKind.WS_BINARY);
    }

    @Test
    void aPageThatCannotBeReadEndsTheLadderWithWhatItHas() {
        store.frame(1, 5 * MS, Direction.C2S, 1);
        store.failing = new java.io.IOException("disk gone");
        vm.show(Events.connection(1, 0, -1, 1));
        drain();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.steps()).extracting(LadderStep::kind).containsExactly(MarkKind.CONNECT);
    }
}
