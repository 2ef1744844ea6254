package dev.upgradescope.dissect.websocket;

import static dev.upgradescope.dissect.websocket.FrameBytes.MASK;
import static dev.upgradescope.wire.Direction.C2S;
import static dev.upgradescope.wire.Direction.S2C;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * An independent check of inflation: messages compressed by the JDK's Deflater the way RFC 7692
 * §7.2.1 describes (raw DEFLATE, sync flush, trailing {@code 00 00 ff ff} removed), sharing one
 * context across messages, come back as sent.
 */
class DeflateRoundTripTest {

    /** Compresses one message with {@code deflater}, keeping its context for the next. */
    static byte[] compress(Deflater deflater, byte[] message) {
        deflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        byte[] all = out.toByteArray();
        assertThat(Arrays.copyOfRange(all, all.length - 4, all.length)).containsExactly(0, 0, 0xff, 0xff);
        return Arrays.copyOf(all, all.length - 4);
    }

    static List<String> messages(long seed, int count) {
        Random r = new Random(seed);
        String[] words = {"price", "symbol", "ACME", "update", "{\"id\":", "κόσμε", "日本語", "\n", " "};
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(200);
            for (int w = 0; w < n; w++) {
                s.append(words[r.nextInt(words.length)]).append(r.nextInt(1000));
            }
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void contextTakeoverAcrossManyMessagesInBothDirections() {
        WsNegotiation pmd = WsDissectorChecksTest.PMD;
        List<String> texts = messages(7, 40);
        Deflater client = new Deflater(9, true);
        Deflater server = new Deflater(1, true);
        FrameBytes c2s = FrameBytes.stream();
        FrameBytes s2c = FrameBytes.stream();
        long compressedTotal = 0;
        for (int k = 0; k < texts.size(); k++) {
            byte[] plain = texts.get(k).getBytes(StandardCharsets.UTF_8);
            byte[] c = compress(client, plain);
            compressedTotal += c.length;
            // every third client message is split into three frames; RSV1 only on the first
            if (k % 3 == 0 && c.length >= 3) {
                int a = c.length / 3;
                c2s.frame(false, 0b100, Opcode.TEXT, Arrays.copyOfRange(c, 0, a), MASK)
                        .frame(false, 0, Opcode.CONTINUATION, Arrays.copyOfRange(c, a, 2 * a), MASK)
                        .frame(true, 0, Opcode.CONTINUATION, Arrays.copyOfRange(c, 2 * a, c.length), MASK);
            } else {
                c2s.frame(true, 0b100, Opcode.TEXT, c, MASK);
            }
            s2c.frame(true, 0b100, Opcode.BINARY, compress(server, plain), null);
            if (k % 5 == 0) {
                s2c.text("uncompressed " + k, null); // an uncompressed message leaves the context alone
            }
        }
        Dissection d = new Dissection(pmd).feed(C2S, c2s.bytes(), 1000).feed(S2C, s2c.bytes(), 333).end();

        assertThat(d.codes()).isEmpty();
        List<WsMessage> fromClient = d.of(WsMessage.class).stream().filter(m -> m.dir() == C2S).toList();
        List<WsMessage> fromServer = d.of(WsMessage.class).stream().filter(m -> m.dir() == S2C && m.compressed()).toList();
        assertThat(fromClient).extracting(m -> m.textValue().orElseThrow()).containsExactlyElementsOf(texts);
        assertThat(fromServer).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(texts);
        assertThat(fromClient.stream().mapToLong(WsMessage::wireLength).sum()).isEqualTo(compressedTotal);
    }

    @Test
    void noContextTakeoverResetsTheContextPerMessage() {
        WsNegotiation n = new WsNegotiation(Optional.empty(), List.of("permessage-deflate"),
                Optional.of(new PerMessageDeflate(true, false, 15, 15)));
        List<String> texts = messages(11, 10);
        FrameBytes s2c = FrameBytes.stream();
        for (String t : texts) {
            s2c.frame(true, 0b100, Opcode.TEXT, compress(new Deflater(6, true), t.getBytes(StandardCharsets.UTF_8)), null);
        }
        Dissection d = new Dissection(n).feed(S2C, s2c.bytes(), 64).end();
        assertThat(d.codes()).isEmpty();
        assertThat(d.of(WsMessage.class)).extracting(m -> m.textValue().orElseThrow()).containsExactlyElementsOf(texts);
    }

    @Test
    void aLargeMessageInflatesPastTheKeepLimitAndStaysInSync() {
        Deflater deflater = new Deflater(6, true);
        byte[] big = new byte[3_000_000];
        new Random(3).nextBytes(big);
        for (int k = 0; k < big.length; k += 2) {
            big[k] = 'a';
        }
        byte[] second = "after the big one".getBytes(StandardCharsets.UTF_8);
        byte[] stream = FrameBytes.stream()
                .frame(true, 0b100, Opcode.BINARY, compress(deflater, big), MASK)
                .frame(true, 0b100, Opcode.TEXT, compress(deflater, second), MASK).bytes();
        Dissection d = new Dissection(WsDissectorChecksTest.PMD, 1 << 16).feed(C2S, stream, 50_000).end();
        List<WsMessage> ms = d.of(WsMessage.class);
        assertThat(ms.get(0).payloadLength()).isEqualTo(big.length);
        assertThat(ms.get(0).payload()).isEqualTo(Arrays.copyOf(big, 1 << 16));
        assertThat(ms.get(1).textValue()).contains("after the big one");
        assertThat(d.codes()).containsExactly("wsframe.payload.capped");
    }
}
