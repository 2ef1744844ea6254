package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dissection of one complete frame: its header fields, its payload fields by type, the checks of
 * RFC 9113 §4–§6 and §8 that apply to it, and the effects it has on the connection state (settings,
 * stream identifiers, header blocks and their HPACK decoding).
 */
final class FrameDissection {

    private final FrameStream fs;
    private final Endpoint from;
    private final Endpoint to;
    private final H2Config config;
    private final Direction dir;
    private final int type;
    private final FrameType known;
    private final int length;
    private final int streamId;
    private final long payloadStart;
    private final Field.Builder root;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final StringBuilder detail = new StringBuilder();

    FrameDissection(FrameStream fs, Endpoint from, Endpoint to, H2Config config) {
        this.fs = fs;
        this.from = from;
        this.to = to;
        this.config = config;
        this.dir = fs.dir;
        this.type = fs.type;
        this.known = FrameType.byCode(fs.type);
        this.length = fs.length;
        this.streamId = fs.streamId;
        this.payloadStart = fs.unitStart + FrameStream.HEADER_LENGTH;
        this.root = Field.builder(FrameType.nameOf(type), "stream " + streamId + ", " + length + " bytes",
                ByteRange.of(dir, fs.unitStart, FrameStream.HEADER_LENGTH + (long) length));
    }

    H2Frame run() {
        List<String> flagNames = FrameType.flagNames(type, fs.flags);
        attributes.put(H2Frame.TYPE.name(), FrameType.nameOf(type)); // an undefined type keeps its UNKNOWN(0xNN) name
        H2Frame.FLAGS.put(attributes, flagNames);
        H2Frame.STREAM_ID.put(attributes, streamId);
        H2Frame.LENGTH.put(attributes, length);
        headerFields(flagNames);
        firstFrameCheck();
        boolean continuesBlock = headerBlockSequence();
        if (known == null) {
            unknown();
        } else {
            dispatch(continuesBlock);
        }
        String summary = FrameSummary.line(dir, streamId, length, FrameType.nameOf(type), flagNames, detail.toString());
        return new H2Frame(dir, fs.unitStart, type, fs.flags, streamId, length, summary, root.build(), attributes);
    }

    private void dispatch(boolean continuesBlock) {
        switch (known) {
            case DATA -> data();
            case HEADERS -> headers();
            case PRIORITY -> priority();
            case RST_STREAM -> rstStream();
            case SETTINGS -> settings();
            case PUSH_PROMISE -> pushPromise();
            case PING -> ping();
            case GOAWAY -> goaway();
            case WINDOW_UPDATE -> windowUpdate();
            case CONTINUATION -> continuation(continuesBlock);
        }
    }

    private boolean has(FrameType.Flag f) {
        return (fs.flags & f.bit()) != 0;
    }

    private ByteRange.InStream payload(long off, long len) {
        return ByteRange.of(dir, payloadStart + off, len);
    }

    private int u8(int i) {
        return fs.payload[i] & 0xFF;
    }

    private long u32(int i) {
        return ((long) u8(i) << 24) | (u8(i + 1) << 16) | (u8(i + 2) << 8) | u8(i + 3);
    }

    private void headerFields(List<String> flagNames) {
        long h = fs.unitStart;
        root.leaf("Length", Integer.toString(length), ByteRange.of(dir, h, 3));
        root.leaf("Type", "0x" + FrameSummary.hex(type, 2) + " (" + FrameType.nameOf(type) + ")", ByteRange.of(dir, h + 3, 1));
        Field.Builder flags = Field.builder("Flags", "0x" + FrameSummary.hex(fs.flags, 2)
                + (flagNames.isEmpty() ? "" : " (" + String.join(", ", flagNames) + ")"), ByteRange.of(dir, h + 4, 1));
        for (String f : flagNames) {
            flags.leaf(f, "set", ByteRange.of(dir, h + 4, 1));
        }
        root.add(flags.build());
        root.leaf("Stream Identifier", Integer.toString(streamId)
                + (fs.reservedBitSet() ? " (reserved bit set, ignored)" : ""), ByteRange.of(dir, h + 5, 4));
    }

