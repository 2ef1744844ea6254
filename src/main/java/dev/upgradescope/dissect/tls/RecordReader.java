package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The record layer of one direction (RFC 8446 §5.1, RFC 5246 §6.2): cuts the stream into records
 * at any chunking, feeds handshake fragments to the reassembler, and turns each record into a
 * {@link TlsRecord}. Bytes that cannot be a record header end record framing for the direction.
 */
final class RecordReader {

    /** Where the reader is in the stream. */
    enum State {
        /** Waiting for the 5-byte record header. */
        HEADER,
        /** Header read; waiting for the fragment. */
        BODY,
        /** Framing lost: everything else is opaque. */
        LOST
    }

    static final int HEADER_LENGTH = 5;
    static final int MAX_PLAINTEXT = 1 << 14;            // RFC 8446 §5.1, RFC 5246 §6.2.1
    static final int MAX_CIPHERTEXT_13 = (1 << 14) + 256;  // RFC 8446 §5.2
    static final int MAX_CIPHERTEXT_12 = (1 << 14) + 2048; // RFC 5246 §6.2.3
    static final String LOST_REASON = "not TLS records";

    private final Direction dir;
    private final Negotiation negotiation;
    private final HandshakeStream handshake;
    private State state = State.HEADER;
    private byte[] pending = new byte[HEADER_LENGTH + 512];
    private int have;
    private int need;
    private long start;
    private long next;
    private boolean protectedRecords;
    private boolean handshakeLost;

    RecordReader(Direction dir, Negotiation negotiation) {
        this.dir = dir;
        this.negotiation = negotiation;
        this.handshake = new HandshakeStream(dir);
    }

    State state() {
        return state;
    }

