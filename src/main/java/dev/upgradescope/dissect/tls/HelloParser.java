package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of a ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2) or ServerHello (RFC 8446
 * §4.1.3) into fields with byte ranges, checking lengths and the extensions that matter to an
 * upgrade inspector (SNI, ALPN, versions, groups, key shares).
 */
final class HelloParser {

    /** SHA-256 of "HelloRetryRequest": the random of a HelloRetryRequest (RFC 8446 §4.1.3). */
    static final byte[] HRR_RANDOM = {
        (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11, (byte) 0xBE, 0x1D,
        (byte) 0x8C, 0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91, (byte) 0xC2, (byte) 0xA2, 0x11, 0x16,
        0x7A, (byte) 0xBB, (byte) 0x8C, 0x5E, 0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8,
        0x33, (byte) 0x9C};
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Cursor c;
    private final boolean client;
    private final TlsHello offered;
    private int legacyVersion = -1;
    private String sni;
    private List<String> alpn;
    private final List<Integer> suites = new ArrayList<>();
    private final List<Integer> versions = new ArrayList<>();
    private boolean hrr;
    private ByteRange hrrRange;
    private int hrrGroup = -1;
    private ByteRange suiteRange;
    private ByteRange alpnRange;
    private ByteRange versionRange;

    private HelloParser(Cursor c, boolean client, TlsHello offered) {
        this.c = c;
        this.client = client;
        this.offered = offered;
    }

    /**
     * Reads a hello body from {@code c} into {@code out}. {@code offered} is the ClientHello seen on
     * the other direction, if any, against which a ServerHello is checked.
     */
    static TlsHello parse(Cursor c, boolean client, TlsHello offered, Field.Builder out) {
        HelloParser p = new HelloParser(c, client, offered);
        p.read(out);
        TlsHello hello = new TlsHello(client, p.legacyVersion, p.sni, p.alpn, p.suites, p.versions, p.hrr);
        if (!client) {
            p.checkServerChoice(hello, out);
        }
        return hello;
    }

    private void read(Field.Builder out) {
        if (!c.has(34)) {
            malformed(out, "legacy_version, random");
            return;
        }
        int at = c.pos();
        legacyVersion = c.u16();
        out.leaf("Legacy version", versionText(legacyVersion), c.since(at));
        at = c.pos();
        byte[] random = c.bytes(32);
        hrr = !client && Arrays.equals(random, HRR_RANDOM);
        if (hrr) {
            hrrRange = c.since(at);
        }
        out.leaf("Random", Cursor.hex(random) + (hrr ? " (HelloRetryRequest)" : ""), c.since(at));
        if (!readOpaque8(out, "Session ID", "legacy_session_id")) {
            return;
        }
        if (client ? !readSuiteList(out) || !readCompressionList(out) : !readSelection(out)) {
            return;
        }
        readExtensions(out);
    }

    /**
     * Reads the length of a vector whose length takes {@code lengthBytes} bytes (RFC 8446 §3.4) and
     * checks the vector is all there; -1, reported as malformed {@code specName}, when it is not.
     */
    private int vectorLength(Field.Builder out, int lengthBytes, String specName) {
        if (!c.has(lengthBytes)) {
            malformed(out, specName);
            return -1;
        }
        int len = lengthBytes == 1 ? c.u8() : c.u16();
        if (!c.has(len)) {
            malformed(out, specName);
            return -1;
        }
        return len;
    }

    private boolean readOpaque8(Field.Builder out, String label, String specName) {
        int at = c.pos();
        int len = vectorLength(out, 1, specName);
        if (len < 0) {
            return false;
        }
        byte[] v = c.bytes(len);
        out.leaf(label, len == 0 ? "(empty)" : Cursor.hex(v), c.since(at));
        return true;
    }

    private boolean readSuiteList(Field.Builder out) {
        int at = c.pos();
        int len = vectorLength(out, 2, "cipher_suites");
        if (len < 0) {
            return false;
        }
        if (len % 2 != 0) {
            malformed(out, "cipher_suites");
            return false;
        }
        Field.Builder f = Field.builder("Cipher suites", (len / 2) + " suites", null);
        for (int i = 0; i < len / 2; i++) {
            int s0 = c.pos();
            int suite = c.u16();
            suites.add(suite);
            f.leaf("Cipher suite", TlsRegistry.named(CipherSuites.nameOf(suite), suite), c.since(s0));
        }
        out.add(f.range(c.since(at)).build());
        return true;
    }

    private boolean readCompressionList(Field.Builder out) {
        int at = c.pos();
        int len = vectorLength(out, 1, "legacy_compression_methods");
        if (len < 0) {
            return false;
        }
        Field.Builder f = Field.builder("Compression methods", len + " methods", null);
        for (int i = 0; i < len; i++) {
            int m0 = c.pos();
            f.leaf("Compression method", compressionName(c.u8()), c.since(m0));
        }
        out.add(f.range(c.since(at)).build());
        return true;
    }

    private boolean readSelection(Field.Builder out) {
        if (!c.has(3)) {
            malformed(out, "cipher_suite, legacy_compression_method");
            return false;
        }
        int at = c.pos();
        int suite = c.u16();
        suites.add(suite);
        suiteRange = c.since(at);
        out.leaf("Cipher suite", TlsRegistry.named(CipherSuites.nameOf(suite), suite), suiteRange);
        at = c.pos();
        out.leaf("Compression method", compressionName(c.u8()), c.since(at));
        return true;
    }

    private void readExtensions(Field.Builder out) {
        if (c.remaining() == 0) {
            return; // extensions are optional before TLS 1.3 (RFC 5246 §7.4.1.2)
        }
        int at = c.pos();
        if (!c.has(2)) {
            malformed(out, "extensions");
            return;
        }
        int len = c.u16();
        Field.Builder f = Field.builder("Extensions", "", null);
        if (len != c.remaining()) {
            // RFC 8446 §4.2: the extensions block fills the rest of the message
            f.finding(TlsFinding.EXTENSION_BAD_LENGTH.at(c.range(at, 2), "extensions"));
        }
        Cursor block = c.sub(Math.min(len, c.remaining()));
        Set<Integer> seen = new HashSet<>();
        int count = 0;
        while (block.remaining() > 0) {
            int e0 = block.pos();
            if (!block.has(4)) {
                f.finding(TlsFinding.EXTENSION_BAD_LENGTH.at(block.rest(), "extensions"));
                block.skip(block.remaining());
                break;
            }
            int type = block.u16();
            int elen = block.u16();
            String name = TlsRegistry.extensionName(type);
            Field.Builder ext = Field.builder("Extension", TlsRegistry.named(name, type), null);
            ext.leaf("Type", TlsRegistry.named(name, type), block.range(e0, 2));
            ext.leaf("Length", Integer.toString(elen), block.range(e0 + 2, 2));
            if (!seen.add(type)) {
                // RFC 8446 §4.2: no more than one extension of the same type in a message
                ext.finding(TlsFinding.EXTENSION_DUPLICATE.at(block.range(e0, 2), name));
            }
            if (!block.has(elen)) {
                ext.finding(TlsFinding.EXTENSION_BAD_LENGTH.at(block.range(e0 + 2, 2), name));
                block.skip(block.remaining());
                f.add(ext.range(block.since(e0)).build());
                count++;
                break;
            }
            Cursor body = block.sub(elen);
            boolean ok = readExtensionBody(type, body, ext);
            if (!ok || body.remaining() != 0) {
                // RFC 8446 §4.2 / the extension's own definition: inner lengths must fill it exactly
                ext.finding(TlsFinding.EXTENSION_BAD_LENGTH.at(block.range(e0 + 4, elen), name));
            }
            f.add(ext.range(block.since(e0)).build());
            count++;
        }
        out.add(f.value(count + " extensions").range(c.since(at)).build());
        if (c.remaining() > 0) {
            int t0 = c.pos();
            c.skip(c.remaining());
            out.leaf("Trailing bytes", (c.pos() - t0) + " bytes", c.since(t0));
        }
    }

    private boolean readExtensionBody(int type, Cursor e, Field.Builder ext) {
        return switch (type) {
            case 0 -> readServerName(e, ext);
            case 16 -> readAlpn(e, ext);
            case 43 -> readSupportedVersions(e, ext);
            case 10 -> readU16List(e, ext, "Named group", TlsRegistry::groupName);
            case 13, 50 -> readU16List(e, ext, "Signature scheme", TlsRegistry::signatureSchemeName);
            case 51 -> readKeyShare(e, ext);
            case 45 -> readU8List(e, ext, "PSK key exchange mode", HelloParser::pskModeName);
            case 11 -> readU8List(e, ext, "EC point format", HelloParser::pointFormatName);
            default -> {
                if (e.remaining() > 0) {
                    int at = e.pos();
                    ext.leaf("Data", Cursor.hex(e.bytes(e.remaining())), e.since(at));
                }
                yield true;
            }
        };
    }

    /** RFC 6066 §3: ServerNameList; empty in a server's answer. */
    private boolean readServerName(Cursor e, Field.Builder ext) {
        if (e.remaining() == 0) {
            return !client;
        }
        int len = e.wholeLength(2);
        if (len < 0) {
            return false;
        }
        while (e.remaining() > 0) {
            int at = e.pos();
            if (!e.has(3)) {
                return false;
            }
            int nameType = e.u8();
            int nlen = e.u16();
            if (!e.has(nlen)) {
                return false;
            }
            int n0 = e.pos();
            String name = new String(e.bytes(nlen), StandardCharsets.UTF_8);
            Field.Builder f = Field.builder("Server name", name, null);
            f.leaf("Name type", nameType == 0 ? "host_name (0)" : "unknown (" + nameType + ")", e.range(at, 1));
            f.leaf("Host name", name, e.range(n0, nlen));
            if (nameType == 0) {
                if (sni == null) {
                    sni = name;
                }
                if (isIpLiteral(name)) {
                    // RFC 6066 §3: literal IPv4 and IPv6 addresses are not permitted in HostName
                    f.finding(TlsFinding.SNI_IP_LITERAL.at(e.range(n0, nlen), name));
                }
            }
            ext.add(f.range(e.since(at)).build());
        }
        return true;
    }

    static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || name.indexOf(':') >= 0 || name.startsWith("[");
    }

