package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recorded exchange from {@code src/test/resources/handshakes} (format in the README there): the
 * client's bytes and the server's bytes, read back through the HTTP/1 parser.
 */
record Handshake(String name, byte[] c2s, byte[] s2c) {

    static Handshake load(String name) {
        String text;
        try (InputStream in = Handshake.class.getResourceAsStream("/handshakes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        ByteArrayOutputStream current = null;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the file's final newline ends the last line
        }
        for (String line : lines) {
            if (line.equals("--- request ---")) {
                current = c2s;
            } else if (line.equals("--- response ---")) {
                current = s2c;
            } else if (current != null) {
                current.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new Handshake(name, c2s.toByteArray(), s2c.toByteArray());
    }

    /** The first request the parser reads from the client's bytes. */
    Optional<HttpRequest> request() {
        return requestOf(c2s);
    }

    static Optional<HttpRequest> requestOf(byte[] bytes) {
        Http1Parser parser = Http1Parser.forRequests(0);
        List<HttpMessage> out = new ArrayList<>(parser.feed(bytes));
        out.addAll(parser.end());
        return out.stream().filter(HttpRequest.class::isInstance).map(HttpRequest.class::cast).findFirst();
    }

    /** The responses the parser reads from the server's bytes, as answers to {@code request}. */
    static List<HttpResponse> responsesOf(HttpRequest request, byte[] bytes) {
        Http1Parser parser = Http1Parser.forResponses(0);
        parser.expectResponseTo(request);
        List<HttpMessage> out = new ArrayList<>(parser.feed(bytes));
        out.addAll(parser.end());
        return out.stream().filter(HttpResponse.class::isInstance).map(HttpResponse.class::cast).toList();
    }

    HandshakeAnalysis analyze() {
        HttpRequest req = request().orElseThrow(() -> new AssertionError("no request in " + name));
        return HandshakeAnalysis.ofResponses(req, responsesOf(req, s2c));
    }

    /** Absolute offset of {@code needle} in the client's bytes. */
    long c2sOffsetOf(String needle) {
        return new String(c2s, StandardCharsets.ISO_8859_1).indexOf(needle);
    }

    long s2cOffsetOf(String needle) {
        return new String(s2c, StandardCharsets.ISO_8859_1).indexOf(needle);
    }
}
