package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small session file written through the store's API, as the recorder would write it: a WebSocket
 * conversation, an h2c upgrade, a refused upgrade and a TLS tunnel, for the UI tests and screenshots.
 */
public final class SmallSession {

    public static final long BASE = 5_000_000_000L;
    private static final long MS = 1_000_000;

    private SmallSession() {
    }

    public static Path write(Path file) throws IOException {
        try (CaptureStore store = CaptureStore.create(file)) {
            websocket(store);
            h2c(store);
            refused(store);
            tls(store);
            store.flush();
        }
        return file;
    }

    private static void websocket(CaptureStore s) {
        long id = open(s, "127.0.0.1:51000", "127.0.0.1:9000", 0);
        ev(s, id, "http-request", Direction.C2S, 2, "GET /chat HTTP/1.1 (Upgrade: websocket)", Map.of());
        ev(s, id, "http-response", Direction.S2C, 9, "HTTP/1.1 101 Switching Protocols", Map.of("status", 101));
        ev(s, id, EventRow.PROTOCOL_SWITCH, null, 9, "switched to websocket", Map.of());
        frame(s, id, Direction.C2S, 40, 1, "TEXT fin len=13 masked");
        frame(s, id, Direction.S2C, 46, 1, "TEXT fin len=13");
        frame(s, id, Direction.C2S, 120, 2, "BINARY fin len=2048 masked");
        frame(s, id, Direction.S2C, 131, 2, "BINARY fin len=2048");
        frame(s, id, Direction.S2C, 300, 9, "PING fin len=4");
        frame(s, id, Direction.C2S, 302, 10, "PONG fin len=4 masked");
        frame(s, id, Direction.C2S, 420, 1, "TEXT len=100 masked");
        frame(s, id, Direction.C2S, 421, 0, "CONTINUATION fin len=20 masked");
        frame(s, id, Direction.S2C, 500, 1,
                "TEXT fin len=180 \"{\\\"type\\\":\\\"update\\\",\\\"items\\\":[1,2,3,4,5,6,7,8,9,10,11,12]}\"");
        frame(s, id, Direction.C2S, 640, 8, "CLOSE fin len=5 masked 1000 \"bye\"");
        frame(s, id, Direction.S2C, 643, 8, "CLOSE fin len=2 1000 \"\"");
        close(s, id, "127.0.0.1:51000", "127.0.0.1:9000", 0, 650, 101, "switched", "websocket", 11);
    }

    private static void h2c(CaptureStore s) {
        long id = open(s, "127.0.0.1:51002", "127.0.0.1:9001", 150);
        ev(s, id, "http-request", Direction.C2S, 151, "GET / HTTP/1.1 (Upgrade: h2c)", Map.of());
        ev(s, id, "http-response", Direction.S2C, 158, "HTTP/1.1 101 Switching Protocols", Map.of("status", 101));
        ev(s, id, EventRow.PROTOCOL_SWITCH, null, 158, "switched to h2c", Map.of());
        h2(s, id, Direction.C2S, 160, "h2-preface", null, "PRI * HTTP/2.0 preface");
        h2(s, id, Direction.C2S, 160, "h2-frame", "SETTINGS", ">> 0x00000000    12 SETTINGS");
        h2(s, id, Direction.S2C, 161, "h2-frame", "SETTINGS", "<< 0x00000000    18 SETTINGS");
        h2(s, id, Direction.C2S, 162, "h2-frame", "SETTINGS", ">> 0x00000000     0 SETTINGS      ACK");
        h2(s, id, Direction.S2C, 170, "h2-frame", "HEADERS", "<< 0x00000001    34 HEADERS       END_HEADERS :status: 200");
        h2(s, id, Direction.S2C, 172, "h2-frame", "DATA", "<< 0x00000001  1024 DATA");
        h2(s, id, Direction.S2C, 175, "h2-frame", "DATA", "<< 0x00000001   512 DATA          END_STREAM");
        h2(s, id, Direction.C2S, 176, "h2-frame", "WINDOW_UPDATE", ">> 0x00000000     4 WINDOW_UPDATE increment=1536");
        h2(s, id, Direction.C2S, 260, "h2-frame", "PING", ">> 0x00000000     8 PING");
        h2(s, id, Direction.S2C, 262, "h2-frame", "PING", "<< 0x00000000     8 PING          ACK");
        h2(s, id, Direction.C2S, 400, "h2-frame", "GOAWAY", ">> 0x00000000     8 GOAWAY        NO_ERROR");
        close(s, id, "127.0.0.1:51002", "127.0.0.1:9001", 150, 410, 101, "switched", "h2c", 11);
    }

