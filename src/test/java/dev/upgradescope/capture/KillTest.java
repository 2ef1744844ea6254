package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording process killed outright reopens with everything it had committed. */
class KillTest {

    @TempDir
    Path dir;

    @Test
    void aCaptureKilledWithKill9ReopensWithEveryCommittedFrame() throws Exception {
        Path file = dir.resolve("killed.upgradescope");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicInteger flushed = new AtomicInteger();
        Thread reading = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("flushed ")) {
                        flushed.set(Integer.parseInt(line.substring(8)));
                    }
                }
            } catch (Exception e) {
                // the child was killed
            }
        });
        reading.setDaemon(true);
        reading.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (flushed.get() < 2000 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(flushed.get()).as("frames the child reported committed").isGreaterThanOrEqualTo(2000);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        reading.join(TimeUnit.SECONDS.toMillis(10));
        int committed = flushed.get();

        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.closedCleanly()).isFalse();
            ConnectionRow c = reader.connections(0, 10).get(0);
            long handshake = WsConversation.RESPONSE.length;
            int frame = 2 + RecordingChild.PAYLOAD;
            byte[] s2c = reader.bytes(c.id(), Direction.S2C, 0, Integer.MAX_VALUE / 2);
            assertThat(s2c.length - handshake).as("stored frame bytes").isGreaterThanOrEqualTo((long) committed * frame);
            assertThat((s2c.length - handshake) % frame).as("chunks are whole").isZero();
            for (int n = 1; n <= committed; n++) {
                int at = (int) handshake + (n - 1) * frame;
                assertThat(Arrays.copyOfRange(s2c, at, at + frame)).isEqualTo(RecordingChild.frame(n));
            }
            List<EventRow> events = reader.events(c.id(), 0, 10);
            assertThat(events).extracting(EventRow::kind).startsWith("http-request", "handshake", "http-response",
                    "handshake", "protocol-switch", "ws-frame", "ws-message");
            long messages = 0;
            long after = 0;
            for (List<EventRow> page = reader.events(c.id(), 0, 5000); !page.isEmpty();
                 page = reader.events(c.id(), after, 5000)) {
                messages += page.stream().filter(e -> e.kind().equals("ws-message")).count();
                after = page.get(page.size() - 1).id();
            }
            assertThat(messages).isGreaterThanOrEqualTo(committed);
        }
    }
}
