package dev.upgradescope.dissect.tls;

/**
 * What one direction has learnt that the other needs: the last ClientHello (to check the server's
 * choices against) and the ServerHello that settled the version (to know the record size limits
 * and that TLS 1.3 encrypts everything after it).
 */
final class Negotiation {

    private TlsHello clientHello;
    private TlsHello serverHello;

    TlsHello clientHello() {
        return clientHello;
    }

    TlsHello serverHello() {
        return serverHello;
    }

    void sawClientHello(TlsHello hello) {
        clientHello = hello;
    }

    /** A ServerHello that is not a HelloRetryRequest settles the version. */
    void sawServerHello(TlsHello hello) {
        if (!hello.helloRetryRequest()) {
            serverHello = hello;
        }
    }

    boolean tls13() {
        return serverHello != null && serverHello.selectedVersion() >= 0x0304;
    }
}