    /** RFC 7301 §3.1: ProtocolNameList, non-empty, of non-empty names. */
    private boolean readAlpn(Cursor e, Field.Builder ext) {
        int at = e.pos();
        int len = e.wholeLength(2);
        if (len < 0) {
            return false;
        }
        alpnRange = e.range(at, 2 + len);
        if (len == 0) {
            // RFC 7301 §3.1: the protocol_name_list must contain at least one name
            ext.finding(TlsFinding.ALPN_EMPTY_LIST.at(e.range(at, 2)));
        }
        List<String> names = new ArrayList<>();
        while (e.remaining() > 0) {
            int p0 = e.pos();
            int plen = e.u8();
            if (!e.has(plen)) {
                return false;
            }
            String name = new String(e.bytes(plen), StandardCharsets.UTF_8);
            names.add(name);
            Field.Builder f = Field.builder("Protocol", name, e.since(p0));
            if (plen == 0) {
                // RFC 7301 §3.1: empty strings must not be included
                f.finding(TlsFinding.ALPN_EMPTY_NAME.at(e.since(p0)));
            }
            ext.add(f.build());
        }
        alpn = names;
        return true;
    }

    /** RFC 8446 §4.2.1: a list in a ClientHello, one selected version in a ServerHello. */
    private boolean readSupportedVersions(Cursor e, Field.Builder ext) {
        if (!client) {
            if (!e.has(2)) {
                return false;
            }
            int at = e.pos();
            int v = e.u16();
            versions.add(v);
            versionRange = e.since(at);
            ext.leaf("Selected version", versionText(v), versionRange);
            return true;
        }
        int len = e.wholeLength(1);
        if (len < 0 || len % 2 != 0) {
            return false;
        }
        while (e.remaining() > 0) {
            int at = e.pos();
            int v = e.u16();
            versions.add(v);
            ext.leaf("Supported version", versionText(v), e.since(at));
        }
        return true;
    }

