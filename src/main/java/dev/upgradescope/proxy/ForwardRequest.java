package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a forward proxy makes of one request: where it goes (or why it goes nowhere), and the bytes
 * sent upstream. Pure functions over the parsed request and its bytes.
 */
final class ForwardRequest {

    /** Where a request goes, or the proxy's answer instead. Exactly one of the two is set. */
    record Route(Authority to, Refusal refusal) {
    }

    private ForwardRequest() {
    }

    /**
     * Routes {@code r}: an HTTP/1.x request, carrying the token when the gate asks for one, to an
     * absolute-form or CONNECT target that is not the listener itself.
     */
    static Route route(HttpRequest r, ListenerGate gate) {
        if (!r.version().startsWith("HTTP/1.")) {
            return refused(NoteCode.NOT_HTTP, ProxyAnswer.badRequest("UpgradeScope expected an HTTP/1.1 request."),
                    "start line: " + r.summary());
        }
        // RFC 9110 §11.7.1: a proxy that asks for credentials answers 407 with Proxy-Authenticate
        if (gate.token() != null && !ProxyAccess.admits(r, gate.token())) {
            boolean sent = r.headers().has("Proxy-Authorization");
            return refused(NoteCode.AUTH_REQUIRED, ProxyAnswer.proxyAuthRequired(),
                    (sent ? "wrong proxy credentials: " : "no proxy credentials: ") + r.summary());
        }
        Optional<Authority> to = target(r);
        if (to.isEmpty()) {
            String why = r.method().equals("CONNECT") ? "CONNECT needs host:port, got " + r.target()
                    : "This is UpgradeScope's forward proxy: it needs an absolute-form request (http://host/path) "
                    + "or CONNECT host:port; configure it as your HTTP proxy, or start a reverse listener.";
            return refused(NoteCode.UNROUTABLE, ProxyAnswer.badRequest(why), r.summary());
        }
        if (gate.self().names(to.get())) {
            return refused(NoteCode.LOOP, ProxyAnswer.loopDetected(to.get()), r.summary());
        }
        return new Route(to.get(), null);
    }

    private static Route refused(String note, byte[] answer, String detail) {
        return new Route(null, new Refusal(note, answer, detail));
    }

    /** The authority a CONNECT or absolute-form request names. */
    static Optional<Authority> target(HttpRequest r) {
        if (r.method().equals("CONNECT")) {
            // RFC 9110 §9.3.6: the target is the authority, port required (443 assumed if missing)
            return Authority.parse(r.target(), 443);
        }
        return absoluteTarget(r.target()).flatMap(Authority::ofUri);
    }

    /** RFC 9110 §7.8: an Upgrade field in an HTTP/1.1 request (ignored in HTTP/1.0). */
    static boolean asksUpgrade(HttpRequest r) {
        return r.headers().has("Upgrade") && !r.isHttp10OrOlder();
    }

    private static Optional<URI> absoluteTarget(String target) {
        try {
            URI uri = new URI(target);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 9112 §3.2.2: a proxy forwards origin-form to the origin. The request line changes, and,
     * when the proxy consumed them ({@code dropCredentials}), the Proxy-Authorization lines are left
     * out (RFC 9110 §11.7.2); the rest of the head (Host included) and the body go as the client
     * sent them. {@code message} starts with the head.
     */
    static byte[] originForm(HttpRequest r, byte[] message, boolean dropCredentials) {
        URI uri = absoluteTarget(r.target()).orElseThrow();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String origin = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        byte[] line = (r.method() + " " + origin + " " + r.version()).getBytes(StandardCharsets.US_ASCII);
        long base = r.head().offset();
        List<long[]> cuts = new ArrayList<>();
        if (dropCredentials) {
            for (HeaderField f : r.headers().all("Proxy-Authorization")) {
                cuts.add(new long[] {f.line().offset() - base, f.line().offset() - base + f.line().length()});
            }
        }
        int restFrom = (int) (r.startLine().end() - base);
        int size = line.length + message.length - restFrom;
        for (long[] c : cuts) {
            size -= (int) (c[1] - c[0]);
        }
        byte[] all = new byte[size];
        System.arraycopy(line, 0, all, 0, line.length);
        int at = line.length;
        int from = restFrom;
        for (long[] c : cuts) {
            System.arraycopy(message, from, all, at, (int) c[0] - from);
            at += (int) c[0] - from;
            from = (int) c[1];
        }
        System.arraycopy(message, from, all, at, message.length - from);
        return all;
    }
}
