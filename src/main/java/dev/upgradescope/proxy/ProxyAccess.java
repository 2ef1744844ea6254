package dev.upgradescope.proxy;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Who may use a forward listener. A forward proxy reachable from the network is an open relay into
 * the machine (loopback-only services included), so a forward listener that is not on loopback asks
 * for {@code Proxy-Authorization: Basic} credentials whose password is {@code token}, any user name
 * (as {@code curl --proxy-user any:TOKEN} sends them); with {@code everywhere} it asks on loopback
 * too. {@link #OPEN} asks nowhere. Reverse listeners never ask: they are not proxies (a client
 * does not send proxy credentials to them) and reach one fixed upstream only.
 *
 * @param token the password clients must send, or null for {@link #OPEN}
 * @param everywhere true to ask on every forward listener, false only on those not on loopback
 */
public record ProxyAccess(String token, boolean everywhere) {

    /** No listener asks for credentials. */
    public static final ProxyAccess OPEN = new ProxyAccess(null, false);

    private static final SecureRandom RANDOM = new SecureRandom();

    public ProxyAccess {
        if (token != null && !validToken(token)) {
            throw new IllegalArgumentException("a token is 1 to 200 visible ASCII characters, without spaces");
        }
    }

    /** A fresh token for one capture (24 random bytes, base64url), asked only off loopback. */
    public static ProxyAccess generated() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return new ProxyAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(b), false);
    }

    /** {@code token}, asked on every forward listener (loopback included). */
    public static ProxyAccess token(String token) {
        return new ProxyAccess(token, true);
    }

    static boolean validToken(String token) {
        return !token.isEmpty() && token.length() <= 200 && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** Whether {@code listener} asks for the token. */
    public boolean requiredOn(ListenerConfig listener) {
        return token != null && listener.mode() == ListenerMode.FORWARD && (everywhere || listener.exposed());
    }

    /**
     * Whether {@code request} carries Basic credentials with the token as password (RFC 9110
     * §11.7.2, RFC 7617 §2). The password is compared in constant time: both sides are hashed first,
     * so neither its length nor its bytes show in the time taken.
     */
    static boolean admits(HttpRequest request, String token) {
        for (HeaderField f : request.headers().all("Proxy-Authorization")) {
            String password = basicPassword(f.value());
            if (password != null && MessageDigest.isEqual(sha256(password), sha256(token))) {
                return true;
            }
        }
        return false;
    }

    /** The password of {@code Basic base64(user:password)}, or null when the value is not that. */
    static String basicPassword(String value) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        // RFC 9110 §11.1: the scheme is case-insensitive
        if (sp < 0 || !v.substring(0, sp).toLowerCase(Locale.ROOT).equals("basic")) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(v.substring(sp + 1).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':'); // RFC 7617 §2: the user-id ends at the first colon
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return token == null ? "ProxyAccess[open]" : "ProxyAccess[token hidden, everywhere=" + everywhere + "]";
    }
}
