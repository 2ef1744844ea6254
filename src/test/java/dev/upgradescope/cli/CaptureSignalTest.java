package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgradescope capture --har} in a process of its own, stopped by a signal as a terminal's
 * Ctrl-C (SIGINT) or a service manager (SIGTERM) stops it: it writes the HAR and its summary line
 * and exits 0.
 */
class CaptureSignalTest {

    private static final Pattern LISTENING = Pattern.compile("forward proxy on .*?/127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalWritesTheHarAndTheSummaryAndExitsZero(String signal) throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "POSIX signals");
        Path har = dir.resolve("out.har");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // stderr goes to a file: Process.destroy() closes the pipes it would otherwise be read from
        Path errFile = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.upgradescope.Main", "capture", "--listen", "127.0.0.1:0", "--har", har.toString())
                .redirectError(errFile.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread reading = new Thread(() -> {
            try {
                while (port.isEmpty() && child.isAlive()) {
                    Matcher m = LISTENING.matcher(Files.readString(errFile));
                    if (m.find()) {
                        port.add(Integer.parseInt(m.group(1)));
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                // the test's assertions say what went wrong
            }
        });
        reading.setDaemon(true);
        reading.start();
        try {
            Integer listening = port.poll(60, TimeUnit.SECONDS);
            assertThat(listening).as("the listener's port").isNotNull();
            exchangeThrough(listening);
            if (signal.equals("TERM")) {
                child.destroy(); // SIGTERM on POSIX systems
            } else {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stopped").isTrue();
        } finally {
            child.destroyForcibly();
        }
        List<String> errLines = Files.readAllLines(errFile);
        assertThat(child.exitValue()).as("exit code; stderr: %s", errLines).isZero();
        assertThat(errLines).anyMatch(l -> l.startsWith("upgradescope capture: stopped; 1 connection recorded; "
                + "HAR written to " + har));
        assertThat(har).exists();
        JsonNode entries = new ObjectMapper().readTree(Files.readAllBytes(har)).get("log").get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("request").get("url").asText()).isEqualTo("http://127.0.0.1:" + upstreamPort + "/hello");
        assertThat(entries.get(0).get("response").get("status").asInt()).isEqualTo(200);
    }

    private int upstreamPort;

    /** One request through the proxy to a loopback server that answers 200, read to its end. */
    private void exchangeThrough(int proxyPort) throws Exception {
        try (ServerSocket upstream = new ServerSocket()) {
            upstream.bind(new InetSocketAddress("127.0.0.1", 0));
            upstreamPort = upstream.getLocalPort();
            Thread server = new Thread(() -> {
                try (Socket s = upstream.accept()) {
                    s.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request head
                    }
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // the test's assertions say what went wrong
                }
            });
            server.setDaemon(true);
            server.start();
            try (Socket client = new Socket("127.0.0.1", proxyPort)) {
                client.setSoTimeout(20_000);
                OutputStream out = client.getOutputStream();
                out.write(("GET http://127.0.0.1:" + upstreamPort + "/hello HTTP/1.1\r\nHost: 127.0.0.1:" + upstreamPort
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] answer = client.getInputStream().readAllBytes();
                assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200").endsWith("ok");
            }
            server.join(10_000);
        }
    }
}