    private void finding(Finding f) {
        root.finding(f);
    }

    /** RFC 9113 §3.4: each endpoint's first frame is SETTINGS (the client's follows its preface). */
    private void firstFrameCheck() {
        if (from.sawFrame) {
            return;
        }
        from.sawFrame = true;
        if (known != FrameType.SETTINGS || has(FrameType.Flag.ACK)) {
            H2Finding kind = from.client ? H2Finding.CLIENT_SETTINGS_MISSING : H2Finding.SERVER_SETTINGS_MISSING;
            finding(kind.at(root.build().range(), FrameType.nameOf(type)));
        }
    }

    /**
     * RFC 9113 §6.10: while a header block is open only CONTINUATION frames of its stream may follow.
     * Returns true when this frame continues the open block.
     */
    private boolean headerBlockSequence() {
        HeaderBlockAssembler open = from.openBlock;
        if (open == null) {
            if (known == FrameType.CONTINUATION) {
                finding(H2Finding.CONTINUATION_UNEXPECTED.at(headerRange(), streamId));
            }
            return false;
        }
        if (known == FrameType.CONTINUATION && streamId == open.streamId) {
            return true;
        }
        finding(H2Finding.CONTINUATION_INTERLEAVED.at(headerRange(), FrameType.nameOf(type), streamId, open.streamId));
        from.openBlock = null;
        from.decoder.abandon(); // the rest of that block never came: its table changes are lost
        return false;
    }

    private ByteRange headerRange() {
        return ByteRange.of(dir, fs.unitStart, FrameStream.HEADER_LENGTH);
    }

    private void streamMustBeNonZero(String section) {
        if (streamId == 0) {
            finding(H2Finding.STREAM_ZERO_FORBIDDEN.atSection(section, headerRange(), FrameType.nameOf(type)));
        }
    }

    private void streamMustBeZero(String section) {
        if (streamId != 0) {
            finding(H2Finding.STREAM_ZERO_REQUIRED.atSection(section, headerRange(), FrameType.nameOf(type), streamId));
        }
    }

    private boolean exactLength(int expected, String section) {
        if (length != expected) {
            finding(H2Finding.FRAME_LENGTH_INVALID.atSection(section, headerRange(), FrameType.nameOf(type), length,
                    expected));
            root.leaf("Payload", length + " bytes", payload(0, length));
            return false;
        }
        return true;
    }

    /** In the upgraded connection stream 1 is half-closed from the client (RFC 7540 §3.2). */
    private void upgradeStreamCheck() {
        if (from.client && streamId == 1 && config.mode() == H2Config.Mode.AFTER_H2C_UPGRADE) {
            finding(H2Finding.UPGRADE_STREAM_REUSED.at(headerRange(), FrameType.nameOf(type)));
        }
    }

    /**
     * Pad Length, the fixed fields after it ({@code fixed} bytes) and Padding of a padded frame
     * (RFC 9113 §6.1, §6.2, §6.6). Returns {start, end} of the content after the fixed fields, or
     * null when the frame is too short to hold them.
     */
    private int[] unpad(int fixed, String section) {
        int padded = has(FrameType.Flag.PADDED) ? 1 : 0;
        if (length < padded + fixed) {
            finding(H2Finding.FRAME_TOO_SHORT.atSection(section, headerRange(), FrameType.nameOf(type), length,
                    padded + fixed));
            return null;
        }
        int start = padded + fixed;
        int end = length;
        if (padded == 1) {
            int pad = u8(0);
            root.leaf("Pad Length", Integer.toString(pad), payload(0, 1));
            int available = length - start;
            if (pad > available) {
                finding(H2Finding.PADDING_TOO_LONG.atSection(section, payload(0, 1), FrameType.nameOf(type), pad,
                        available));
                end = start;
            } else {
                end = length - pad;
            }
            if (length > end) {
                root.leaf("Padding", (length - end) + " bytes", payload(end, length - end));
            }
        }
        return new int[] {start, end};
    }

