package dev.upgradescope.dissect.http1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Recorded messages from test resources (stored with LF, sent with CRLF) and feeding helpers. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture {@code http1/<name>} with every LF turned into CRLF. */
    static byte[] fixture(String name) {
        return crlf(text(name));
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/http1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] crlf(String lfText) {
        return lfText.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Indexes of the first occurrence of {@code needle} in {@code bytes}. */
    static int indexOf(byte[] bytes, String needle) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(needle);
    }

    /** Feeds {@code bytes} cut at {@code cuts} (increasing positions), resuming after each pause, then ends. */
    static List<HttpMessage> parse(Http1Parser parser, byte[] bytes, int... cuts) {
        List<HttpMessage> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            out.addAll(parser.feed(bytes, from, to));
            while (parser.paused()) {
                out.addAll(parser.resume());
            }
            from = to;
        }
        out.addAll(parser.end());
        return out;
    }

    /** Feeds one byte at a time (resuming after pauses), then ends. */
    static List<HttpMessage> byteByByte(Http1Parser parser, byte[] bytes) {
        List<HttpMessage> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            out.addAll(parser.feed(bytes, i, i + 1));
            while (parser.paused()) {
                out.addAll(parser.resume());
            }
        }
        out.addAll(parser.end());
        return out;
    }
}
