package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One TLS record (RFC 8446 §5.1, RFC 5246 §6.2) as it crossed the wire: its header, what it
 * carried when that was readable (handshake messages, alerts), or its length when encrypted.
 *
 * @param contentType    the content type byte
 * @param version        the record's legacy_record_version
 * @param fragmentLength the length field (the record spans {@code 5 + fragmentLength} bytes)
 * @param encrypted      true when the fragment is protected and was not parsed
 * @param hello          the ClientHello or ServerHello completed in this record, or null
 */
public record TlsRecord(Direction dir, long offset, int contentType, int version, int fragmentLength,
                        boolean encrypted, TlsHello hello, String summary, Field tree, List<Finding> findings)
        implements Unit {

    public TlsRecord {
        findings = List.copyOf(findings);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.TLS_RECORD;
    }

    @Override
    public long length() {
        return 5L + fragmentLength;
    }

    /**
     * {@code contentType}, {@code version}, {@code length}; for a hello also {@code handshakeType},
     * {@code sni}, {@code alpn} (when present), and {@code selectedVersion}, {@code cipherSuite}
     * for a ServerHello.
     */
    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentType", ContentType.nameOf(contentType));
        m.put("version", TlsRegistry.versionName(version));
        m.put("length", fragmentLength);
        if (hello != null) {
            m.put("handshakeType", hello.handshakeType());
            if (hello.sni() != null) {
                m.put("sni", hello.sni());
            }
            if (hello.alpn() != null) {
                m.put("alpn", hello.alpn());
            }
            if (!hello.client()) {
                m.put("selectedVersion", TlsRegistry.versionName(hello.selectedVersion()));
                if (hello.cipherSuite() >= 0) {
                    m.put("cipherSuite", CipherSuites.nameOf(hello.cipherSuite()));
                }
            }
        }
        return m;
    }
}
