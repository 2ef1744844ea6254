package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket frame as read from the wire (RFC 6455 §5.2): its header bits, its payload length
 * and masking key, the payload unmasked (kept up to the dissector's limit), and for a Close frame
 * its status code and reason. A frame cut short by the end of the stream has
 * {@code payloadReceived < payloadLength}. Equality compares the payload array by identity;
 * compare {@link #payload()} contents when that matters.
 *
 * @param headerLength    bytes of the header: 2, plus 2 or 8 for an extended length, plus 4 if masked
 * @param opcode          the 4-bit opcode, reserved values included
 * @param lengthBits      7, 16 or 64: how the payload length was encoded
 * @param maskingKey      the four key octets, the first in the high byte (0 when not masked)
 * @param payloadReceived payload bytes that arrived
 * @param closeCode       the status code of a Close frame, -1 when none
 * @param closeReason     the reason of a Close frame (invalid UTF-8 replaced), empty when none
 */
public record WsFrame(Direction dir, long offset, int headerLength, boolean fin, boolean rsv1, boolean rsv2,
                      boolean rsv3, int opcode, boolean masked, int lengthBits, long payloadLength, int maskingKey,
                      long payloadReceived, byte[] payload, int closeCode, String closeReason,
                      List<Finding> findings) implements Unit {

    public static final Attribute<Boolean> FIN = Attribute.flag("fin");
    public static final Attribute<Boolean> RSV1 = Attribute.flag("rsv1");
    /** The 4-bit opcode ({@link Opcode}). */
    public static final Attribute<Integer> OPCODE = Attribute.integer("opcode");
    public static final Attribute<Boolean> MASKED = Attribute.flag("masked");
    /** The Payload length field. */
    public static final Attribute<Long> PAYLOAD_LENGTH = Attribute.number("payloadLength");
    /** A Close frame's status code, when it has one. */
    public static final Attribute<Integer> CLOSE_CODE = Attribute.integer("closeCode");
    /** A Close frame's reason (empty when none). */
    public static final Attribute<String> CLOSE_REASON = Attribute.text("closeReason");

    private static final int PREVIEW = 40;

    public WsFrame {
        findings = List.copyOf(findings);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.WS_FRAME;
    }

    @Override
    public long length() {
        return headerLength + payloadReceived;
    }

    /** The unmasked payload bytes that were kept (a copy; at most the dissector's limit). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** How many payload bytes {@link #payload()} holds. */
    public int keptPayloadLength() {
        return payload.length;
    }

    /** False when the stream ended inside the payload. */
    public boolean complete() {
        return payloadReceived == payloadLength;
    }

    public boolean isControl() {
        return Opcode.isControl(opcode);
    }

    /** The opcode's name: {@code TEXT}, {@code CLOSE}, {@code RESERVED-0x3}… */
    public String opcodeName() {
        return Opcode.name(opcode);
    }

    /**
     * {@code OPCODE [fin] [rsv1] [rsv2] [rsv3] len=N [masked]}, then for a Close frame its code and
     * quoted reason, and {@code truncated=R} for a frame cut short, e.g. {@code TEXT fin len=5 masked}
     * or {@code CLOSE fin len=5 1000 "bye"}.
     */
    @Override
    public String summary() {
        StringBuilder s = new StringBuilder(32).append(opcodeName());
        if (fin) {
            s.append(" fin");
        }
        if (rsv1) {
            s.append(" rsv1");
        }
        if (rsv2) {
            s.append(" rsv2");
        }
        if (rsv3) {
            s.append(" rsv3");
        }
        s.append(" len=").append(payloadLength);
        if (masked) {
            s.append(" masked");
        }
        if (closeCode >= 0) {
            s.append(' ').append(closeCode).append(' ').append(TextPreview.quote(closeReason, PREVIEW));
        }
        if (!complete()) {
            s.append(" truncated=").append(payloadReceived);
        }
        return s.toString();
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        FIN.put(m, fin);
        RSV1.put(m, rsv1);
        OPCODE.put(m, opcode);
        MASKED.put(m, masked);
        PAYLOAD_LENGTH.put(m, payloadLength);
        if (opcode == Opcode.CLOSE) {
            if (closeCode >= 0) {
                CLOSE_CODE.put(m, closeCode);
            }
            CLOSE_REASON.put(m, closeReason);
        }
        return m;
    }

    /**
     * {@code WebSocket frame} → FIN, RSV1, RSV2, RSV3, Opcode, MASK, Payload length, Masking-key,
     * Payload data (→ Status code, Reason for a Close frame); each finding hangs on the field it
     * concerns.
     */
    @Override
    public Field tree() {
        ByteRange.InStream first = ByteRange.of(dir, offset, 1);
        ByteRange.InStream second = ByteRange.of(dir, offset + 1, 1);
        int extLength = lengthBits == 7 ? 0 : lengthBits / 8;
        List<Field> children = new ArrayList<>(9);
        children.add(Field.leaf("FIN", bit(fin), first));
        children.add(Field.leaf("RSV1", bit(rsv1), first));
        children.add(Field.leaf("RSV2", bit(rsv2), first));
        children.add(Field.leaf("RSV3", bit(rsv3), first));
        children.add(Field.leaf("Opcode", opcode + " (" + opcodeName() + ")", first));
        children.add(Field.leaf("MASK", bit(masked), second));
        children.add(Field.leaf("Payload length", Long.toString(payloadLength),
                ByteRange.of(dir, offset + 1, 1 + extLength)));
        if (masked) {
            children.add(Field.leaf("Masking-key", String.format("%08x", maskingKey),
                    ByteRange.of(dir, offset + 2 + extLength, 4)));
        }
        ByteRange.InStream data = ByteRange.of(dir, offset + headerLength, payloadReceived);
        List<Field> dataChildren = new ArrayList<>(2);
        if (closeCode >= 0) {
            String name = CloseCode.name(closeCode);
            dataChildren.add(Field.leaf("Status code", closeCode + (name.isEmpty() ? "" : " (" + name + ")"),
                    data.slice(0, 2)));
            dataChildren.add(Field.leaf("Reason", closeReason, data.slice(2, payloadReceived - 2)));
        }
        children.add(new Field("Payload data", payloadValue(), data, dataChildren, List.of()));
        return attach(new Field("WebSocket frame", summary(), range(), children, List.of()));
    }

    private String payloadValue() {
        String bytes = payloadLength + (payloadLength == 1 ? " byte" : " bytes");
        return payload.length == 0 ? bytes : bytes + ": " + TextPreview.hex(payload, payload.length, 32);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    /** Hangs each finding on the field whose label {@link #fieldOf} names, or on the root. */
    private Field attach(Field root) {
        if (findings.isEmpty()) {
            return root;
        }
        List<Finding> onRoot = new ArrayList<>();
        List<Field> children = new ArrayList<>(root.children());
        for (Finding f : findings) {
            String label = f.code().startsWith("wsframe.rsv.") ? f.args().get(0) : fieldOf(f.code());
            if (!placed(children, label, f)) {
                onRoot.add(f);
            }
        }
        return new Field(root.label(), root.value(), root.range(), children, onRoot);
    }

    private static boolean placed(List<Field> fields, String label, Finding f) {
        for (int k = 0; k < fields.size(); k++) {
            Field c = fields.get(k);
            if (c.label().equals(label)) {
                List<Finding> fs = new ArrayList<>(c.findings());
                fs.add(f);
                fields.set(k, new Field(c.label(), c.value(), c.range(), c.children(), fs));
                return true;
            }
            List<Field> grand = new ArrayList<>(c.children());
            if (placed(grand, label, f)) {
                fields.set(k, new Field(c.label(), c.value(), c.range(), grand, c.findings()));
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(String code) {
        return switch (code) {
            case "wsframe.mask.missing", "wsframe.mask.unexpected" -> "MASK";
            case "wsframe.opcode.reserved", "wsframe.continuation.unexpected", "wsframe.data.interleaved" -> "Opcode";
            case "wsframe.length.non-minimal", "wsframe.control.too-long" -> "Payload length";
            case "wsframe.control.fragmented" -> "FIN";
            case "wsdeflate.rsv1.continuation", "wsdeflate.rsv1.control" -> "RSV1";
            case "wsframe.close.code-reserved", "wsframe.close.code-invalid", "wsframe.close.code-unregistered" ->
                    "Status code";
            case "wsframe.close.reason-utf8" -> "Reason";
            case "wsframe.close.one-byte", "wsframe.pong.mismatch", "wsframe.pong.unsolicited" -> "Payload data";
            default -> "";
        };
    }
}
