package dev.upgradescope.proxy;

import dev.upgradescope.dissect.tls.TlsSniff;

/** What the first bytes inside a CONNECT tunnel look like. */
enum TunnelContent {
    /** The start of a TLS ClientHello (RFC 8446 §5.1, §4.1.2), as far as the first bytes tell. */
    TLS,
    /** Plaintext HTTP/1.x: a method token followed by a space. */
    HTTP,
    /** Anything else (a server-first protocol, or bytes nobody knows). */
    OPAQUE;

    static TunnelContent sniff(byte[] first) {
        if (first.length > 0 && TlsSniff.isClientHelloStart(first) != TlsSniff.Verdict.NO) {
            return TLS;
        }
        int i = 0;
        while (i < first.length && i < 32 && Tchar.is(first[i])) {
            i++;
        }
        return i > 0 && i < first.length && first[i] == ' ' ? HTTP : OPAQUE;
    }
}
