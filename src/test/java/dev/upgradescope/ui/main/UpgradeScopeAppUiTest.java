package dev.upgradescope.ui.main;

import dev.upgradescope.ui.Messages;
import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.UiLanguage;
import dev.upgradescope.ui.UiSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.testpeers.JettyPeers;
import dev.upgradescope.ui.connections.OutcomeBadge;
import dev.upgradescope.ui.findings.FindingRow;
import dev.upgradescope.ui.handshake.HandshakeNode;
import dev.upgradescope.ui.messages.EventSlot;
import dev.upgradescope.ui.raw.HexLayout;
import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.wire.Field;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.eclipse.jetty.server.Server;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window driven headless: a capture through the real proxy on a loopback port, real
 * clients (the JDK's WebSocket and HTTP/2 clients, a raw socket) and Jetty servers; then the
 * rows, badges, header tree, raw-byte highlighting, messages list and findings panel are checked.
 */
@Tag("ui")
class UpgradeScopeAppUiTest {

    private static java.nio.file.Path captures;
    private static Server wsEcho;
    private static Server h2c;
    private final FxRobot robot = new FxRobot();
    private UpgradeScopeApp app;

    @BeforeAll
    static void peers() throws Exception {
        Preferences prefs = Preferences.userRoot().node(System.getProperty(UiSettings.NODE_PROPERTY,
                "dev/upgradescope/test"));
        prefs.removeNode();
        prefs = Preferences.userRoot().node(System.getProperty(UiSettings.NODE_PROPERTY, "dev/upgradescope/test"));
        prefs.putDouble("window.width", 1180); // within the headless screen
        prefs.putDouble("window.height", 760);
        // captures of the tests go to a folder of their own, not to the user's data directory
        captures = java.nio.file.Files.createTempDirectory("upgradescope-ui-test").resolve("captures");
        prefs.put("capture.folder", captures.toString());
        Locale.setDefault(Locale.ENGLISH);
        wsEcho = JettyPeers.webSocketEcho();
        h2c = JettyPeers.h2c();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        wsEcho.stop();
        h2c.stop();
    }

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (UpgradeScopeApp) FxToolkit.setupApplication(UpgradeScopeApp::new);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private InspectedSession session() {
        return app.session();
    }

    private <T extends javafx.scene.Node> T node(String query) {
        return robot.lookup(query).query();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private InetSocketAddress capture(ListenerMode mode, int upstreamPort) throws Exception {
        ChoiceBox<ListenerMode> modeChoice = node("#modeChoice");
        TextField listen = node("#listenField");
        TextField upstream = node("#upstreamField");
        robot.interact(() -> {
            modeChoice.setValue(mode);
            listen.setText("127.0.0.1:0");
            upstream.setText("http://127.0.0.1:" + upstreamPort);
        });
        robot.clickOn("#captureButton");
        waitFor(() -> session().addressProperty().get() != null);
        return session().addressProperty().get();
    }

    private ConnectionItem onlyRowWhen(java.util.function.Predicate<ConnectionItem> ready) throws Exception {
        TableView<ConnectionItem> table = node("#connectionsTable");
        waitFor(() -> fx(() -> table.getItems().size() == 1 && ready.test(table.getItems().get(0))));
        return fx(() -> table.getItems().get(0));
    }

    private <T extends javafx.scene.Node> T shown(String query) throws Exception {
        waitFor(() -> fx(() -> robot.lookup(query).tryQuery().isPresent()));
        return node(query);
    }

    private void selectRow() throws Exception {
        robot.clickOn((javafx.scene.Node) shown(".connections .table-row-cell .badge"));
        waitFor(() -> fx(() -> session().selection().detailProperty().get() != null));
    }

    private static Optional<TreeItem<HandshakeNode>> find(TreeItem<HandshakeNode> item, String label) {
        if (item.getValue() != null && item.getValue().field().label().equals(label)) {
            return Optional.of(item);
        }
        for (TreeItem<HandshakeNode> c : item.getChildren()) {
            Optional<TreeItem<HandshakeNode>> hit = find(c, label);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static boolean anySetting(TreeItem<HandshakeNode> item, String name) {
        HandshakeNode n = item.getValue();
        if (n != null && n.field().label().equals("Setting") && n.field().value().startsWith(name)) {
            return true;
        }
        return item.getChildren().stream().anyMatch(c -> anySetting(c, name));
    }

    @Test
    void aWebSocketThroughTheReverseProxyIsListedAsUpgradedWithItsHeaderTreeLinkedToTheBytes() throws Exception {
        InetSocketAddress proxy = capture(ListenerMode.REVERSE, JettyPeers.port(wsEcho));
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + proxy.getPort() + "/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echo.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("hello through the proxy", true).get(10, TimeUnit.SECONDS);
        assertThat(echo.get(10, TimeUnit.SECONDS)).isEqualTo("hello through the proxy");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        ConnectionItem row = onlyRowWhen(i -> i.row().status() == 101);
        assertThat(row.row().askedProtocols()).containsExactly("websocket");
        Label badge = shown(".connections .badge");
        assertThat(badge.getText()).isEqualTo(OutcomeBadge.of(UpgradeOutcome.UPGRADED).glyph() + " upgraded");
        assertThat(badge.getStyleClass()).contains("outcome-upgraded");

        selectRow();
        TreeTableView<HandshakeNode> tree = node("#handshakeTree");
        TreeItem<HandshakeNode> key = fx(() -> find(tree.getRoot(), "Sec-WebSocket-Key")).orElseThrow();
        assertThat(fx(() -> find(tree.getRoot(), "Request").isPresent() && find(tree.getRoot(), "Response")
                .isPresent())).isTrue();

        // Selecting the header highlights its bytes in the raw view.
        robot.clickOn("Raw");
        robot.interact(() -> tree.getSelectionModel().select(key));
        Field keyField = key.getValue().field();
        long at = keyField.range().streamRange().offset();
        StyleClassedTextArea c2s = node("#hex-c2s");
        waitFor(() -> fx(() -> c2s.getStyleOfChar(HexLayout.hexPosition((int) at)).contains("hex-highlight")));
        assertThat(fx(() -> c2s.getStyleOfChar(HexLayout.asciiPosition((int) at)))).contains("hex-highlight");
        assertThat(fx(() -> c2s.getStyleOfChar(HexLayout.hexPosition(0)))).doesNotContain("hex-highlight");

        // Putting the caret on a byte of its value selects the deepest field covering it.
        Field value = keyField.child("Value").orElseThrow();
        int valueByte = (int) value.range().streamRange().offset() + 2;
        robot.interact(() -> {
            c2s.requestFocus();
            c2s.moveTo(HexLayout.hexPosition(valueByte));
        });
        robot.type(KeyCode.RIGHT);
        waitFor(() -> fx(() -> session().selection().fieldProperty().get() == value));

        // The messages list pages the connection's events from the session file.
        robot.clickOn("Messages");
        TableView<EventSlot> messages = node("#messagesTable");
        waitFor(() -> fx(() -> messages.getItems().size() >= 2 && messages.getItems().get(0).loaded()));
        assertThat(fx(() -> messages.getItems().get(0).row().kind())).isEqualTo("http-request");
    }

    @Test
    void anH2cUpgradeThroughTheReverseProxyShowsTheDecodedHttp2Settings() throws Exception {
        InetSocketAddress proxy = capture(ListenerMode.REVERSE, JettyPeers.port(h2c));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.getPort() + "/h2c")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);

        ConnectionItem row = onlyRowWhen(i -> i.row().status() == 101);
        assertThat(row.row().askedProtocols()).containsExactly("h2c");
        selectRow();
        TreeTableView<HandshakeNode> tree = node("#handshakeTree");
        TreeItem<HandshakeNode> settings = fx(() -> find(tree.getRoot(), "HTTP2-Settings")).orElseThrow();
        assertThat(settings.getValue().field().value()).isNotEmpty();
        assertThat(fx(() -> find(settings, "Setting").isPresent())).isTrue();
        assertThat(settings.getValue().field().allFindings()).isNotNull();
        assertThat(fx(() -> anySetting(settings, "SETTINGS_MAX_FRAME_SIZE"))).isTrue();

        robot.interact(() -> session().model().filterProperty().set("http2-settings"));
        assertThat(fx(() -> ((TableView<?>) node("#connectionsTable")).getItems().size())).isEqualTo(1);
        robot.interact(() -> session().model().filterProperty().set("websocket"));
        assertThat(fx(() -> ((TableView<?>) node("#connectionsTable")).getItems().size())).isZero();
    }

    @Test
    void aWebSocketTunnelledThroughTheForwardProxyIsRecordedAndItsUpgradeInsideTheTunnelAnalysed() throws Exception {
        InetSocketAddress proxy = capture(ListenerMode.FORWARD, 1);
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket ws = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).build().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + JettyPeers.port(wsEcho) + "/echo"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                echo.complete(data.toString());
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        ws.sendText("tunnelled", true).get(10, TimeUnit.SECONDS);
        assertThat(echo.get(10, TimeUnit.SECONDS)).isEqualTo("tunnelled");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        ConnectionItem row = onlyRowWhen(i -> i.row().outcome() == UpgradeOutcome.UPGRADED);
        assertThat(row.row().askedProtocols()).containsExactly("websocket");
        assertThat(row.row().target()).isEqualTo("127.0.0.1:" + JettyPeers.port(wsEcho));
        selectRow();
        String c2s = fx(() -> ((StyleClassedTextArea) node("#hex-c2s")).getText());
        assertThat(c2s).startsWith("00000000  43 4f 4e 4e 45 43 54 20").contains("CONNECT 127.0.0.");
        TreeTableView<HandshakeNode> tree = node("#handshakeTree");
        // The tunnel's content is dissected as a connection of its own: the WebSocket upgrade inside it.
        assertThat(fx(() -> find(tree.getRoot(), "Sec-WebSocket-Key").isPresent())).isTrue();
    }

    @Test
    void aRequestWithoutHostShowsItsFindingWithTheRfcSectionAndSelectsItsField() throws Exception {
        InetSocketAddress proxy = capture(ListenerMode.REVERSE, JettyPeers.port(h2c));
        try (Socket s = new Socket(proxy.getAddress(), proxy.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: \r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            in.read(new byte[4096]);
        }
        onlyRowWhen(i -> i.row().status() != 0 || i.row().closed());
        selectRow();
        TableView<FindingRow> findings = node("#findingsTable");
        waitFor(() -> fx(() -> findings.getItems().stream().anyMatch(f -> f.code().equals("http1.host.missing"))));
        FindingRow hostMissing = fx(() -> findings.getItems().stream()
                .filter(f -> f.code().equals("http1.host.missing")).findFirst().orElseThrow());
        assertThat(robot.lookup(".findings .hyperlink").queryAll()).isNotEmpty();
        robot.interact(() -> findings.getSelectionModel().select(hostMissing));
        assertThat(fx(() -> session().selection().highlightProperty().get()))
                .isEqualTo(hostMissing.range().streamRange());
        assertThat(fx(() -> session().selection().fieldProperty().get())).isNotNull();
    }

    @Test
    void anUpstreamThatRefusesIsExplainedByTheProxysNoteInTheMessagesListAndTheFindings() throws Exception {
        int closedPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort(); // nothing listens there once it is closed
        }
        InetSocketAddress proxy = capture(ListenerMode.FORWARD, 1);
        String status;
        try (Socket s = new Socket(proxy.getAddress(), proxy.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET http://127.0.0.1:" + closedPort + "/chat HTTP/1.1\r\nHost: 127.0.0.1:" + closedPort
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = new byte[12];
            int n = s.getInputStream().readNBytes(head, 0, head.length);
            status = new String(head, 0, n, StandardCharsets.US_ASCII);
        }
        assertThat(status).isEqualTo("HTTP/1.1 502");
        onlyRowWhen(i -> i.row().status() == 502 && i.row().closed());
        selectRow();

        TableView<FindingRow> findings = node("#findingsTable");
        waitFor(() -> fx(() -> findings.getItems().stream().anyMatch(f -> f.code().equals("upstream.refused"))));
        FindingRow refused = fx(() -> findings.getItems().stream().filter(f -> f.code().equals("upstream.refused"))
                .findFirst().orElseThrow());
        assertThat(refused.severity()).isEqualTo(dev.upgradescope.wire.Severity.WARNING);
        assertThat(refused.spec()).isNull();
        assertThat(refused.message()).startsWith("The server refused the connection");
        assertThat(robot.lookup(".findings .finding-source").queryAll()).isNotEmpty();

        robot.clickOn("Messages");
        TableView<EventSlot> messages = node("#messagesTable");
        waitFor(() -> fx(() -> messages.getItems().stream().anyMatch(EventSlot::isNote)));
        EventSlot note = fx(() -> messages.getItems().stream().filter(EventSlot::isNote).findFirst().orElseThrow());
        assertThat(note.note().code()).isEqualTo("upstream.refused");
        waitFor(() -> fx(() -> messages.getItems().stream().allMatch(EventSlot::loaded)));
        java.util.List<String> kinds = fx(() -> messages.getItems().stream()
                .map(e -> e.isNote() ? "note" : e.row().kind()).toList());
        assertThat(kinds.indexOf("note")).as("after the request, before the 502: " + kinds)
                .isGreaterThan(kinds.indexOf("http-request")).isLessThan(kinds.indexOf("http-response"));
        robot.interact(() -> messages.getSelectionModel().select(note));
        assertThat(fx(() -> ((Label) node("#summaryLabel")).getText())).startsWith("note — The server refused");

        robot.clickOn("Ladder");
        waitFor(() -> fx(() -> robot.lookup(".ladder-step.kind-note").tryQuery().isPresent()));
    }

    @Test
    void theLanguageAndThemeChangeWithoutLosingTheSession() throws Exception {
        capture(ListenerMode.FORWARD, 1);
        robot.interact(() -> app.shell().language(UiLanguage.SPANISH));
        assertThat(fx(() -> ((javafx.scene.control.Button) node("#captureButton")).getText()))
                .isEqualTo("■ Detener captura");
        assertThat(session().capturingProperty().get()).isTrue();
        robot.interact(() -> app.shell().theme(Theme.DARK));
        assertThat(fx(() -> ((javafx.scene.control.Button) node("#captureButton")).getScene().getStylesheets()))
                .anyMatch(s -> s.endsWith("theme-dark.css"));
        robot.interact(() -> app.shell().language(UiLanguage.ENGLISH));
        robot.interact(() -> app.shell().theme(Theme.LIGHT));
    }

    @Test
    void capturesGoToAnOwnerOnlyFolderAndExportAsASanitizedHar() throws Exception {
        robot.interact(() -> session().captureFolder(captures));
        InetSocketAddress proxy = capture(ListenerMode.FORWARD, 1);
        assertThat(session().fileProperty().get().getParent()).isEqualTo(captures);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(captures))).isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                session().fileProperty().get()))).isEqualTo("rw-------");
        try (Socket s = new Socket("127.0.0.1", proxy.getPort())) {
            s.getOutputStream().write(("GET http://127.0.0.1:1/ HTTP/1.1\r\nHost: 127.0.0.1:1\r\n"
                    + "Authorization: Bearer ui-secret\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        }
        onlyRowWhen(i -> i.row().closed());
        assertThat(fx(() -> node("#exportButton").isDisabled())).isFalse();
        java.nio.file.Path har = captures.resolveSibling("ui.har");
        robot.interact(() -> session().exportHar(har, false));
        waitFor(() -> java.nio.file.Files.exists(har) && !session().busyProperty().get());
        String text = java.nio.file.Files.readString(har);
        assertThat(text).contains("\"Authorization\"").contains("[redacted]").doesNotContain("ui-secret");
    }

    @Test
    void aSymlinkedCaptureFolderIsRefusedWithAnExplanationAndAChoice() throws Exception {
        java.nio.file.Path elsewhere = java.nio.file.Files.createTempDirectory("upgradescope-elsewhere");
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(captures.resolveSibling("link"), elsewhere);
        robot.interact(() -> session().captureFolder(link));
        robot.interact(() -> ((TextField) node("#listenField")).setText("127.0.0.1:0"));
        robot.clickOn("#captureButton");
        waitFor(() -> session().folderRefusalProperty().get() != null);
        assertThat(session().capturingProperty().get()).isFalse();
        Label problem = node("#problemLabel");
        waitFor(() -> fx(() -> problem.getText().contains("symbolic link")));
        javafx.scene.control.DialogPane dialog = shown(".dialog-pane");
        assertThat(fx(dialog::getContentText)).contains(link.toString()).contains("symbolic link");
        assertThat(fx(() -> dialog.getButtonTypes().get(0).getText())).isEqualTo("Choose another folder…");
        robot.interact(() -> ((javafx.scene.control.Button) dialog.lookupButton(
                javafx.scene.control.ButtonType.CANCEL)).fire());
        try (var inside = java.nio.file.Files.list(elsewhere)) {
            assertThat(inside).isEmpty();
        }
        robot.interact(() -> session().captureFolder(captures));
    }
}
