package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.wire.UnitKind;
import java.util.Map;

/**
 * What a mark on the timeline (and an arrow of the ladder) stands for, reduced from a stored event
 * to one byte: the connection opening and closing, the HTTP request and answer, the protocol switch,
 * each WebSocket frame by opcode, each HTTP/2 frame by type, TLS records and unreadable bytes. Each
 * kind has a shape and a style class whose colour the theme gives.
 */
public enum MarkKind {
    CONNECT(MarkShape.TRIANGLE_RIGHT, "connect"),
    REQUEST(MarkShape.TRIANGLE_RIGHT, "request"),
    RESPONSE(MarkShape.TRIANGLE_LEFT, "response"),
    SWITCH(MarkShape.TICK, "switch"),
    WS_TEXT(MarkShape.CIRCLE, "ws-text"),
    WS_BINARY(MarkShape.SQUARE, "ws-binary"),
    WS_CONTINUATION(MarkShape.RING, "ws-continuation"),
    WS_PING(MarkShape.DIAMOND, "ws-ping"),
    WS_PONG(MarkShape.DIAMOND, "ws-pong"),
    WS_CLOSE(MarkShape.CROSS, "ws-close"),
    WS_OTHER(MarkShape.RING, "other"),
    H2_PREFACE(MarkShape.RING, "h2-preface"),
    H2_DATA(MarkShape.SQUARE, "h2-data"),
    H2_HEADERS(MarkShape.TRIANGLE_UP, "h2-headers"),
    H2_SETTINGS(MarkShape.TICK, "h2-settings"),
    H2_PING(MarkShape.DIAMOND, "h2-ping"),
    H2_CONTROL(MarkShape.TICK, "h2-control"),
    H2_RESET(MarkShape.CROSS, "h2-reset"),
    TLS_RECORD(MarkShape.OUTLINED_SQUARE, "tls"),
    OPAQUE(MarkShape.BAR, "opaque"),
    CLOSED(MarkShape.BAR, "closed"),
    /** Something the proxy itself observed (upstream refused, idle timeout…); on the ladder only. */
    NOTE(MarkShape.DIAMOND, "note"),
    OTHER(MarkShape.RING, "other");

    private static final MarkKind[] BY_ORDINAL = values();

    private final MarkShape shape;
    private final String styleName;

    MarkKind(MarkShape shape, String styleName) {
        this.shape = shape;
        this.styleName = styleName;
    }

    public MarkShape shape() {
        return shape;
    }

    /** The style class suffix: {@code mark-ws-text} and so on. */
    public String styleClass() {
        return "mark-" + styleName;
    }

    /** The key of the kind's name in the timeline bundle: {@code mark.ws-text} and so on. */
    public String textKey() {
        return "mark." + styleName;
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static MarkKind ofCode(byte code) {
        return code >= 0 && code < BY_ORDINAL.length ? BY_ORDINAL[code] : OTHER;
    }

    /** The mark for a stored event, or null for events the timeline does not show (reassembled messages, the verdict). */
    public static MarkKind of(EventRow event) {
        return of(event.kind(), event.attributes());
    }

    static MarkKind of(String kind, Map<String, Object> attributes) {
        Object opcode = attributes.get("opcode");
        Object type = attributes.get("type");
        return of(kind, opcode instanceof Number n ? n.intValue() : -1, type == null ? null : type.toString());
    }

    /**
     * The mark for an event of {@code kind} whose WebSocket opcode (-1: none) or HTTP/2 frame type
     * (null: none) is given, as {@code SessionReader.forEachMark} reads them; null for events the
     * timeline does not show.
     */
    public static MarkKind of(String kind, int opcode, String type) {
        if (kind.equals(EventRow.PROTOCOL_SWITCH)) {
            return SWITCH;
        }
        if (kind.equals(EventRow.HANDSHAKE) || kind.equals(UnitKind.WS_MESSAGE.code())) {
            return null;
        }
        if (kind.equals(UnitKind.HTTP_REQUEST.code())) {
            return REQUEST;
        }
        if (kind.equals(UnitKind.HTTP_RESPONSE.code())) {
            return RESPONSE;
        }
        if (kind.equals(UnitKind.WS_FRAME.code())) {
            return wsFrame(opcode);
        }
        if (kind.equals(UnitKind.H2_FRAME.code())) {
            return h2Frame(type);
        }
        if (kind.equals(UnitKind.H2_PREFACE.code())) {
            return H2_PREFACE;
        }
        if (kind.equals(UnitKind.TLS_RECORD.code())) {
            return TLS_RECORD;
        }
        if (kind.equals(UnitKind.OPAQUE.code())) {
            return OPAQUE;
        }
        return OTHER;
    }

    // RFC 6455 §5.2 opcodes
    private static MarkKind wsFrame(int opcode) {
        return switch (opcode) {
            case 0x0 -> WS_CONTINUATION;
            case 0x1 -> WS_TEXT;
            case 0x2 -> WS_BINARY;
            case 0x8 -> WS_CLOSE;
            case 0x9 -> WS_PING;
            case 0xA -> WS_PONG;
            default -> WS_OTHER;
        };
    }

    // RFC 9113 §6 frame types
    private static MarkKind h2Frame(String type) {
        String t = type == null ? "" : type;
        return switch (t) {
            case "DATA" -> H2_DATA;
            case "HEADERS", "CONTINUATION", "PUSH_PROMISE" -> H2_HEADERS;
            case "SETTINGS" -> H2_SETTINGS;
            case "PING" -> H2_PING;
            case "RST_STREAM", "GOAWAY" -> H2_RESET;
            default -> H2_CONTROL;
        };
    }
}