    private void data() {
        streamMustBeNonZero("6.1");
        upgradeStreamCheck();
        int[] content = unpad(0, "6.1");
        if (content != null) {
            root.leaf("Data", (content[1] - content[0]) + " bytes", payload(content[0], content[1] - content[0]));
        }
    }

    private void headers() {
        streamMustBeNonZero("6.2");
        if (streamId != 0 && from.client) {
            clientStreamCheck();
        }
        boolean priority = has(FrameType.Flag.PRIORITY);
        int[] content = unpad(priority ? 5 : 0, "6.2");
        if (content == null) {
            return;
        }
        if (priority) {
            priorityFields(content[0] - 5);
        }
        HeaderBlockAssembler block = new HeaderBlockAssembler(dir, streamId, FrameType.HEADERS,
                has(FrameType.Flag.END_STREAM), 0);
        fragment(block, content[0], content[1]);
    }

    /** RFC 9113 §5.1.1: a new client stream has an odd identifier greater than all earlier ones. */
    private void clientStreamCheck() {
        if (from.streamsWithHeaders.contains(streamId)) {
            upgradeStreamCheck();
            return;
        }
        if (streamId % 2 == 0) {
            finding(H2Finding.CLIENT_STREAM_EVEN.at(headerRange(), streamId));
        } else if (streamId <= from.lastStreamId) {
            finding(H2Finding.STREAM_ID_NOT_INCREASING.at(headerRange(), streamId, from.lastStreamId));
        }
        from.lastStreamId = Math.max(from.lastStreamId, streamId);
    }

    private void fragment(HeaderBlockAssembler block, int start, int end) {
        root.leaf("Field Block Fragment", (end - start) + " bytes", payload(start, end - start));
        block.append(fs.payload, start, end - start, payloadStart + start);
        if (has(FrameType.Flag.END_HEADERS)) {
            from.openBlock = null;
            completeBlock(block);
        } else {
            from.openBlock = block;
            detail.append("(header block continues)");
        }
    }

    private void priorityFields(int at) {
        long word = u32(at);
        boolean exclusive = (word & 0x8000_0000L) != 0;
        long dependency = word & 0x7FFF_FFFFL;
        int weight = u8(at + 4) + 1;
        root.leaf("Exclusive", Boolean.toString(exclusive), payload(at, 1));
        root.leaf("Stream Dependency", Long.toString(dependency), payload(at, 4));
        root.leaf("Weight", Integer.toString(weight), payload(at + 4, 1));
        if (known == FrameType.PRIORITY) {
            detail.append("dependsOn=").append(dependency).append(" weight=").append(weight)
                    .append(exclusive ? " exclusive" : "");
        }
    }

    private void priority() {
        streamMustBeNonZero("6.3");
        if (exactLength(5, "6.3")) {
            priorityFields(0);
        }
    }

    private void rstStream() {
        streamMustBeNonZero("6.4");
        if (exactLength(4, "6.4")) {
            String name = ErrorCode.nameOf(u32(0));
            root.leaf("Error Code", name + String.format(" (0x%x)", u32(0)), payload(0, 4));
            H2Frame.ERROR_CODE.put(attributes, name);
            detail.append(name);
        }
    }

