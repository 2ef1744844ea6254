package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Attribute;
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

    /** The content type's name. */
    public static final Attribute<String> CONTENT_TYPE = Attribute.text("contentType");
    /** The record's legacy_record_version by name. */
    public static final Attribute<String> VERSION = Attribute.text("version");
    /** The fragment's length. */
    public static final Attribute<Integer> LENGTH = Attribute.integer("length");
    /** For a completed hello: {@code ClientHello} or {@code ServerHello}. */
    public static final Attribute<String> HANDSHAKE_TYPE = Attribute.text("handshakeType");
    public static final Attribute<String> SNI = Attribute.text("sni");
    /** ALPN protocol names offered (ClientHello) or selected (ServerHello). */
    public static final Attribute<List<String>> ALPN = Attribute.texts("alpn");
    public static final Attribute<String> SELECTED_VERSION = Attribute.text("selectedVersion");
    public static final Attribute<String> CIPHER_SUITE = Attribute.text("cipherSuite");

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
        CONTENT_TYPE.put(m, ContentType.nameOf(contentType));
        VERSION.put(m, TlsRegistry.versionName(version));
        LENGTH.put(m, fragmentLength);
        if (hello != null) {
            HANDSHAKE_TYPE.put(m, hello.handshakeType());
            if (hello.sni() != null) {
                SNI.put(m, hello.sni());
            }
            if (hello.alpn() != null) {
                ALPN.put(m, hello.alpn());
            }
            if (!hello.client()) {
                SELECTED_VERSION.put(m, TlsRegistry.versionName(hello.selectedVersion()));
                if (hello.cipherSuite() >= 0) {
                    CIPHER_SUITE.put(m, CipherSuites.nameOf(hello.cipherSuite()));
                }
            }
        }
        return m;
    }
}
