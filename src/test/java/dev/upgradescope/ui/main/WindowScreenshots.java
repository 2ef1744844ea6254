package dev.upgradescope.ui.main;

import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.UiSettings;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Not a test: runs the real window under an X server with a real capture through the forward proxy
 * (the JDK's WebSocket client tunnelling to a WebSocket echo server given as {@code host:port},
 * curl asking for an upgrade in absolute form, and curl to a closed port), then saves a screenshot
 * of every centre tab in both themes with ImageMagick's {@code import}, and the light Handshake tab
 * of the WebSocket connection as {@code screenshot.png}. Args: echo server, output directory.
 */
public final class WindowScreenshots {

    private static Stage stage;
    private static InspectedSession session;
    private static WindowShell shell;

    public static void main(String[] args) throws Exception {
        String echo = args.length > 0 ? args[0] : "127.0.0.1:9017";
        Path out = Path.of(args.length > 1 ? args[1] : "target/screenshots");
        Files.createDirectories(out);
        System.setProperty(UiSettings.NODE_PROPERTY, "dev/upgradescope/window-shots");
        Preferences.userRoot().node("dev/upgradescope/window-shots").clear();
        Locale.setDefault(Locale.ENGLISH);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shots-timer");
            t.setDaemon(true);
            return t;
        });
        onFx(() -> {
            session = new InspectedSession(new Background(Background.daemonWorker("shots-worker"), Platform::runLater),
                    (task, delay) -> timer.schedule(task, delay, TimeUnit.MILLISECONDS), UpgradeScopeApp.dissections(),
                    Files.exists(Path.of("target")) ? Path.of("target", "shots-capture")
                            : Path.of(System.getProperty("java.io.tmpdir"), "shots-capture"));
            stage = new Stage();
            stage.getIcons().setAll(UpgradeScopeApp.icons());
            shell = new WindowShell(stage, session, UiSettings.load(), url -> { });
            shell.show();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1400);
            stage.setHeight(900);
        });
        onFx(() -> {
            Parent root = stage.getScene().getRoot();
            ((ChoiceBox<ListenerMode>) root.lookup("#modeChoice")).setValue(ListenerMode.FORWARD);
            ((TextField) root.lookup("#listenField")).setText("127.0.0.1:0");
            ((Button) root.lookup("#captureButton")).fire();
        });
        while (session.addressProperty().get() == null) {
            Thread.sleep(100);
        }
        InetSocketAddress proxy = session.addressProperty().get();
        traffic(proxy, echo);
        Thread.sleep(2500);

        ConnectionItem ws = item(i -> i.row().status() == 101 && i.row().frames() > 0);
        ConnectionItem refused = item(i -> i.row().status() == 502);
        for (Theme theme : Theme.values()) {
            String name = theme.name().toLowerCase(Locale.ROOT);
            onFx(() -> shell.theme(theme));
            select(ws);
            String[] tabs = {"handshake", "messages", "raw", "ladder"};
            for (int t = 0; t < tabs.length; t++) {
                int tab = t;
                onFx(() -> tabs().getSelectionModel().select(tab));
                Thread.sleep(800);
                if (tabs[t].equals("messages")) {
                    onFx(() -> {
                        TableView<dev.upgradescope.ui.messages.EventSlot> m = (TableView<dev.upgradescope.ui.messages.EventSlot>)
                                stage.getScene().getRoot().lookup("#messagesTable");
                        for (int i = 0; i < m.getItems().size(); i++) {
                            var slot = m.getItems().get(i);
                            if (slot.row() != null && slot.row().summary().startsWith("TEXT message")) {
                                m.getSelectionModel().select(i);
                                m.scrollTo(Math.max(0, i - 3));
                                break;
                            }
                        }
                    });
                    Thread.sleep(800);
                }
                shot(out.resolve(name + "-ws-" + tabs[t] + ".png"));
                if (theme == Theme.LIGHT && tab == 0) {
                    shot(out.resolve("screenshot.png"));
                }
            }
            select(refused);
            for (int t : new int[] {1, 3}) {
                onFx(() -> tabs().getSelectionModel().select(t));
                Thread.sleep(1000);
                shot(out.resolve(name + "-refused-" + tabs[t] + ".png"));
            }
        }
        onFx(() -> ((Button) stage.getScene().getRoot().lookup("#captureButton")).fire());
        Thread.sleep(1500);
        Platform.exit();
        System.exit(0);
    }

    private static TabPane tabs() {
        return (TabPane) stage.getScene().getRoot().lookup(".centre-tabs");
    }

    private static ConnectionItem item(Predicate<ConnectionItem> p) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<ConnectionItem> all = onFx(() -> List.copyOf(session.model().connections()));
            for (ConnectionItem c : all) {
                if (p.test(c)) {
                    return c;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no such connection in " + session.model().connections());
    }

    private static void select(ConnectionItem item) throws Exception {
        onFx(() -> {
            TableView<ConnectionItem> table = (TableView<ConnectionItem>) stage.getScene().getRoot()
                    .lookup("#connectionsTable");
            table.getSelectionModel().select(item);
        });
        Thread.sleep(1500);
    }

    /** Real clients through the proxy: a WebSocket conversation, an upgrade asked by curl, a refused upstream. */
    private static void traffic(InetSocketAddress proxy, String echo) throws Exception {
        String p = "http://127.0.0.1:" + proxy.getPort();
        run("curl", "-s", "-o", "/dev/null", "--max-time", "2", "-x", p, "http://" + echo + "/ticker");
        run("curl", "-s", "-o", "/dev/null", "--max-time", "2", "-x", p, "-H", "Connection: Upgrade", "-H",
                "Upgrade: websocket", "-H", "Sec-WebSocket-Version: 13", "-H",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "http://" + echo + "/chat");
        WebSocket ws = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).build().newWebSocketBuilder()
                .subprotocols("chat.v1").buildAsync(URI.create("ws://" + echo + "/chat"), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"hello\",\"user\":\"ada\",\"room\":\"rfc6455\"}", true).get(5, TimeUnit.SECONDS);
        ws.sendText("Is anyone here? ¿Hay alguien? 有人嗎？", true).get(5, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff}), true).get(5, TimeUnit.SECONDS);
        ws.sendPing(ByteBuffer.wrap("ping".getBytes())).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"bye\"}", true).get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        run("curl", "-s", "-o", "/dev/null", "--max-time", "2", "-x", p, "http://127.0.0.1:1/chat");
    }

    private static void run(String... cmd) throws Exception {
        new ProcessBuilder(cmd).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    private static void shot(Path png) throws Exception {
        Process id = new ProcessBuilder("xdotool", "search", "--name", "UpgradeScope").start();
        String window = new String(id.getInputStream().readAllBytes()).lines().findFirst().orElse("root");
        id.waitFor();
        new ProcessBuilder("import", "-window", window, png.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        System.out.println("saved " + png);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Object[] result = new Object[1];
        Platform.runLater(() -> {
            try {
                result[0] = c.call();
            } catch (Exception e) {
                result[0] = null;
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
