package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/2 frame (RFC 9113 §4.1) of any type, as dissected: its header, its field tree with every
 * field's bytes, its findings and its attributes ({@code type}, {@code flags}, {@code streamId},
 * {@code length}, then per type {@code settings}, {@code headers}, {@code promisedStreamId},
 * {@code lastStreamId}, {@code errorCode}, {@code increment}). {@code settings} is a list of
 * {@code {id, name, value}} maps (empty on an ACK). A frame that ends a header block (HEADERS or
 * PUSH_PROMISE with END_HEADERS, or the last CONTINUATION) carries the decoded block in its tree
 * and its {@code headers}, a list of {@code [name, value]} lists; a block that could not be decoded
 * has no {@code headers}.
 *
 * @param payloadLength the frame's Length field; the unit spans 9 + payloadLength bytes
 */
public record H2Frame(Direction dir, long offset, int type, int flags, int streamId, int payloadLength,
        String summary, Field tree, Map<String, Object> attributes) implements Unit {

    /** The frame type by its spec name; reads back as null for a type RFC 9113 does not define. */
    public static final Attribute<FrameType> TYPE = Attribute.coded("type", FrameType::name, FrameType::byName);
    /** The names of the flags set. */
    public static final Attribute<List<String>> FLAGS = Attribute.texts("flags");
    public static final Attribute<Integer> STREAM_ID = Attribute.integer("streamId");
    /** The Length field. */
    public static final Attribute<Integer> LENGTH = Attribute.integer("length");
    /** SETTINGS: a list of {@code {id, name, value}} maps. */
    public static final Attribute<Object> SETTINGS = Attribute.structured("settings");
    /** A decoded header block's fields, each {@code [name, value]}. */
    public static final Attribute<List<List<String>>> HEADERS = Attribute.pairs("headers");
    public static final Attribute<Integer> PROMISED_STREAM_ID = Attribute.integer("promisedStreamId");
    public static final Attribute<Integer> LAST_STREAM_ID = Attribute.integer("lastStreamId");
    /** RST_STREAM and GOAWAY: the error code's name. */
    public static final Attribute<String> ERROR_CODE = Attribute.text("errorCode");
    /** WINDOW_UPDATE: the increment. */
    public static final Attribute<Long> INCREMENT = Attribute.number("increment");

    public H2Frame {
        attributes = java.util.Collections.unmodifiableMap(attributes);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.H2_FRAME;
    }

    @Override
    public long length() {
        return FrameStream.HEADER_LENGTH + (long) payloadLength;
    }

    @Override
    public List<Finding> findings() {
        return tree.allFindings();
    }

    /** The type's spec name, {@code UNKNOWN(0xNN)} for an undefined type. */
    public String typeName() {
        return FrameType.nameOf(type);
    }

    /** The defined type, or null for an unknown one. */
    public FrameType frameType() {
        return FrameType.byCode(type);
    }

    public boolean has(FrameType.Flag flag) {
        return (flags & flag.bit()) != 0;
    }
}
