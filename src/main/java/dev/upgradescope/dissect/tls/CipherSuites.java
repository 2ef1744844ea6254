package dev.upgradescope.dissect.tls;

import java.util.HashMap;
import java.util.Map;

/**
 * IANA names of the cipher suites that browsers, the JDK and OpenSSL commonly send (TLS Cipher
 * Suites registry), TLS 1.3 included; GREASE values (RFC 8701) are named as such, any other value
 * is shown as {@code 0xNNNN}.
 */
public final class CipherSuites {

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        // TLS 1.3 (RFC 8446 §B.4)
        put(0x1301, "TLS_AES_128_GCM_SHA256");
        put(0x1302, "TLS_AES_256_GCM_SHA384");
        put(0x1303, "TLS_CHACHA20_POLY1305_SHA256");
        put(0x1304, "TLS_AES_128_CCM_SHA256");
        put(0x1305, "TLS_AES_128_CCM_8_SHA256");
        // ECDHE AEAD
        put(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        put(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        put(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        put(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        put(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        put(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        put(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        // ECDHE CBC
        put(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        put(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        put(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        put(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        put(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
        put(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        put(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        put(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        // ECDH (static)
        put(0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA");
        put(0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA");
        put(0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA");
        put(0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA");
        put(0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256");
        put(0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384");
        put(0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256");
        put(0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384");
        put(0xC02D, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256");
        put(0xC02E, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384");
        put(0xC031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256");
        put(0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384");
        // DHE
        put(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA");
        put(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
        put(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
        put(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        put(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256");
        put(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
        put(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256");
        put(0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
        put(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        put(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
        put(0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256");
        put(0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384");
        // RSA key exchange
        put(0x0004, "TLS_RSA_WITH_RC4_128_MD5");
        put(0x0005, "TLS_RSA_WITH_RC4_128_SHA");
        put(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        put(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA");
        put(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        put(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256");
        put(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        put(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        put(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        // signalling values
        put(0x0000, "TLS_NULL_WITH_NULL_NULL");
        put(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"); // RFC 5746 §3.3
        put(0x5600, "TLS_FALLBACK_SCSV"); // RFC 7507 §2
    }

    private CipherSuites() {
    }

    private static void put(int code, String name) {
        NAMES.put(code, name);
    }

    /** The IANA name, {@code GREASE (0x?A?A)} for a GREASE value, or {@code 0xNNNN}. */
    public static String nameOf(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        return TlsRegistry.isGrease(code) ? TlsRegistry.greaseName(code) : TlsRegistry.hex4(code);
    }

    /** True when the suite has a registered name in this table. */
    public static boolean isKnown(int code) {
        return NAMES.containsKey(code);
    }
}
