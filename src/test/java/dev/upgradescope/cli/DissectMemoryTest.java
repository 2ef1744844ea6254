package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dissect --json} in flat memory, and no Java Error escaping the command line as a stack trace. */
class DissectMemoryTest {

    static final String REQUEST = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    static final int FRAMES = 131_072; // the reproducer: 256 KiB of empty binary frames

    @TempDir
    Path dir;

    @Test
    void manyEmptyFramesAreWrittenAsJsonWithinA64MiBHeap() throws Exception {
        Path c2s = Files.writeString(dir.resolve("c2s.bin"), REQUEST);
        ByteArrayOutputStream s2cBytes = new ByteArrayOutputStream();
        s2cBytes.writeBytes(RESPONSE.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < FRAMES; i++) {
            s2cBytes.write(0x82);
            s2cBytes.write(0x00);
        }
        Path s2c = Files.write(dir.resolve("s2c.bin"), s2cBytes.toByteArray());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errFile = dir.resolve("stderr.txt");
        // the whole document, 57 MB of text, held at once does not fit in this heap (it ended in an
        // OutOfMemoryError's stack trace before the document was streamed)
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "dev.upgradescope.Main", "dissect", "--c2s", c2s.toString(), "--s2c", s2c.toString(), "--json")
                .redirectError(errFile.toFile()).start();
        long frames = 0;
        long messages = 0;
        long bytes = 0;
        String last = null;
        String beforeLast = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                bytes += line.length() + 1;
                if (line.equals("    \"kind\" : \"ws-frame\",")) {
                    frames++;
                } else if (line.equals("    \"kind\" : \"ws-message\",")) {
                    messages++;
                }
                beforeLast = last;
                last = line;
            }
        } finally {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("exit code; stderr: %s", Files.readString(errFile)).isZero();
        assertThat(frames).isEqualTo(FRAMES);
        assertThat(messages).isEqualTo(FRAMES);
        assertThat(bytes).isGreaterThan(48L << 20);
        assertThat(beforeLast).isEqualTo("  } ]");
        assertThat(last).isEqualTo("}");
    }

    @Test
    void anErrorIsOneLineAndExitTwo() {
        CommandLine cli = UpgradeScopeCommand.commandLine();
        cli.addSubcommand("exhaust", new Exhaust());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(UpgradeScopeCommand.run(cli, "exhaust")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("upgradescope: out of memory (Java heap space)").contains("-Xmx").doesNotContain("\tat ");
    }

    /** A command that runs out of memory. */
    @CommandLine.Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aStackOverflowIsOneLineToo() {
        assertThat(FatalErrors.oneLine(new StackOverflowError())).contains("StackOverflowError").doesNotContain("\n");
        assertThat(FatalErrors.oneLine(new IllegalStateException("first\nsecond"))).isEqualTo(
                "IllegalStateException: first");
    }
}
