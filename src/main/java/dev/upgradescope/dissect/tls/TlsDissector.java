package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Optional;

/**
 * Dissects both directions of a TLS connection — after {@code Upgrade: TLS/1.x} (RFC 2817) or
 * inside a CONNECT tunnel — into {@link TlsRecord}s: record framing, plaintext handshake messages
 * reassembled across records, ClientHello and ServerHello in full (SNI, ALPN, versions, suites),
 * plaintext alerts, and the lengths of encrypted records. Bytes that are not TLS become
 * {@link dev.upgradescope.wire.OpaqueBytes} for the rest of their direction.
 */
public final class TlsDissector implements StreamDissector {

    private final Negotiation negotiation = new Negotiation();
    private final RecordReader c2s = new RecordReader(Direction.C2S, negotiation);
    private final RecordReader s2c = new RecordReader(Direction.S2C, negotiation);

    @Override
    public List<Unit> feed(Direction dir, long offset, byte[] bytes, int from, int to) {
        return reader(dir).feed(offset, bytes, from, to);
    }

    @Override
    public List<Unit> end(Direction dir) {
        return reader(dir).end();
    }

    /** The last ClientHello seen on the client's direction. */
    public Optional<TlsHello> clientHello() {
        return Optional.ofNullable(negotiation.clientHello());
    }

    /** The ServerHello that settled the version (a HelloRetryRequest does not). */
    public Optional<TlsHello> serverHello() {
        return Optional.ofNullable(negotiation.serverHello());
    }

    /** True once the direction's bytes were found not to be TLS records. */
    public boolean framingLost(Direction dir) {
        return reader(dir).state() == RecordReader.State.LOST;
    }

    private RecordReader reader(Direction dir) {
        return dir == Direction.C2S ? c2s : s2c;
    }
}
