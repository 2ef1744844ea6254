package dev.upgradescope.bench;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.ui.UiSettings;
import dev.upgradescope.ui.main.WindowShell;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.fx.FxBatcher;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.timeline.TimelineView;
import dev.upgradescope.ui.timeline.TimelineViewModel;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Not a test: a program that measures the real window on a large session. It records a session of
 * 200 WebSocket connections and 1,000,000 frames through the recorder and dissectors, opens it in
 * the real main window, and
 * prints the time to the first paint of the connections and of the timeline's marks, and the worst
 * FX pulse while scrolling the connections table, the messages table and the timeline.
 *
 * <pre>
 * Xvfb :99 &amp;  DISPLAY=:99 ./mvnw -B -o -Pbench test-compile exec:exec -Dbench=LargeSessionBenchmark
 * </pre>
 * (or run the class with the test class path; args: [session file] [connections] [frames per connection])
 */
public final class LargeSessionBenchmark {

    private static final int PHASE_PULSES = 240;

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("java.io.tmpdir"), "upgradescope-large.upgradescope");
        int conns = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            generate(file, conns, frames);
            System.out.printf(Locale.ROOT, "generated %s: %d connections x %d frames in %.1f s, %d MiB%n", file, conns,
                    frames, (System.nanoTime() - t) / 1e9, Files.size(file) >> 20);
        } else {
            System.out.println("using existing " + file);
        }
        System.setProperty(UiSettings.NODE_PROPERTY, "dev/upgradescope/bench");
        Preferences.userRoot().node("dev/upgradescope/bench").clear();
        System.out.println("load average at the start: " + loadAverage() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> new Run(file, conns, done).start());
        done.await();
        Platform.exit();
        System.exit(0);
    }

    // ---------------------------------------------------------------- the session

    /**
     * Records the session through the real recorder and dissectors, as a capture would: each
     * connection's handshake, then {@code frames} frames (text, binary, pings and pongs, a Close at
     * the end) alternating between the directions, a few hundred bytes per chunk.
     */
    static void generate(Path file, int conns, int frames) throws Exception {
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            long t = System.nanoTime();
            for (int c = 1; c <= conns; c++) {
                t += 50_000_000L;
                long id = recorder.open(new ConnectionInfo("127.0.0.1:" + (40000 + c), "127.0.0.1:8080",
                        ListenerMode.REVERSE, "127.0.0.1:9000", 0, t));
                byte[] req = ("GET /chat/" + c + " HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                recorder.chunk(id, Direction.C2S, t += 200_000, req);
                byte[] resp = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                recorder.chunk(id, Direction.S2C, t += 300_000, resp);
                ByteArrayOutputStream[] pending = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
                for (int f = 0; f < frames; f++) {
                    t += 2_000_000 + (f * 7919L % 9_000_000);
                    Direction dir = f % 2 == 0 ? Direction.C2S : Direction.S2C;
                    int opcode = f == frames - 1 ? 8 : f % 50 == 7 ? 9 : f % 50 == 8 ? 10 : f % 5 == 3 ? 2 : 1;
                    byte[] payload = opcode == 8 ? new byte[] {0x03, (byte) 0xe8}
                            : ("message " + f).getBytes(StandardCharsets.US_ASCII);
                    int d = dir.ordinal();
                    pending[d].write(frame(opcode, payload, dir == Direction.C2S));
                    if (pending[d].size() > 200 || f == frames - 1) {
                        recorder.chunk(id, dir, t, pending[d].toByteArray());
                        pending[d].reset();
                    }
                }
                for (int d = 0; d < 2; d++) {
                    if (pending[d].size() > 0) {
                        recorder.chunk(id, Direction.values()[d], t, pending[d].toByteArray());
                    }
                }
                recorder.end(id, Direction.C2S, t += 1_000_000);
                recorder.end(id, Direction.S2C, t);
                if (recorder.pendingBytes() > 4 << 20) {
                    recorder.flush();
                }
            }
            recorder.flush();
        }
    }

    private static byte[] frame(int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        out.write((masked ? 0x80 : 0) | payload.length);
        if (masked) {
            out.writeBytes(new byte[4]); // a zero masking key leaves the payload as it is (RFC 6455 §5.3)
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- the window

    /** Opens the session in the real window and drives it pulse by pulse, measuring the gaps between pulses. */
    private static final class Run {
        private final Path file;
        private final int conns;
        private final CountDownLatch done;
        private InspectedSession session;
        private Stage stage;
        private long openedAt;
        private long lastPulse;
        private final List<String> report = new ArrayList<>();

        Run(Path file, int conns, CountDownLatch done) {
            this.file = file;
            this.conns = conns;
            this.done = done;
        }

        void start() {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "bench-timer");
                th.setDaemon(true);
                return th;
            });
            FxBatcher.Timer fxTimer = (task, delay) -> timer.schedule(task, delay, TimeUnit.MILLISECONDS);
            Background background = new Background(Background.daemonWorker("upgradescope-ui-worker"),
                    Platform::runLater);
            session = new InspectedSession(background, fxTimer, ConnectionDissection.standard(),
                    Path.of(System.getProperty("java.io.tmpdir"), "upgradescope-bench"));
            stage = new Stage();
            WindowShell shell = new WindowShell(stage, session, UiSettings.load(), url -> { });
            shell.show();
            stage.setWidth(1400);
            stage.setHeight(900);
            Platform.runLater(() -> {
                openedAt = System.nanoTime();
                session.open(file);
                phases();
            });
        }

        private TimelineView timelineView;

        /** Looked up once: a scene-graph lookup on every pulse would be the benchmark's own cost. */
        private TimelineView timelineView() {
            if (timelineView == null) {
                Node n = stage.getScene().getRoot().lookup(".timeline");
                timelineView = TimelineView.of(n);
            }
            return timelineView;
        }

        private TimelineViewModel timeline() {
            return timelineView().viewModel();
        }

        private void phases() {
            List<Phase> phases = new ArrayList<>();
            TableView<?>[] connections = {null};
            TableView<?>[] messages = {null};
            phases.add(new Phase("first paint of the connections table", 20_000, i -> { },
                    () -> session.model().connections().size() >= conns, true));
            phases.add(new Phase("first paint of the timeline's visible marks", 20_000, i -> { },
                    () -> visibleMarks() > 0, true));
            phases.add(new Phase("reading every timeline mark (1,000,000) (nothing else going on)", 120_000, i -> { },
                    () -> !timeline().loading(), true));
            phases.add(new Phase("scrolling the connections table", PHASE_PULSES, i -> {
                if (connections[0] == null) {
                    connections[0] = (TableView<?>) stage.getScene().getRoot().lookup(".table-view.connections");
                }
                connections[0].scrollTo((i * 3) % conns);
            }, () -> false, false));
            phases.add(new Phase("selecting a connection of 5,000 frames (detail and messages load)", 20_000, i -> {
                if (i == 0) {
                    connections[0].getSelectionModel().select(conns / 2);
                    TabPane tabs = (TabPane) stage.getScene().getRoot().lookup(".centre-tabs");
                    tabs.getSelectionModel().select(1);
                }
            }, () -> {
                if (messages[0] == null) {
                    messages[0] = (TableView<?>) stage.getScene().getRoot().lookup(".table-view.messages");
                }
                return messages[0] != null && messages[0].getItems().size() >= 4_000;
            }, true));
            phases.add(new Phase("scrolling the messages table", PHASE_PULSES, i ->
                    messages[0].scrollTo((int) ((long) i * 97 % messages[0].getItems().size())), () -> false, false));
            phases.add(new Phase("panning, zooming and scrolling the timeline", PHASE_PULSES, i -> {
                TimelineViewModel vm = timeline();
                switch (i % 4) {
                    case 0 -> vm.pan(37);
                    case 1 -> vm.zoomAround(vm.plotWidth() / 3, i % 8 == 1 ? 0.7 : 1.4);
                    case 2 -> vm.scrollLanes((i * 5) % conns);
                    default -> vm.pan(-23);
                }
            }, () -> false, false));
            phases.add(new Phase("timeline zoomed out to the whole session (dense columns)", PHASE_PULSES, i -> {
                TimelineViewModel vm = timeline();
                if (i == 0) {
                    vm.fit();
                }
                vm.scrollLanes((i * 3) % conns);
            }, () -> false, false));
            runPhases(phases, 0);
        }

        private int visibleMarks() {
            TimelineViewModel vm = timeline();
            int n = 0;
            for (int l = vm.firstLaneProperty().get(); l <= vm.lastVisibleLane(); l++) {
                n += vm.markCount(l);
            }
            return n;
        }

        private void runPhases(List<Phase> phases, int index) {
            if (index == phases.size()) {
                report.forEach(System.out::println);
                System.out.println("load average at the end: " + loadAverage());
                done.countDown();
                return;
            }
            Phase p = phases.get(index);
            long phaseStart = System.nanoTime();
            lastPulse = 0;
            new AnimationTimer() {
                int pulses;
                boolean seen;
                long worst;
                long worstPaint;
                long total;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (lastPulse != 0) {
                        long gap = t - lastPulse;
                        worst = Math.max(worst, gap);
                        total += gap;
                    }
                    lastPulse = t;
                    TimelineView view = timelineView();
                    worstPaint = Math.max(worstPaint, view.lastPaintNanos());
                    boolean reached = seen; // reported one pulse after the condition held: that pulse painted it
                    seen = seen || p.until.getAsBoolean();
                    if (reached || pulses >= p.pulses) {
                        stop();
                        long since = t - (p.fromOpen ? openedAt : phaseStart);
                        report.add(String.format(Locale.ROOT,
                                "%-66s %s  worst pulse %6.1f ms  mean %5.1f ms over %4d pulses, timeline paint <= %5.1f ms CPU%s", p.name,
                                p.fromOpen ? String.format(Locale.ROOT, "at %7.0f ms after open", since / 1e6)
                                        : String.format(Locale.ROOT, "took %7.0f ms          ", since / 1e6),
                                worst / 1e6, pulses > 1 ? total / 1e6 / (pulses - 1) : 0, pulses, worstPaint / 1e6,
                                p.fromOpen && !reached ? "  (NOT REACHED)" : ""));
                        Platform.runLater(() -> runPhases(phases, index + 1));
                        return;
                    }
                    p.step.accept(pulses);
                    pulses++;
                }
            }.start();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private record Phase(String name, int pulses, IntConsumer step, java.util.function.BooleanSupplier until,
                         boolean fromOpen) {
    }
}