    private static void refused(CaptureStore s) {
        long id = open(s, "127.0.0.1:51004", "127.0.0.1:9002", 330);
        ev(s, id, "http-request", Direction.C2S, 331, "GET /socket HTTP/1.1 (Upgrade: websocket)", Map.of());
        ev(s, id, "http-response", Direction.S2C, 335, "HTTP/1.1 426 Upgrade Required", Map.of("status", 426));
        close(s, id, "127.0.0.1:51004", "127.0.0.1:9002", 330, 340, 426, "refused", "", 0);
    }

    private static void tls(CaptureStore s) {
        long id = open(s, "127.0.0.1:51006", "example.org:443", 450);
        ev(s, id, "http-request", Direction.C2S, 451, "CONNECT example.org:443 HTTP/1.1", Map.of());
        ev(s, id, "http-response", Direction.S2C, 470, "HTTP/1.1 200 Connection established", Map.of("status", 200));
        ev(s, id, "tls-record", Direction.C2S, 472, "Handshake ClientHello TLSv1.2 sni=example.org alpn=http/1.1",
                Map.of("contentType", "handshake"));
        ev(s, id, "tls-record", Direction.S2C, 520, "Handshake ServerHello TLSv1.3", Map.of());
        ev(s, id, "tls-record", Direction.C2S, 530, "ApplicationData len=517", Map.of());
        ev(s, id, "tls-record", Direction.S2C, 560, "ApplicationData len=4096", Map.of());
        s.connectionUpdated(new ConnectionRow(id, "127.0.0.1:51006", "127.0.0.1:8080", ListenerMode.FORWARD,
                "example.org:443", BASE + 450 * MS, 450_000, -1, -1, 900, 4400, List.of(), 200, null, "tls", 4, 6));
    }

    private static long open(CaptureStore s, String client, String target, long atMs) {
        long id = s.nextConnectionId();
        s.connectionOpened(new ConnectionRow(id, client, "127.0.0.1:8080", ListenerMode.FORWARD, target,
                BASE + atMs * MS, atMs * 1000, -1, -1, 0, 0, List.of(), 0, null, "", 0, 0));
        return id;
    }

    private static void close(CaptureStore s, long id, String client, String target, long openMs, long closeMs,
                              int status, String outcome, String protocol, long frames) {
        s.connectionClosed(new ConnectionRow(id, client, "127.0.0.1:8080", ListenerMode.FORWARD, target,
                BASE + openMs * MS, openMs * 1000, BASE + closeMs * MS, closeMs * 1000, 300, 300,
                List.of(protocol.isEmpty() ? "websocket" : protocol), status, UpgradeOutcome.ofCode(outcome), protocol, frames, frames + 3));
    }

    private static void frame(CaptureStore s, long id, Direction dir, long atMs, int opcode, String summary) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fin", true);
        a.put("opcode", opcode);
        ev(s, id, "ws-frame", dir, atMs, summary, a);
    }

    private static void h2(CaptureStore s, long id, Direction dir, long atMs, String kind, String type, String summary) {
        ev(s, id, kind, dir, atMs, summary, type == null ? Map.of() : Map.of("type", type));
    }

    private static void ev(CaptureStore s, long id, String kind, Direction dir, long atMs, String summary,
                           Map<String, Object> attrs) {
        s.event(new EventRow(0, id, kind, dir, 0, 0, BASE + atMs * MS, atMs * 1000, summary, attrs, List.of(), -1),
                null);
    }
}
