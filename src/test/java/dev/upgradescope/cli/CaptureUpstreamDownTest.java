package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        StringWriter err = new StringWriter();
        CaptureCommand command = new CaptureCommand();
        CommandLine cli = new CommandLine(command).setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true));
        int[] code = {-1};
        Thread run = new Thread(() -> code[0] = cli.execute("--listen", "127.0.0.1:0", "--reverse",
                "http://127.0.0.1:" + closedPort, "--har", har.toString(), "--for", "60s"));
        run.start();
        int port = awaitPort(err);
        String answer;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /chat?room=1 HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertThat(answer).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
        command.stop();
        run.join(20_000);
        assertThat(code[0]).isEqualTo(CaptureCommand.OK);
        JsonNode entries = new ObjectMapper().readTree(har.toFile()).path("log").path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("request").path("url").asText()).endsWith("/chat?room=1");
        assertThat(entries.get(0).path("response").path("status").asInt()).isEqualTo(502);
    }

    private static int awaitPort(StringWriter err) throws InterruptedException {
        Pattern p = Pattern.compile("proxy on \\S*:(\\d+)");
        for (int i = 0; i < 500; i++) {
            Matcher m = p.matcher(err.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the command did not start: " + err);
    }
}
