package dev.upgradescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a HAR keeps of credentials and of large WebSocket messages, by default and on request. */
class HarOptionsTest {

    static final String REQUEST = "GET /chat HTTP/1.1\r\nHost: h.example\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Authorization: Bearer s3cr3t-token\r\nProxy-Authorization: Basic dXNlcjpwcm94eXBhc3M=\r\n"
            + "Cookie: sid=abc123; theme=dark\r\n\r\n";
    static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Set-Cookie: sid=def456; Path=/; HttpOnly; Secure\r\n\r\n";
    static final String SECRETS_PATTERN = "s3cr3t-token|dXNlcjpwcm94eXBhc3M|abc123|def456";

    @TempDir
    Path dir;

    private Path file;
    private final String text = "é".repeat(1500); // 3000 bytes of two-byte characters
    private final byte[] large = new byte[(1 << 20) + 4096];

    @BeforeEach
    void record() throws Exception {
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) i;
        }
        file = dir.resolve("s.upgradescope");
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            long t = System.nanoTime();
            long conn = recorder.open(new ConnectionInfo("127.0.0.1:5000", "127.0.0.1:8080", ListenerMode.REVERSE,
                    "h.example:80", 0, t));
            recorder.chunk(conn, Direction.C2S, t + 1, REQUEST.getBytes(StandardCharsets.US_ASCII));
            recorder.chunk(conn, Direction.S2C, t + 2, RESPONSE.getBytes(StandardCharsets.US_ASCII));
            recorder.chunk(conn, Direction.S2C, t + 3, frame(1, text.getBytes(StandardCharsets.UTF_8)));
            recorder.chunk(conn, Direction.S2C, t + 4, frame(2, large));
            recorder.end(conn, Direction.C2S, t + 5);
            recorder.end(conn, Direction.S2C, t + 6);
            recorder.flush();
        }
    }

    @Test
    void credentialsAreRedactedByDefaultWithTheirFieldsKept() throws Exception {
        String har = export(HarOptions.DEFAULTS);
        assertThat(har).doesNotContainPattern(SECRETS_PATTERN);
        JsonNode entry = new ObjectMapper().readTree(har).get("log").get("entries").get(0);
        for (String name : List.of("Authorization", "Proxy-Authorization", "Cookie")) {
            assertThat(header(entry.get("request"), name)).as(name).isEqualTo(SensitiveHeaders.MARKER);
        }
        assertThat(header(entry.get("response"), "Set-Cookie")).isEqualTo(SensitiveHeaders.MARKER);
        assertThat(header(entry.get("request"), "Host")).isEqualTo("h.example");
        JsonNode cookies = entry.get("request").get("cookies");
        assertThat(cookies).hasSize(2);
        assertThat(cookies.get(0).get("name").asText()).isEqualTo("sid");
        assertThat(cookies.get(0).get("value").asText()).isEqualTo(SensitiveHeaders.MARKER);
        assertThat(cookies.get(1).get("name").asText()).isEqualTo("theme");
        JsonNode set = entry.get("response").get("cookies").get(0);
        assertThat(set.get("value").asText()).isEqualTo(SensitiveHeaders.MARKER);
        assertThat(set.get("path").asText()).isEqualTo("/");
        assertThat(set.get("httpOnly").asBoolean()).isTrue();
    }

    @Test
    void includeSensitiveKeepsTheValuesInHeadersAndCookies() throws Exception {
        String har = export(new HarOptions(true, HarOptions.DEFAULT_MESSAGE_LIMIT));
        assertThat(har).doesNotContain(SensitiveHeaders.MARKER);
        JsonNode entry = new ObjectMapper().readTree(har).get("log").get("entries").get(0);
        assertThat(header(entry.get("request"), "Authorization")).isEqualTo("Bearer s3cr3t-token");
        assertThat(header(entry.get("request"), "Proxy-Authorization")).isEqualTo("Basic dXNlcjpwcm94eXBhc3M=");
        assertThat(header(entry.get("request"), "Cookie")).isEqualTo("sid=abc123; theme=dark");
        assertThat(header(entry.get("response"), "Set-Cookie")).startsWith("sid=def456");
        assertThat(entry.get("request").get("cookies").get(0).get("value").asText()).isEqualTo("abc123");
        assertThat(entry.get("request").get("cookies").get(1).get("value").asText()).isEqualTo("dark");
        assertThat(entry.get("response").get("cookies").get(0).get("value").asText()).isEqualTo("def456");
    }

    @Test
    void byDefaultAMessageOverOneMebibyteIsCutAndMarked() throws Exception {
        List<JsonNode> messages = messages(HarOptions.DEFAULTS);
        assertThat(messages.get(0).get("data").asText()).isEqualTo(text);
        assertThat(messages.get(0).has("_truncated")).isFalse();
        JsonNode big = messages.get(1);
        assertThat(big.get("_truncated").asBoolean()).isTrue();
        assertThat(big.get("_size").asLong()).isEqualTo(large.length);
        byte[] data = java.util.Base64.getDecoder().decode(big.get("data").asText());
        assertThat(data).hasSize(HarOptions.DEFAULT_MESSAGE_LIMIT)
                .isEqualTo(java.util.Arrays.copyOf(large, HarOptions.DEFAULT_MESSAGE_LIMIT));
    }

    @Test
    void noLimitKeepsEveryMessageWhole() throws Exception {
        List<JsonNode> messages = messages(new HarOptions(false, 0));
        assertThat(messages.get(1).has("_truncated")).isFalse();
        assertThat(java.util.Base64.getDecoder().decode(messages.get(1).get("data").asText())).isEqualTo(large);
    }

    @Test
    void aSmallLimitCutsTextAtACharacterAndSaysTheWholeSize() throws Exception {
        List<JsonNode> messages = messages(new HarOptions(false, 1001));
        JsonNode cut = messages.get(0);
        assertThat(cut.get("_truncated").asBoolean()).isTrue();
        assertThat(cut.get("_size").asLong()).isEqualTo(3000);
        assertThat(cut.get("data").asText()).isEqualTo("é".repeat(500)); // 1000 bytes: no half character
    }

    private List<JsonNode> messages(HarOptions options) throws Exception {
        JsonNode entry = new ObjectMapper().readTree(export(options)).get("log").get("entries").get(0);
        List<JsonNode> out = new ArrayList<>();
        entry.get("_webSocketMessages").forEach(out::add);
        assertThat(out).hasSize(2);
        return out;
    }

    private String export(HarOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SessionReader reader = SessionReader.open(file)) {
            new HarExporter(reader, options).write(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String header(JsonNode message, String name) {
        for (JsonNode h : message.get("headers")) {
            if (h.get("name").asText().equalsIgnoreCase(name)) {
                return h.get("value").asText();
            }
        }
        return null;
    }

    /** An unmasked server frame with FIN set (RFC 6455 §5.2). */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
