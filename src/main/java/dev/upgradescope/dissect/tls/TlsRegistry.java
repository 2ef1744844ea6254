package dev.upgradescope.dissect.tls;

import java.util.HashMap;
import java.util.Map;

/**
 * Names from the IANA TLS registries other than cipher suites: protocol versions, handshake types,
 * extension types, named groups, signature schemes, alert levels and descriptions, and the GREASE
 * values of RFC 8701.
 */
public final class TlsRegistry {

    private static final Map<Integer, String> EXTENSIONS = new HashMap<>();
    private static final Map<Integer, String> GROUPS = new HashMap<>();
    private static final Map<Integer, String> SIGNATURE_SCHEMES = new HashMap<>();
    private static final Map<Integer, String> ALERTS = new HashMap<>();
    private static final Map<Integer, String[]> HANDSHAKE_TYPES = new HashMap<>();

    static {
        String[] ext = {
            "0", "server_name", "1", "max_fragment_length", "5", "status_request", "10", "supported_groups",
            "11", "ec_point_formats", "13", "signature_algorithms", "14", "use_srtp", "15", "heartbeat",
            "16", "application_layer_protocol_negotiation", "17", "status_request_v2",
            "18", "signed_certificate_timestamp", "21", "padding", "22", "encrypt_then_mac",
            "23", "extended_master_secret", "27", "compress_certificate", "28", "record_size_limit",
            "34", "delegated_credentials", "35", "session_ticket", "41", "pre_shared_key", "42", "early_data",
            "43", "supported_versions", "44", "cookie", "45", "psk_key_exchange_modes",
            "47", "certificate_authorities", "48", "oid_filters", "49", "post_handshake_auth",
            "50", "signature_algorithms_cert", "51", "key_share", "57", "quic_transport_parameters",
            "17513", "application_settings", "65037", "encrypted_client_hello", "65281", "renegotiation_info"};
        fill(EXTENSIONS, ext);
        String[] groups = {
            "21", "secp224r1", "22", "secp256k1", "23", "secp256r1", "24", "secp384r1", "25", "secp521r1",
            "26", "brainpoolP256r1", "27", "brainpoolP384r1", "28", "brainpoolP512r1", "29", "x25519",
            "30", "x448", "256", "ffdhe2048", "257", "ffdhe3072", "258", "ffdhe4096", "259", "ffdhe6144",
            "260", "ffdhe8192", "4587", "X25519MLKEM768", "4588", "SecP256r1MLKEM768",
            "25497", "X25519Kyber768Draft00"};
        fill(GROUPS, groups);
        String[] sigs = {
            "513", "rsa_pkcs1_sha1", "514", "dsa_sha1", "515", "ecdsa_sha1", "769", "rsa_sha224",
            "770", "dsa_sha224", "771", "ecdsa_sha224", "1025", "rsa_pkcs1_sha256", "1026", "dsa_sha256",
            "1027", "ecdsa_secp256r1_sha256", "1281", "rsa_pkcs1_sha384", "1283", "ecdsa_secp384r1_sha384",
            "1537", "rsa_pkcs1_sha512", "1539", "ecdsa_secp521r1_sha512", "2052", "rsa_pss_rsae_sha256",
            "2053", "rsa_pss_rsae_sha384", "2054", "rsa_pss_rsae_sha512", "2055", "ed25519", "2056", "ed448",
            "2057", "rsa_pss_pss_sha256", "2058", "rsa_pss_pss_sha384", "2059", "rsa_pss_pss_sha512"};
        fill(SIGNATURE_SCHEMES, sigs);
        String[] alerts = {
            "0", "close_notify", "10", "unexpected_message", "20", "bad_record_mac", "21", "decryption_failed",
            "22", "record_overflow", "30", "decompression_failure", "40", "handshake_failure",
            "41", "no_certificate", "42", "bad_certificate", "43", "unsupported_certificate",
            "44", "certificate_revoked", "45", "certificate_expired", "46", "certificate_unknown",
            "47", "illegal_parameter", "48", "unknown_ca", "49", "access_denied", "50", "decode_error",
            "51", "decrypt_error", "60", "export_restriction", "70", "protocol_version",
            "71", "insufficient_security", "80", "internal_error", "86", "inappropriate_fallback",
            "90", "user_canceled", "100", "no_renegotiation", "109", "missing_extension",
            "110", "unsupported_extension", "111", "certificate_unobtainable", "112", "unrecognized_name",
            "113", "bad_certificate_status_response", "114", "bad_certificate_hash_value",
            "115", "unknown_psk_identity", "116", "certificate_required", "120", "no_application_protocol"};
        fill(ALERTS, alerts);
        String[] hs = {
            "0", "hello_request", "HelloRequest", "1", "client_hello", "ClientHello",
            "2", "server_hello", "ServerHello", "4", "new_session_ticket", "NewSessionTicket",
            "5", "end_of_early_data", "EndOfEarlyData", "8", "encrypted_extensions", "EncryptedExtensions",
            "11", "certificate", "Certificate", "12", "server_key_exchange", "ServerKeyExchange",
            "13", "certificate_request", "CertificateRequest", "14", "server_hello_done", "ServerHelloDone",
            "15", "certificate_verify", "CertificateVerify", "16", "client_key_exchange", "ClientKeyExchange",
            "20", "finished", "Finished", "21", "certificate_url", "CertificateURL",
            "22", "certificate_status", "CertificateStatus", "24", "key_update", "KeyUpdate",
            "254", "message_hash", "MessageHash"};
        for (int i = 0; i < hs.length; i += 3) {
            HANDSHAKE_TYPES.put(Integer.parseInt(hs[i]), new String[] {hs[i + 1], hs[i + 2]});
        }
    }