    private void settings() {
        streamMustBeZero("6.5");
        List<Map<String, Object>> list = new ArrayList<>();
        H2Frame.SETTINGS.put(attributes, list);
        if (has(FrameType.Flag.ACK)) {
            if (length != 0) {
                finding(H2Finding.SETTINGS_ACK_PAYLOAD.at(headerRange(), length));
            }
            Long acked = to.unackedTableSizes.poll();
            if (acked != null && acked >= 0) {
                from.decoder.allowMaxTableSize(acked); // RFC 9113 §6.5.3, RFC 7541 §4.2
            }
            return;
        }
        if (length % SettingsPayload.ENTRY_LENGTH != 0) {
            finding(H2Finding.SETTINGS_LENGTH.at(headerRange(), length));
        }
        List<Setting> settings = SettingsPayload.read(fs.payload, 0, length, p -> payload(p, SettingsPayload.ENTRY_LENGTH));
        long tableSize = -1;
        List<String> shown = new ArrayList<>();
        for (Setting s : settings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("value", s.value());
            list.add(m);
            shown.add(shortName(s) + "=" + s.value());
            Field.Builder leaf = Field.builder(s.name(), Long.toString(s.value()), s.range());
            SettingsParameter p = s.parameter().orElse(null);
            if (p == null) {
                leaf.finding(H2Finding.SETTINGS_UNKNOWN.at(s.range(), String.format("0x%x", s.id()))); // §6.5.2
            } else if (!p.allows(s.value())) { // §6.5.2 and the defining spec of the parameter
                leaf.finding(H2Finding.SETTINGS_VALUE_OUT_OF_RANGE.atSpec(p.definedIn(), s.range(), p.specName(),
                        s.value(), p.min(), p.max()));
            } else {
                switch (p) {
                    case MAX_FRAME_SIZE -> to.maxFrameSize = s.value();
                    case HEADER_TABLE_SIZE -> tableSize = s.value();
                    case ENABLE_CONNECT_PROTOCOL -> from.connectProtocolEnabled = s.value() == 1;
                    default -> { }
                }
            }
            root.add(leaf.build());
        }
        from.unackedTableSizes.add(tableSize);
        detail.append(String.join(" ", shown));
        if (from.client && from.firstSettings == null) {
            from.firstSettings = settings;
            if (config.mode() == H2Config.Mode.AFTER_H2C_UPGRADE) {
                root.add(UpgradeSettingsCheck.compare(config.settingsFromUpgradeHeader(), settings, payload(0, length)));
            }
        }
    }

    private static String shortName(Setting s) {
        return s.name().replace("SETTINGS_", "").replace(" ", "");
    }

    private void pushPromise() {
        streamMustBeNonZero("6.6");
        if (from.client) { // §8.4: only servers push
            finding(H2Finding.PUSH_FROM_CLIENT.at(headerRange()));
        }
        int[] content = unpad(4, "6.6");
        if (content == null) {
            return;
        }
        int at = content[0] - 4;
        int promised = (int) (u32(at) & 0x7FFF_FFFFL);
        root.leaf("Promised Stream ID", Integer.toString(promised), payload(at, 4));
        H2Frame.PROMISED_STREAM_ID.put(attributes, promised);
        if (!from.client && (promised % 2 != 0 || promised <= from.lastPromisedId)) { // §5.1.1
            finding(H2Finding.PUSH_ID_INVALID.at(payload(at, 4), promised, from.lastPromisedId));
        }
        from.lastPromisedId = Math.max(from.lastPromisedId, promised);
        detail.append("promised=").append(promised).append(' ');
        HeaderBlockAssembler block = new HeaderBlockAssembler(dir, streamId, FrameType.PUSH_PROMISE, false, promised);
        fragment(block, content[0], content[1]);
    }

    private void ping() {
        streamMustBeZero("6.7");
        if (exactLength(8, "6.7")) {
            String opaque = hex(0, 8);
            root.leaf("Opaque Data", "0x" + opaque, payload(0, 8));
            detail.append("opaque=0x").append(opaque);
        }
    }

