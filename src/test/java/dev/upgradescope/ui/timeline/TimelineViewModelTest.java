package dev.upgradescope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {

    private static final long MS = 1_000_000;
    private final Events store = new Events();
    private final List<Runnable> worker = new ArrayList<>();
    private TimelineViewModel vm;

    @BeforeEach
    void setUp() {
        Executor queued = worker::add;
        vm = new TimelineViewModel(store, new Background(queued, Runnable::run), Events.texts());
        vm.setViewport(1_000, 300);
    }

    private void drain() {
        while (!worker.isEmpty()) {
            worker.remove(0).run();
        }
    }

    private List<ConnectionRow> twoConnections() {
        store.event(1, 1 * MS, "http-request", Direction.C2S, "GET /chat HTTP/1.1");
        store.event(1, 2 * MS, "http-response", Direction.S2C, "HTTP/1.1 101 Switching Protocols");
        store.frame(1, 10 * MS, Direction.C2S, 1);
        store.frame(1, 20 * MS, Direction.S2C, 2);
        store.frame(2, 50 * MS, Direction.C2S, 9);
        return List.of(Events.connection(1, 0, 100 * MS, 4), Events.connection(2, 40 * MS, -1, 1));
    }

    @Test
    void readsEveryLaneAndFitsTheWholeSession() {
        vm.setConnections(twoConnections());
        assertThat(vm.loading()).isTrue();
        drain();
        assertThat(vm.loading()).isFalse();
        assertThat(vm.markCount(0)).isEqualTo(4);
        assertThat(vm.markCount(1)).isEqualTo(1);
        TimeAxis a = vm.axis();
        assertThat(a.toX(0)).isBetween(0.0, 50.0);
        assertThat(a.toX(100 * MS)).isBetween(950.0, 1_000.0);
    }

    @Test
    void cellsAreSplitByDirectionAboveAndBelowTheLine() {
        vm.setConnections(twoConnections());
        drain();
        List<MarkCell> cells = vm.cells(0, 0, 1_000);
        assertThat(cells).extracting(MarkCell::track).containsExactlyInAnyOrder(Track.C2S, Track.C2S, Track.S2C,
                Track.S2C);
        assertThat(TimelineViewModel.trackOffset(Track.C2S)).isNegative();
        assertThat(TimelineViewModel.trackOffset(Track.S2C)).isPositive();
    }

    @Test
    void visibleLanesAreReadFirst() {
        List<ConnectionRow> rows = new ArrayList<>();
        for (int c = 1; c <= 30; c++) {
            store.frame(c, c * MS, Direction.C2S, 1);
            rows.add(Events.connection(c, c * MS - 1, -1, 1));
        }
        vm.setViewport(1_000, 3 * TimelineViewModel.LANE_HEIGHT);
        vm.setConnections(rows); // asks for the first lane, then in view
        vm.scrollLanes(20);
        worker.remove(0).run(); // lane 0, asked for before scrolling
        worker.remove(0).run(); // then the lanes in view first
        assertThat(vm.markCount(20)).isEqualTo(1);
        assertThat(vm.markCount(5)).isZero();
    }

    @Test
    void pagesAreReadUntilTheLaneIsComplete() {
        int n = TimelineViewModel.PAGE * 2 + 10;
        for (int i = 0; i < n; i++) {
            store.frame(1, i * 1_000L, i % 2 == 0 ? Direction.C2S : Direction.S2C, 1);
        }
        vm.setConnections(List.of(Events.connection(1, 0, -1, n)));
        drain();
        assertThat(vm.markCount(0)).isEqualTo(n);
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void clickSelectsTheMarkUnderThePointerAndHoverDescribesIt() {
        vm.setConnections(twoConnections());
        drain();
        double x = vm.axis().toX(10 * MS);
        double y = vm.laneCentre(0) + TimelineViewModel.trackOffset(Track.C2S);
        assertThat(vm.click(x + 2, y)).isTrue();
        MarkRef m = vm.selectedProperty().get();
        assertThat(m.conn()).isEqualTo(1);
        assertThat(m.eventId()).isEqualTo(3);
        assertThat(m.kind()).isEqualTo(MarkKind.WS_TEXT);
        vm.hover(x, y);
        drain();
        assertThat(vm.hoverTextProperty().get()).contains("#1", "WebSocket text frame", "client → server",
                "10.000 ms", "OP1 fin len=1");
        vm.hover(x + 200, y);
        assertThat(vm.hoverTextProperty().get()).isEmpty();
    }

    @Test
    void selectionFromOutsideWaitsForTheLaneAndBringsTheMarkIntoView() {
        vm.setConnections(twoConnections());
        vm.select(2, 5);
        assertThat(vm.selectedProperty().get()).isNull();
        drain();
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.selectedProperty().get().nanos()).isEqualTo(50 * MS);
        vm.zoomAround(0, 0.001); // zoom far in at the start: the mark is out of view
        vm.selectedProperty().set(null);
        vm.select(2, 5);
        double x = vm.axis().toX(50 * MS);
        assertThat(x).isBetween(0.0, 1_000.0);
    }

    @Test
    void followLiveKeepsTheNewestTimeInView() {
        vm.setConnections(twoConnections());
        drain();
        vm.zoomAround(500, 0.01);
        vm.followLiveProperty().set(true);
        store.frame(2, 400 * MS, Direction.S2C, 1);
        vm.setConnections(List.of(Events.connection(1, 0, 100 * MS, 4), Events.connection(2, 40 * MS, -1, 2)));
        drain();
        assertThat(vm.axis().toX(400 * MS)).isBetween(900.0, 1_000.0);
        vm.pan(50);
        assertThat(vm.followLiveProperty().get()).isFalse();
    }

    @Test
    void keyboardStepsThroughTheFocusedLane() {
        vm.setConnections(twoConnections());
        drain();
        vm.focusLane(1); // from none to lane 0
        vm.step(1);
        assertThat(vm.selectedProperty().get().eventId()).isEqualTo(1);
        vm.step(1);
        assertThat(vm.selectedProperty().get().eventId()).isEqualTo(2);
        vm.step(1);
        assertThat(vm.selectedProperty().get().eventId()).isEqualTo(3);
        vm.step(-1);
        assertThat(vm.selectedProperty().get().eventId()).isEqualTo(2);
    }

    @Test
    void rulerTicksAreRoundAndSpacedOut() {
        vm.setConnections(twoConnections());
        drain();
        List<Tick> ticks = vm.ticks();
        assertThat(ticks).hasSizeBetween(3, 12);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).x() - ticks.get(i - 1).x()).isGreaterThanOrEqualTo(90);
        }
        assertThat(ticks.get(0).label()).endsWith(" ms");
    }

    @Test
    void resetForgetsLanesAndIgnoresLateReads() {
        vm.setConnections(twoConnections());
        vm.reset();
        drain();
        assertThat(vm.laneCountProperty().get()).isZero();
    }

    @Test
    void aSummaryReadForThePreviousSessionIsNotShownInTheNext() {
        vm.setConnections(twoConnections());
        drain();
        double x = vm.axis().toX(10 * MS);
        double y = vm.laneCentre(0) + TimelineViewModel.trackOffset(Track.C2S);
        vm.hover(x, y); // asks for event 3's summary
        vm.reset(); // another session file opens before it arrives
        drain(); // the old summary arrives late
        EventRow old = store.rows.get(2);
        store.rows.set(2, new EventRow(old.id(), old.conn(), old.kind(), old.dir(), 0, 0, old.nanos(), old.wallMicros(),
                "the next session's frame", old.attributes(), List.of(), -1));
        vm.setConnections(twoConnections().subList(0, 1));
        drain();

        vm.hover(x, y);
        assertThat(vm.hoverTextProperty().get()).doesNotContain("OP1 fin len=1");
        drain();
        assertThat(vm.hoverTextProperty().get()).endsWith("the next session's frame");
    }

    @Test
    void aPageThatCannotBeReadEndsTheLanesLoadingInsteadOfStallingIt() {
        List<ConnectionRow> rows = twoConnections();
        store.failing = new IOException("disk gone");
        vm.setConnections(rows);
        drain();

        assertThat(vm.loading()).isFalse();
        assertThat(vm.markCount(0)).isZero();
        assertThat(store.reads).isEqualTo(2); // one try per lane, no endless retry
    }
}