    private TlsRegistry() {
    }

    private static void fill(Map<Integer, String> map, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Integer.parseInt(pairs[i]), pairs[i + 1]);
        }
    }

    /** {@code 0xNNNN}, lower-case hex digits, four of them. */
    public static String hex4(int value) {
        return String.format("0x%04x", value);
    }

    /** RFC 8701 §2: 0x0A0A, 0x1A1A … 0xFAFA are reserved GREASE values. */
    public static boolean isGrease(int value) {
        return (value & 0x0F0F) == 0x0A0A && (value >> 8) == (value & 0xFF);
    }

    static String greaseName(int value) {
        return "GREASE (" + hex4(value) + ")";
    }

    private static String lookup(Map<Integer, String> map, int code) {
        String name = map.get(code);
        if (name != null) {
            return name;
        }
        return isGrease(code) ? greaseName(code) : hex4(code);
    }

    /** {@code TLS 1.2} for 0x0303, {@code SSL 3.0} for 0x0300, GREASE, or {@code 0xNNNN}. */
    public static String versionName(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> isGrease(version) ? greaseName(version) : hex4(version);
        };
    }

    public static String extensionName(int type) {
        return lookup(EXTENSIONS, type);
    }

    public static String groupName(int group) {
        return lookup(GROUPS, group);
    }

    public static String signatureSchemeName(int scheme) {
        return lookup(SIGNATURE_SCHEMES, scheme);
    }

    public static String alertDescription(int code) {
        String name = ALERTS.get(code);
        return name != null ? name : "unknown (" + code + ")";
    }

    public static String alertLevel(int level) {
        return switch (level) {
            case 1 -> "warning";
            case 2 -> "fatal";
            default -> "unknown (" + level + ")";
        };
    }

    /** The spec name of a handshake type, e.g. {@code client_hello}, or {@code unknown (N)}. */
    public static String handshakeTypeName(int type) {
        String[] names = HANDSHAKE_TYPES.get(type);
        return names != null ? names[0] : "unknown (" + type + ")";
    }

    /** The message name used in summaries, e.g. {@code ClientHello}, or {@code Handshake(N)}. */
    static String handshakeTitle(int type) {
        String[] names = HANDSHAKE_TYPES.get(type);
        return names != null ? names[1] : "Handshake(" + type + ")";
    }

    /** A name with its number: {@code x25519 (0x001d)}. */
    static String named(String name, int code) {
        return name.startsWith("0x") || name.startsWith("GREASE") ? name : name + " (" + hex4(code) + ")";
    }
}