    List<Unit> feed(long offset, byte[] b, int from, int to) {
        List<Unit> out = new ArrayList<>();
        next = offset + (to - from);
        int i = from;
        while (i < to) {
            if (state == State.LOST) {
                out.add(new OpaqueBytes(dir, offset + (i - from), to - i, LOST_REASON, List.of()));
                break;
            }
            if (have == 0) {
                start = offset + (i - from);
            }
            int want = (state == State.HEADER ? HEADER_LENGTH : need) - have;
            int n = Math.min(want, to - i);
            if (have + n > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, have + n));
            }
            System.arraycopy(b, i, pending, have, n);
            have += n;
            i += n;
            if (state == State.HEADER && have == HEADER_LENGTH) {
                if (!plausibleHeader()) {
                    out.add(lose(to - i));
                    break;
                }
                need = HEADER_LENGTH + u16(3);
                state = State.BODY;
            }
            if (state == State.BODY && have == need) {
                out.add(record());
                have = 0;
                state = State.HEADER;
            }
        }
        return out;
    }

    List<Unit> end() {
        List<Unit> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        long at = next;
        long len = 0;
        if (state != State.LOST && have > 0) {
            at = start;
            len = have;
            String announced = state == State.BODY ? Integer.toString(need) : "?";
            // RFC 8446 §5.1: the stream ended before the record's announced length
            findings.add(TlsFinding.RECORD_TRUNCATED.at(ByteRange.of(dir, start, have), have, announced));
        }
        if (state != State.LOST && !handshakeLost && handshake.pendingBytes() > 0) {
            int announced = handshake.pendingAnnounced();
            ByteRange where = handshake.map(handshake.pendingStart(), handshake.pendingBytes());
            // RFC 8446 §4: a handshake message announced more bytes than the stream delivered
            findings.add(TlsFinding.HANDSHAKE_TRUNCATED.at(where,
                    TlsRegistry.handshakeTitle(handshake.pendingType()), handshake.pendingBytes(),
                    announced < 0 ? "?" : Integer.toString(announced)));
        }
        if (!findings.isEmpty()) {
            out.add(new OpaqueBytes(dir, at, len, len > 0 ? "truncated TLS record" : "end inside handshake message",
                    findings));
        }
        have = 0;
        handshake.clear();
        return out;
    }

    /** RFC 8446 §5.1: a known content type with a 3.x version, or an unknown type that can be skipped. */
    private boolean plausibleHeader() {
        int type = pending[0] & 0xFF;
        boolean v3 = (pending[1] & 0xFF) == 3;
        if (ContentType.byCode(type).isPresent()) {
            return v3;
        }
        return v3 && u16(3) <= MAX_CIPHERTEXT_12;
    }

    private OpaqueBytes lose(int rest) {
        state = State.LOST;
        long len = have + (long) rest;
        String head = HexFormat.of().formatHex(pending, 0, HEADER_LENGTH);
        Finding f = TlsFinding.RECORD_NOT_TLS.at(ByteRange.of(dir, start, HEADER_LENGTH), head);
        have = 0;
        handshake.clear();
        return new OpaqueBytes(dir, start, len, LOST_REASON, List.of(f));
    }

    private TlsRecord record() {
        int type = pending[0] & 0xFF;
        int version = u16(1);
        int len = need - HEADER_LENGTH;
        ByteRange.InStream whole = ByteRange.of(dir, start, need);
        ByteRange.InStream fragment = whole.slice(HEADER_LENGTH, len);
        boolean encrypted = type == ContentType.APPLICATION_DATA.code() || (protectedRecords
                && (type == ContentType.HANDSHAKE.code() || type == ContentType.ALERT.code()))
                || (dir == Direction.S2C && negotiation.tls13() && type == ContentType.HANDSHAKE.code());

        Field.Builder tree = Field.builder("TLS record", "", whole);
        tree.leaf("Content type", ContentType.nameOf(type) + " (" + type + ")", whole.slice(0, 1));
        tree.leaf("Version", versionText(version), whole.slice(1, 2));
        Field.Builder length = Field.builder("Length", Integer.toString(len), whole.slice(3, 2));
        int limit = encrypted ? (negotiation.tls13() ? MAX_CIPHERTEXT_13 : MAX_CIPHERTEXT_12) : MAX_PLAINTEXT;
        if (len > limit) {
            // RFC 8446 §5.1/§5.2, RFC 5246 §6.2: record_overflow
            length.finding(TlsFinding.RECORD_TOO_LONG.at(whole.slice(3, 2), len, limit));
        }
        tree.add(length.build());

        RecordContent content = encrypted ? encryptedContent(type, len, fragment)
                : plaintextContent(type, len, fragment, whole);
        content.fields().forEach(tree::add);
        tree.findings(content.findings());
        tree.value(ContentType.nameOf(type) + ", " + TlsRegistry.versionName(version) + ", " + len + " bytes"
                + (encrypted ? ", encrypted" : ""));
        Field built = tree.build();
        return new TlsRecord(dir, start, type, version, len, encrypted, content.hello(), content.summary(), built,
                built.allFindings());
    }

    private RecordContent encryptedContent(int type, int len, ByteRange.InStream fragment) {
        String title = ContentType.byCode(type).map(ContentType::title).orElse("Record");
        String what = type == ContentType.APPLICATION_DATA.code() && negotiation.tls13()
                ? "encrypted handshake or application data" : "encrypted " + ContentType.nameOf(type);
        return new RecordContent(List.of(Field.leaf("Encrypted data", len + " bytes, " + what, fragment)),
                List.of(), null, title + " " + len + " bytes (encrypted)");
    }

    private RecordContent plaintextContent(int type, int len, ByteRange.InStream fragment,
                                           ByteRange.InStream whole) {
        if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
            // RFC 5246 §7.1: what follows in this direction is protected with the new keys
            protectedRecords = true;
            return new RecordContent(List.of(Field.leaf("Change cipher spec message", len + " bytes", fragment)),
                    List.of(), null, "ChangeCipherSpec");
        }
        if (type == ContentType.ALERT.code()) {
            return AlertReader.read(pending, HEADER_LENGTH, len, fragment);
        }
        if (type == ContentType.HANDSHAKE.code()) {
            return handshakeContent(len, fragment);
        }
        if (type == ContentType.HEARTBEAT.code()) {
            return new RecordContent(List.of(Field.leaf("Heartbeat message", len + " bytes", fragment)),
                    List.of(), null, "Heartbeat " + len + " bytes");
        }
        // RFC 8446 §5: an unexpected record type is an unexpected_message; skipped by its length here
        Finding f = TlsFinding.RECORD_UNKNOWN_TYPE.at(whole.slice(0, 1), pending[0] & 0xFF);
        return new RecordContent(List.of(Field.leaf("Data", len + " bytes", fragment)), List.of(f), null,
                "Unknown record type " + (pending[0] & 0xFF) + ", " + len + " bytes");
    }

    private RecordContent handshakeContent(int len, ByteRange.InStream fragment) {
        if (len == 0) {
            // RFC 8446 §5.1: implementations must not send zero-length handshake fragments
            return new RecordContent(List.of(), List.of(TlsFinding.RECORD_EMPTY.at(fragment, "handshake")), null,
                    "Handshake (empty)");
        }
        if (handshakeLost) {
            return new RecordContent(List.of(Field.leaf("Handshake data", len + " bytes", fragment)), List.of(),
                    null, "Handshake " + len + " bytes");
        }
        handshake.append(pending, HEADER_LENGTH, len, fragment.offset());
        List<Field> fields = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        TlsHello hello = null;
        HandshakeStream.Message m;
        while ((m = handshake.next()) != null) {
            HandshakeMessage read = HandshakeMessage.read(m, handshake, negotiation);
            fields.add(read.field());
            parts.add(read.title());
            if (hello == null) {
                hello = read.hello();
            }
            handshake.consumedTo(m.hsOffset() + m.bytes().length);
        }
        if (handshake.headTooLong()) {
            Finding f = TlsFinding.HANDSHAKE_MALFORMED.at(handshake.map(handshake.pendingStart(), 4),
                    "length " + (handshake.pendingAnnounced() - 4) + " > " + HandshakeStream.MAX_MESSAGE);
            findings.add(f);
            parts.add(TlsRegistry.handshakeTitle(handshake.pendingType()) + " (too long)");
            handshake.clear();
            handshakeLost = true;
        } else if (handshake.pendingBytes() > 0) {
            int inThis = Math.min(handshake.pendingBytes(), len);
            String title = TlsRegistry.handshakeTitle(handshake.pendingType());
            int announced = handshake.pendingAnnounced();
            fields.add(Field.leaf("Handshake message fragment", title + ", " + handshake.pendingBytes() + " of "
                    + (announced < 0 ? "?" : announced) + " bytes", fragment.slice(len - inThis, inThis)));
            parts.add(title + " (partial)");
        }
        handshake.trim();
        return new RecordContent(fields, findings, hello, "Handshake " + String.join(", ", parts));
    }

    private int u16(int at) {
        return ((pending[at] & 0xFF) << 8) | (pending[at + 1] & 0xFF);
    }

    static String versionText(int v) {
        String name = TlsRegistry.versionName(v);
        return name.startsWith("0x") ? name : name + " (" + TlsRegistry.hex4(v) + ")";
    }
}