    /** RFC 8446 §4.2.8: client shares, the server's share, or the HelloRetryRequest's group. */
    private boolean readKeyShare(Cursor e, Field.Builder ext) {
        if (!client && hrr) {
            if (!e.has(2)) {
                return false;
            }
            int at = e.pos();
            hrrGroup = e.u16();
            ext.leaf("Selected group", TlsRegistry.named(TlsRegistry.groupName(hrrGroup), hrrGroup), e.since(at));
            return true;
        }
        if (client) {
            int len = e.wholeLength(2);
            if (len < 0) {
                return false;
            }
            while (e.remaining() > 0) {
                if (!readKeyShareEntry(e, ext)) {
                    return false;
                }
            }
            return true;
        }
        return readKeyShareEntry(e, ext);
    }

    private boolean readKeyShareEntry(Cursor e, Field.Builder ext) {
        int at = e.pos();
        if (!e.has(4)) {
            return false;
        }
        int group = e.u16();
        int klen = e.u16();
        if (!e.has(klen)) {
            return false;
        }
        String groupName = TlsRegistry.named(TlsRegistry.groupName(group), group);
        Field.Builder f = Field.builder("Key share entry", groupName, null);
        f.leaf("Group", groupName, e.range(at, 2));
        f.leaf("Key exchange length", Integer.toString(klen), e.range(at + 2, 2));
        int k0 = e.pos();
        f.leaf("Key exchange", Cursor.hex(e.bytes(klen)), e.range(k0, klen));
        ext.add(f.range(e.since(at)).build());
        return true;
    }

