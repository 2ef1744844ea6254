package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.Dissected;
import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.UiSettings;
import dev.upgradescope.ui.main.WindowShell;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.wire.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Not a test: shows the real window on {@link SmallSession} under an X server and saves screenshots
 * of the timeline and the ladder in both themes with ImageMagick's {@code import -window root}.
 * Args: output directory.
 */
public final class ViewsScreenshots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path file = Files.createTempDirectory("us-shots").resolve("small.upgradescope");
        SmallSession.write(file);
        System.setProperty(UiSettings.NODE_PROPERTY, "dev/upgradescope/screenshots");
        Preferences.userRoot().node("dev/upgradescope/screenshots").clear();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shots-timer");
            t.setDaemon(true);
            return t;
        });
        InspectedSession[] session = new InspectedSession[1];
        WindowShell[] shell = new WindowShell[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            session[0] = new InspectedSession(new Background(Background.daemonWorker("shots-worker"), Platform::runLater),
                    (task, delay) -> timer.schedule(task, delay, TimeUnit.MILLISECONDS), none(),
                    Path.of(System.getProperty("java.io.tmpdir"), "us-shots-capture"));
            stage[0] = new Stage();
            shell[0] = new WindowShell(stage[0], session[0], UiSettings.load(), url -> { });
            shell[0].show();
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].setWidth(1500);
            stage[0].setHeight(950);
            session[0].open(file);
        });
        Thread.sleep(2500);
        for (Theme theme : Theme.values()) {
            String name = theme.name().toLowerCase(java.util.Locale.ROOT);
            for (long conn : new long[] {1, 2}) {
                onFx(() -> {
                    shell[0].theme(theme);
                    session[0].model().selectedProperty().set(session[0].model().item(conn));
                    ((TabPane) stage[0].getScene().getRoot().lookup(".centre-tabs")).getSelectionModel().select(3);
                });
                Thread.sleep(1500);
                onFx(() -> {
                    TimelineViewModel vm = TimelineView.of(stage[0].getScene().getRoot().lookup(".timeline")).viewModel();
                    vm.select(conn, conn == 1 ? 8 : 22);
                });
                Thread.sleep(1500);
                shot(out.resolve("window-" + name + "-conn" + conn + ".png"));
            }
            onFx(() -> {
                TimelineViewModel vm = TimelineView.of(stage[0].getScene().getRoot().lookup(".timeline")).viewModel();
                vm.zoomAround(vm.axis().toX(SmallSession.BASE + 300_000_000L), 0.05);
                vm.hover(vm.axis().toX(SmallSession.BASE + 300_000_000L), vm.laneCentre(0) + 6);
            });
            Thread.sleep(1500);
            shot(out.resolve("window-" + name + "-zoomed.png"));
            onFx(() -> ((javafx.scene.control.MenuButton) stage[0].getScene().getRoot().lookup(".timeline-legend")).show());
            Thread.sleep(800);
            shot(out.resolve("window-" + name + "-legend.png"));
            onFx(() -> ((javafx.scene.control.MenuButton) stage[0].getScene().getRoot().lookup(".timeline-legend")).hide());
            onFx(() -> TimelineView.of(stage[0].getScene().getRoot().lookup(".timeline")).viewModel().fit());
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path png) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("saved " + png);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static ConnectionDissection.Factory none() {
        return () -> new ConnectionDissection() {
            @Override
            public List<Dissected> feed(Direction dir, long offset, byte[] bytes) {
                return List.of();
            }

            @Override
            public List<Dissected> end(Direction dir) {
                return List.of();
            }
        };
    }
}