    private String hex(int from, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = from; i < from + len; i++) {
            sb.append(Character.forDigit(u8(i) >> 4, 16)).append(Character.forDigit(u8(i) & 0xF, 16));
        }
        return sb.toString();
    }

    private void goaway() {
        streamMustBeZero("6.8");
        if (length < 8) {
            finding(H2Finding.FRAME_TOO_SHORT.atSection("6.8", headerRange(), FrameType.nameOf(type), length, 8));
            root.leaf("Payload", length + " bytes", payload(0, length));
            return;
        }
        int last = (int) (u32(0) & 0x7FFF_FFFFL);
        String error = ErrorCode.nameOf(u32(4));
        root.leaf("Last-Stream-ID", Integer.toString(last), payload(0, 4));
        root.leaf("Error Code", error + String.format(" (0x%x)", u32(4)), payload(4, 4));
        H2Frame.LAST_STREAM_ID.put(attributes, last);
        H2Frame.ERROR_CODE.put(attributes, error);
        detail.append("lastStreamId=").append(last).append(' ').append(error);
        if (length > 8) {
            String debug = printable(8, length);
            root.leaf("Additional Debug Data", debug, payload(8, length - 8));
            detail.append(" \"").append(debug).append('"');
        }
    }

    private String printable(int from, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < end && sb.length() < 200; i++) {
            int c = u8(i);
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    private void windowUpdate() {
        if (!exactLength(4, "6.9")) {
            return;
        }
        long increment = u32(0) & 0x7FFF_FFFFL;
        root.leaf("Window Size Increment", Long.toString(increment), payload(0, 4));
        H2Frame.INCREMENT.put(attributes, increment);
        detail.append("increment=").append(increment);
        if (increment == 0) { // §6.9
            finding(H2Finding.WINDOW_UPDATE_ZERO.at(payload(0, 4), streamId));
        }
    }

    private void continuation(boolean continuesBlock) {
        streamMustBeNonZero("6.10");
        if (!continuesBlock) {
            root.leaf("Field Block Fragment", length + " bytes (not part of an open header block)", payload(0, length));
            return;
        }
        fragment(from.openBlock, 0, length);
    }

    private void unknown() {
        finding(H2Finding.FRAME_UNKNOWN_TYPE.at(headerRange(), FrameType.nameOf(type))); // §4.1, §5.5
        root.leaf("Payload", length + " bytes", payload(0, length));
    }

    /** A complete header block: decode it with the sender's HPACK context and check its fields. */
    private void completeBlock(HeaderBlockAssembler block) {
        HpackDecoder decoder = from.decoder;
        if (block.overflowed()) { // RFC 9113 §10.5.1: not kept, so its table changes are unknown
            decoder.abandon();
            root.add(Field.builder("Header Block", "not decoded", block.wholeRange())
                    .finding(H2Finding.HEADER_BLOCK_TOO_LARGE.at(block.wholeRange(), block.streamId,
                            HeaderBlockAssembler.MAX_KEPT)).build());
            detail.append("(header block too large)");
            return;
        }
        if (decoder.failed()) { // RFC 9113 §4.3: after a decoding error the table is unknown
            root.add(Field.builder("Header Block", "not decoded", block.wholeRange())
                    .finding(HpackFinding.STATE_UNKNOWN.at(block.wholeRange())).build());
            detail.append("(header block not decoded)");
            return;
        }
        HpackBlock decoded = decoder.decode(block.bytes(), block.length());
        if (decoded.failed()) {
            root.add(HeaderBlockTree.of(decoded, block,
                    List.of(H2Finding.COMPRESSION_ERROR.at(block.wholeRange(), block.streamId))));
            detail.append("(COMPRESSION_ERROR)");
            return;
        }
        List<List<String>> headers = new ArrayList<>(decoded.fields().size());
        List<ByteRange> ranges = new ArrayList<>(decoded.fields().size());
        for (HpackRepresentation r : decoded.representations()) {
            if (r.isField()) {
                headers.add(List.of(r.name(), r.value()));
                ranges.add(block.rangeOf(r.start(), r.length()));
            }
        }
        H2Frame.HEADERS.put(attributes, headers);
        boolean request = from.client || block.startedBy == FrameType.PUSH_PROMISE;
        boolean mayBeTrailers = block.startedBy == FrameType.HEADERS && from.streamsWithHeaders.contains(block.streamId);
        Endpoint server = from.client ? to : from;
        List<Finding> checks = FieldChecks.check(decoded.fields(), ranges, request, mayBeTrailers,
                server.connectProtocolEnabled);
        root.add(HeaderBlockTree.of(decoded, block, checks));
        if (block.startedBy == FrameType.HEADERS) {
            from.streamsWithHeaders.add(block.streamId);
        }
        detail.append(FrameSummary.message(decoded.fields(), request, mayBeTrailers));
    }
}