    private boolean readU16List(Cursor e, Field.Builder ext, String label, java.util.function.IntFunction<String> names) {
        int len = e.wholeLength(2);
        if (len < 0 || len % 2 != 0) {
            return false;
        }
        while (e.remaining() > 0) {
            int at = e.pos();
            int v = e.u16();
            ext.leaf(label, TlsRegistry.named(names.apply(v), v), e.since(at));
        }
        return true;
    }

    private boolean readU8List(Cursor e, Field.Builder ext, String label, java.util.function.IntFunction<String> names) {
        int len = e.wholeLength(1);
        if (len < 0) {
            return false;
        }
        while (e.remaining() > 0) {
            int at = e.pos();
            ext.leaf(label, names.apply(e.u8()), e.since(at));
        }
        return true;
    }

    private void checkServerChoice(TlsHello hello, Field.Builder out) {
        if (hrr) {
            // RFC 8446 §4.1.4: the server asks the client for another ClientHello
            String group = hrrGroup < 0 ? "-" : TlsRegistry.groupName(hrrGroup);
            out.finding(TlsFinding.HELLO_RETRY_REQUEST.at(hrrRange, group));
        }
        int version = hello.selectedVersion();
        if (!hrr && version >= 0x0300 && version < 0x0303) {
            // RFC 8996 §5: TLS 1.0 and 1.1 must not be negotiated
            ByteRange where = versionRange != null ? versionRange : c.range(0, 2);
            out.finding(TlsFinding.VERSION_DEPRECATED.at(where, TlsRegistry.versionName(version)));
        }
        if (offered == null) {
            return;
        }
        int suite = hello.cipherSuite();
        if (suite >= 0 && !offered.cipherSuites().contains(suite)) {
            // RFC 8446 §4.1.3 / RFC 5246 §7.4.1.3: the suite must be one the client offered
            out.finding(TlsFinding.CIPHER_NOT_OFFERED.at(suiteRange, CipherSuites.nameOf(suite)));
        }
        if (alpn != null) {
            List<String> clientList = offered.alpn() == null ? List.of() : offered.alpn();
            for (String chosen : alpn) {
                if (!clientList.contains(chosen)) {
                    // RFC 7301 §3.2: the server selects one of the protocols the client advertised
                    out.finding(TlsFinding.ALPN_NOT_OFFERED.at(alpnRange, chosen,
                            clientList.isEmpty() ? "-" : String.join(",", clientList)));
                }
            }
        }
    }

    private void malformed(Field.Builder out, String part) {
        int at = c.pos();
        int n = c.remaining();
        c.skip(n);
        ByteRange where = c.range(at, n);
        out.add(Field.builder("Malformed", n + " bytes", where)
                .finding(TlsFinding.HANDSHAKE_MALFORMED.at(where, part)).build());
    }

    private static String versionText(int v) {
        String name = TlsRegistry.versionName(v);
        return name.startsWith("0x") ? name : name + " (" + TlsRegistry.hex4(v) + ")";
    }

    private static String compressionName(int m) {
        return m == 0 ? "null (0)" : m == 1 ? "DEFLATE (1)" : "unknown (" + m + ")";
    }

    private static String pskModeName(int m) {
        return m == 0 ? "psk_ke (0)" : m == 1 ? "psk_dhe_ke (1)" : "unknown (" + m + ")";
    }

    private static String pointFormatName(int f) {
        return switch (f) {
            case 0 -> "uncompressed (0)";
            case 1 -> "ansiX962_compressed_prime (1)";
            case 2 -> "ansiX962_compressed_char2 (2)";
            default -> "unknown (" + f + ")";
        };
    }
}
