package dev.upgradescope.proxy;

/** What the first bytes inside a CONNECT tunnel look like. */
enum TunnelContent {
    /** A TLS handshake record: content type 22, legacy version 3.x (RFC 8446 §5.1). */
    TLS,
    /** Plaintext HTTP/1.x: a method token followed by a space. */
    HTTP,
    /** Anything else (a server-first protocol, or bytes nobody knows). */
    OPAQUE;

    static TunnelContent sniff(byte[] first) {
        if (first.length >= 1 && (first[0] & 0xff) == 0x16
                && (first.length < 2 || first[1] == 0x03)
                && (first.length < 3 || (first[2] & 0xff) <= 0x04)) {
            return TLS;
        }
        int i = 0;
        while (i < first.length && i < 32 && Token.isTchar(first[i])) {
            i++;
        }
        return i > 0 && i < first.length && first[i] == ' ' ? HTTP : OPAQUE;
    }
}
