package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reverse capture whose upstream is down still records the client's request, so the HAR has it. */
class CaptureUpstreamDownTest {

    @TempDir
    Path dir;

    @Test
    void theRequestAndThe502AreInTheHar() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        Path har = dir.resolve("down.har");
        try (RunningCapture capture = new RunningCapture("--listen", "127.0.0.1:0", "--reverse",
                "http://127.0.0.1:" + closedPort, "--har", har.toString(), "--for", "60s")) {
            String answer;
            try (Socket s = new Socket("127.0.0.1", capture.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write("GET /chat?room=1 HTTP/1.1\r\nHost: a\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            }
            assertThat(answer).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            assertThat(capture.stop()).isEqualTo(CaptureCommand.OK);
        }
        JsonNode entries = new ObjectMapper().readTree(har.toFile()).path("log").path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("request").path("url").asText()).endsWith("/chat?room=1");
        assertThat(entries.get(0).path("response").path("status").asInt()).isEqualTo(502);
    }
}
