package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.SessionReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The headless capture command end to end: a reverse listener, a session file, a HAR file, events. */
class CaptureCommandTest {

    @TempDir
    Path dir;

    @Test
    void parsesDurations() {
        assertThat(CaptureCommand.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(CaptureCommand.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(CaptureCommand.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(CaptureCommand.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void rejectsABadDurationAsUsage() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CaptureCommand()).setErr(new PrintWriter(err))
                .execute("--listen", "127.0.0.1:0", "--for", "soon");
        assertThat(code).isEqualTo(CaptureCommand.USAGE);
        assertThat(err.toString()).contains("not a duration");
    }

    @Test
    void recordsThroughAReverseListenerAndWritesSessionAndHar() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerOnce(upstream));
            server.setDaemon(true);
            server.start();

            Path session = dir.resolve("s.upgradescope");
            Path har = dir.resolve("s.har");
            StringWriter err = new StringWriter();
            StringWriter out = new StringWriter();
            CaptureCommand command = new CaptureCommand();
            CommandLine cli = new CommandLine(command).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(out, true));
            int[] code = {-1};
            Thread run = new Thread(() -> code[0] = cli.execute("--listen", "127.0.0.1:0", "--reverse",
                    "http://127.0.0.1:" + upstream.getLocalPort(), "--session", session.toString(),
                    "--har", har.toString(), "--events", "--for", "60s"));
            run.start();
            int port = awaitPort(err);

            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = client.getInputStream().readAllBytes();
                assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 OK");
            }
            command.stop();
            run.join(20_000);

            assertThat(code[0]).isEqualTo(CaptureCommand.OK);
            assertThat(har).exists();
            try (SessionReader reader = SessionReader.open(session)) {
                assertThat(reader.connectionCount()).isEqualTo(1);
            }
            assertThat(out.toString()).contains("\"kind\":\"note\"")
                    .contains("\"kind\":\"http-request\",\"summary\":\"GET /x HTTP/1.1\"");
        }
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

    private static void answerOnce(ServerSocket upstream) {
        try (Socket s = upstream.accept()) {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            assertThat(n).isPositive();
            OutputStream o = s.getOutputStream();
            o.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            o.flush();
        } catch (Exception e) {
            // the test fails on the client side
        }
    }
}
