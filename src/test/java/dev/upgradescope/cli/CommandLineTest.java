package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        CommandLine cli = UpgradeScopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void wsAcceptOfTheRfc6455Example() {
        Run r = run("decode", "ws-accept", "dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void wsAcceptOfAKeyThatIsNotSixteenBytesStillPrintsButWarns() {
        Run r = run("decode", "ws-accept", "c2hvcnQ=");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().strip()).hasSize(28);
        assertThat(r.err()).contains("5 bytes").contains("RFC 6455 §4.1");
    }

    @Test
    void h2SettingsOfCurlAsJson() throws Exception {
        Run r = run("decode", "h2-settings", "AAMAAABkAAQCAAAAAAIAAAAA", "--json");
        assertThat(r.exit()).isZero();
        JsonNode settings = r.json().get("settings");
        assertThat(settings).hasSize(3);
        assertThat(settings.get(0).get("id").asInt()).isEqualTo(3);
        assertThat(settings.get(0).get("name").asText()).isEqualTo("SETTINGS_MAX_CONCURRENT_STREAMS");
        assertThat(settings.get(0).get("value").asLong()).isEqualTo(100);
        assertThat(settings.get(1).get("value").asLong()).isEqualTo(33554432);
        assertThat(settings.get(2).get("name").asText()).isEqualTo("SETTINGS_ENABLE_PUSH");
        assertThat(r.json().get("findings")).isEmpty();
    }

    @Test
    void h2SettingsOfTheJdkClientAsATable() {
        Run r = run("decode", "h2-settings", "AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("SETTINGS_HEADER_TABLE_SIZE").contains("16384")
                .contains("SETTINGS_INITIAL_WINDOW_SIZE").contains("16777216")
                .contains("SETTINGS_MAX_HEADER_LIST_SIZE").contains("393216");
    }

    @Test
    void anOutOfRangeSettingIsAnErrorFindingAndExitsOne() throws Exception {
        // SETTINGS_ENABLE_PUSH = 2 (RFC 9113 §6.5.2 allows 0 or 1), with base64 padding
        Run r = run("decode", "h2-settings", "AAIAAAAC==", "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("findings").findValuesAsText("code")).contains("h2c.settings.value",
                "h2c.settings.padding");
        JsonNode finding = r.json().get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().contains("code", "severity", "message", "rfc", "section");
    }

    @Test
    void dissectPrintsTheHandshakeAndUnitsAsJson(@TempDir Path dir) throws Exception {
        Path c2s = dir.resolve("c2s.bin");
        Path s2c = dir.resolve("s2c.bin");
        Files.write(c2s, ("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(s2c, concat(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xe8}));

        Run r = run("dissect", "--c2s", c2s.toString(), "--s2c", s2c.toString(), "--json");

        assertThat(r.exit()).isZero();
        JsonNode handshake = r.json().get("handshake");
        assertThat(handshake.get("protocols").get(0).asText()).isEqualTo("websocket");
        assertThat(handshake.get("outcome").asText()).isEqualTo("upgraded");
        assertThat(handshake.get("status").asInt()).isEqualTo(101);
        JsonNode units = r.json().get("units");
        assertThat(units.findValuesAsText("kind")).containsExactly("http-request", "http-response", "ws-frame");
        JsonNode close = units.get(2);
        assertThat(close.get("dir").asText()).isEqualTo("s2c");
        assertThat(close.get("opcode").asInt()).isEqualTo(8);
        assertThat(close.get("closeCode").asInt()).isEqualTo(1000);
        assertThat(close.get("masked").asBoolean()).isFalse();
    }

    @Test
    void dissectWithAWrongAcceptExitsOneAndSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        Path c2s = dir.resolve("c2s.bin");
        Path s2c = dir.resolve("s2c.bin");
        Files.writeString(c2s, "GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        Files.writeString(s2c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n");

        Run r = run("dissect", "--c2s", c2s.toString(), "--s2c", s2c.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ws.accept.mismatch").contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void dissectAsTextShowsTheFindingsOfTheHttpMessagesToo(@TempDir Path dir) throws Exception {
        Path c2s = dir.resolve("c2s.bin");
        Path s2c = dir.resolve("s2c.bin");
        Files.writeString(c2s, "GET /chat HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        Files.writeString(s2c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");

        Run r = run("dissect", "--c2s", c2s.toString(), "--s2c", s2c.toString());

        // the request has no Host: the WebSocket check (RFC 6455 §4.1) and the parser's (RFC 9112 §3.2)
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ws.request.host-missing").contains("http1.host.missing");
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitTwo(@TempDir Path dir) {
        Run r = run("dissect", "--c2s", dir.resolve("nope").toString(), "--s2c", dir.resolve("nope2").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("upgradescope: no such file: " + dir.resolve("nope"));
    }

    @Test
    void aUsageErrorExitsTwoWithoutAStackTrace() {
        Run r = run("dissect", "--c2s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("upgradescope: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
