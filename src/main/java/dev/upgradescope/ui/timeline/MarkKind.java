package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.dissect.http2.H2Frame;
import dev.upgradescope.dissect.websocket.Opcode;
import dev.upgradescope.dissect.websocket.WsFrame;
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
        return of(kind, WsFrame.OPCODE.in(attributes, -1), H2Frame.TYPE.in(attributes, null));
    }

    /**
     * The mark for an event of {@code kind} whose WebSocket opcode (-1: none) or HTTP/2 frame type
     * (null: none, or a type RFC 9113 does not define) is given, as {@code SessionReader.forEachMark}
     * reads them; null for events the timeline does not show.
     */
    public static MarkKind of(String kind, int opcode, FrameType h2Type) {
        if (kind.equals(EventRow.PROTOCOL_SWITCH)) {
            return SWITCH;
        }
        UnitKind unit = UnitKind.ofCode(kind);
        if (unit == null) {
            return kind.equals(EventRow.HANDSHAKE) ? null : OTHER;
        }
        return switch (unit) {
            case HTTP_REQUEST -> REQUEST;
            case HTTP_RESPONSE -> RESPONSE;
            case WS_FRAME -> wsFrame(opcode);
            case WS_MESSAGE -> null;
            case H2_PREFACE -> H2_PREFACE;
            case H2_FRAME -> h2Frame(h2Type);
            case TLS_RECORD -> TLS_RECORD;
            case OPAQUE -> OPAQUE;
        };
    }

    // RFC 6455 §5.2 opcodes
    private static MarkKind wsFrame(int opcode) {
        return switch (opcode) {
            case Opcode.CONTINUATION -> WS_CONTINUATION;
            case Opcode.TEXT -> WS_TEXT;
            case Opcode.BINARY -> WS_BINARY;
            case Opcode.CLOSE -> WS_CLOSE;
            case Opcode.PING -> WS_PING;
            case Opcode.PONG -> WS_PONG;
            default -> WS_OTHER;
        };
    }

    // RFC 9113 §6 frame types
    private static MarkKind h2Frame(FrameType type) {
        if (type == null) {
            return H2_CONTROL; // an extension frame type
        }
        return switch (type) {
            case DATA -> H2_DATA;
            case HEADERS, CONTINUATION, PUSH_PROMISE -> H2_HEADERS;
            case SETTINGS -> H2_SETTINGS;
            case PING -> H2_PING;
            case RST_STREAM, GOAWAY -> H2_RESET;
            case PRIORITY, WINDOW_UPDATE -> H2_CONTROL;
        };
    }
}
