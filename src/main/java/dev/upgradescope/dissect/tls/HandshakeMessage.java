package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Field;

/**
 * One reassembled handshake message (RFC 8446 §4) read into a field: its type and length, a
 * ClientHello or ServerHello in full, any other message as its body length.
 */
record HandshakeMessage(Field field, String title, TlsHello hello) {

    static HandshakeMessage read(HandshakeStream.Message m, HandshakeStream stream, Negotiation negotiation) {
        long at = m.hsOffset();
        int bodyLength = m.bytes().length - 4;
        int type = m.type();
        String title = TlsRegistry.handshakeTitle(type);
        Field.Builder f = Field.builder("Handshake message", title, stream.map(at, m.bytes().length));
        f.leaf("Handshake type", TlsRegistry.handshakeTypeName(type) + " (" + type + ")", stream.map(at, 1));
        f.leaf("Length", Integer.toString(bodyLength), stream.map(at + 1, 3));
        TlsHello hello = null;
        if (type == 1 || type == 2) {
            Cursor body = new Cursor(m.bytes(), at, stream, 4, m.bytes().length);
            hello = HelloParser.parse(body, type == 1, type == 2 ? negotiation.clientHello() : null, f);
            if (hello.client()) {
                negotiation.sawClientHello(hello);
            } else {
                negotiation.sawServerHello(hello);
            }
            title = helloTitle(hello);
            f.value(title);
        } else if (bodyLength > 0) {
            f.leaf("Body", bodyLength + " bytes", stream.map(at + 4, bodyLength));
        }
        return new HandshakeMessage(f.build(), title, hello);
    }

    /** {@code ClientHello sni=example.com alpn=h2,http/1.1}, {@code ServerHello version=TLS 1.3 cipher=…}. */
    static String helloTitle(TlsHello h) {
        StringBuilder s = new StringBuilder();
        if (h.client()) {
            s.append("ClientHello");
            if (h.sni() != null) {
                s.append(" sni=").append(h.sni());
            }
        } else {
            s.append(h.helloRetryRequest() ? "HelloRetryRequest" : "ServerHello");
            s.append(" version=").append(TlsRegistry.versionName(h.selectedVersion()));
            if (h.cipherSuite() >= 0) {
                s.append(" cipher=").append(CipherSuites.nameOf(h.cipherSuite()));
            }
        }
        if (h.alpn() != null) {
            s.append(" alpn=").append(String.join(",", h.alpn()));
        }
        return s.toString();
    }
}
