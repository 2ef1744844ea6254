package dev.upgradescope.dissect.tls;

import java.util.List;

/**
 * What a ClientHello or ServerHello says, as the proxy and the views need it: the server name,
 * the ALPN protocols, the cipher suites and versions offered or selected.
 *
 * @param client            true for a ClientHello, false for a ServerHello (HelloRetryRequest included)
 * @param legacyVersion     the legacy_version field
 * @param sni               the host_name of server_name, or null when absent
 * @param alpn              ALPN protocol names (offered, or the one selected), or null when the extension is absent
 * @param cipherSuites      suites offered (ClientHello) or the one selected (ServerHello)
 * @param supportedVersions versions listed in supported_versions (ClientHello) or the one selected; empty when absent
 * @param helloRetryRequest true for a ServerHello carrying the HelloRetryRequest random (RFC 8446 §4.1.3)
 */
public record TlsHello(boolean client, int legacyVersion, String sni, List<String> alpn, List<Integer> cipherSuites,
                       List<Integer> supportedVersions, boolean helloRetryRequest) {

    public TlsHello {
        alpn = alpn == null ? null : List.copyOf(alpn);
        cipherSuites = List.copyOf(cipherSuites);
        supportedVersions = List.copyOf(supportedVersions);
    }

    /** {@code client_hello} or {@code server_hello}, as in the record attributes. */
    public String handshakeType() {
        return client ? "client_hello" : "server_hello";
    }

    /**
     * The version a ServerHello selects: supported_versions when present (RFC 8446 §4.2.1), else
     * legacy_version; for a ClientHello the highest non-GREASE version offered (or legacy_version).
     */
    public int selectedVersion() {
        int best = -1;
        for (int v : supportedVersions) {
            if (!TlsRegistry.isGrease(v) && v > best) {
                best = v;
            }
        }
        return best >= 0 ? best : legacyVersion;
    }

    /** The suite a ServerHello selected, or -1 for a ClientHello or a hello cut short. */
    public int cipherSuite() {
        return !client && cipherSuites.size() == 1 ? cipherSuites.get(0) : -1;
    }
}
