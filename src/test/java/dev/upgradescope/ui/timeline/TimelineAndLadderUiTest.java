package dev.upgradescope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.ladder.LadderStep;
import dev.upgradescope.ui.ladder.LadderView;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline and the ladder on a small recorded session: marks and arrows select the session's event. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TimelineAndLadderUiTest {

    @TempDir
    static Path dir;

    private ScheduledExecutorService timer;
    private InspectedSession session;
    private TimelineView timeline;
    private LadderView ladder;

    @Start
    void start(Stage stage) throws IOException {
        timer = Executors.newSingleThreadScheduledExecutor();
        session = new InspectedSession(new Background(Background.daemonWorker("test-worker"),
                javafx.application.Platform::runLater), (task, delay) -> timer.schedule(task, delay,
                TimeUnit.MILLISECONDS), TimelineAndLadderUiTest::none, dir.resolve("captures"));
        Parent t = load("TimelineView.fxml", TimelineView.class);
        Parent l = load("/dev/upgradescope/ui/ladder/LadderView.fxml", LadderView.class);
        VBox root = new VBox(t, l);
        l.setStyle("-fx-pref-height: 420px;");
        Scene scene = new Scene(root, 1000, 700);
        scene.getStylesheets().setAll(Theme.base(), Theme.LIGHT.stylesheet());
        stage.setScene(scene);
        stage.show();
        session.open(SmallSession.write(dir.resolve("small-" + System.nanoTime() + ".upgradescope")));
    }

    private Parent load(String fxml, Class<?> type) throws IOException {
        FXMLLoader loader = new FXMLLoader(TimelineView.class.getResource(fxml));
        loader.setControllerFactory(c -> {
            if (c == TimelineView.class) {
                timeline = new TimelineView(session, Locale.ENGLISH);
                return timeline;
            }
            ladder = new LadderView(session, Locale.ENGLISH);
            return ladder;
        });
        return loader.load();
    }

    @AfterEach
    void stop() throws IOException {
        session.close();
        timer.shutdownNow();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingATimelineMarkSelectsItsConnectionAndEvent(FxRobot robot) throws Exception {
        TimelineViewModel vm = timeline.viewModel();
        waitUntil(() -> vm.laneCountProperty().get() == 4 && !vm.loading());
        long pingAt = SmallSession.BASE + 300_000_000L; // connection 1, server-to-client PING
        Canvas canvas = robot.lookup(".timeline-plot > Canvas").queryAs(Canvas.class);
        Point2D p = canvas.localToScreen(TimelinePainter.GUTTER + vm.axis().toX(pingAt),
                TimelinePainter.RULER + vm.laneCentre(0) + TimelineViewModel.trackOffset(Track.S2C));
        robot.moveTo(p);
        waitUntil(() -> vm.hoverTextProperty().get().contains("PING fin len=4"));
        robot.clickOn(p);
        waitUntil(() -> session.selection().eventProperty().get() != null);
        EventRow selected = session.selection().eventProperty().get();
        assertThat(selected.conn()).isEqualTo(1);
        assertThat(selected.summary()).isEqualTo("PING fin len=4");
        assertThat(session.model().selectedProperty().get().id()).isEqualTo(1);
        assertThat(vm.selectedProperty().get().kind()).isEqualTo(MarkKind.WS_PING);
        // the ladder follows the session's selection
        waitUntil(() -> ladder.viewModel().selectedProperty().get() != null);
        assertThat(ladder.viewModel().selectedProperty().get().summary()).isEqualTo("PING fin len=4");
    }

    @Test
    void theWheelZoomsAroundThePointerDraggingPansAndKeysZoomAndStep(FxRobot robot) throws Exception {
        TimelineViewModel vm = timeline.viewModel();
        waitUntil(() -> vm.laneCountProperty().get() == 4 && !vm.loading());
        Canvas canvas = robot.lookup(".timeline-plot > Canvas").queryAs(Canvas.class);
        double x = vm.plotWidth() / 2;
        Point2D middle = canvas.localToScreen(TimelinePainter.GUTTER + x, TimelinePainter.RULER + vm.laneCentre(0));
        TimeAxis fitted = vm.axis();

        robot.moveTo(middle).scroll(3, VerticalDirection.UP);
        waitUntil(() -> vm.axis().nanosPerPixel() != fitted.nanosPerPixel());
        TimeAxis zoomed = vm.axis();
        assertThat(zoomed.toNanos(x)).as("the time under the pointer stays").isCloseTo(fitted.toNanos(x),
                org.assertj.core.data.Offset.offset(zoomed.nanosPerPixel()));

        robot.drag(middle, MouseButton.PRIMARY).moveBy(-120, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> vm.axis().startNanos() > zoomed.startNanos());
        assertThat(vm.axis().nanosPerPixel()).isEqualTo(zoomed.nanosPerPixel());
        assertThat(vm.axis().startNanos() - zoomed.startNanos()).isCloseTo(120 * zoomed.nanosPerPixel(),
                org.assertj.core.data.Offset.offset(8 * zoomed.nanosPerPixel()));

        Point2D firstLaneLabel = canvas.localToScreen(20, TimelinePainter.RULER + vm.laneCentre(0));
        robot.clickOn(firstLaneLabel); // the lane's connection, and the keyboard's lane
        waitUntil(() -> vm.selectedProperty().get() != null && !vm.selectedProperty().get().isEvent());
        double before = vm.axis().nanosPerPixel();
        robot.type(KeyCode.EQUALS);
        waitUntil(() -> vm.axis().nanosPerPixel() < before);
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        waitUntil(() -> vm.selectedProperty().get().isEvent());
        assertThat(vm.selectedProperty().get().conn()).isEqualTo(vm.row(0).id());
    }

    @Test
    void clickingALadderArrowSelectsItsEvent(FxRobot robot) throws Exception {
        waitUntil(() -> session.model().connections().size() == 4);
        robot.interact(() -> session.model().selectedProperty().set(session.model().item(2)));
        waitUntil(() -> ladder.viewModel().completeProperty().get() && ladder.viewModel().steps().size() > 5);
        List<LadderStep> steps = ladder.viewModel().steps();
        assertThat(steps.get(0).summary()).isEqualTo("connection opened");
        assertThat(steps.get(steps.size() - 1).summary()).isEqualTo("connection closed");
        Node row = robot.lookup(".ladder-cell").match(n -> n instanceof ListCell<?> c && c.getItem() != null
                && ((LadderStep) c.getItem()).summary().contains("SETTINGS      ACK")).query();
        robot.clickOn(row);
        waitUntil(() -> session.selection().eventProperty().get() != null);
        assertThat(session.selection().eventProperty().get().summary()).contains("SETTINGS      ACK");
        // the timeline highlights what the ladder selected
        waitUntil(() -> timeline.viewModel().selectedProperty().get() != null
                && timeline.viewModel().selectedProperty().get().isEvent());
        assertThat(timeline.viewModel().selectedProperty().get().kind()).isEqualTo(MarkKind.H2_SETTINGS);
        // keyboard: the next row, Enter selects it
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> session.selection().eventProperty().get().summary().contains("HEADERS"));
    }

    private static ConnectionDissection none() {
        return new ConnectionDissection() {
            @Override
            public List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes) {
                return List.of();
            }

            @Override
            public List<DissectionEvent> end(Direction dir) {
                return List.of();
            }
        };
    }
}
