package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Dissects both directions of an HTTP/2 connection (RFC 9113): the client's connection preface, then
 * every frame with its fields, the HPACK-decoded header blocks of each endpoint (RFC 7541) and the
 * checks of the specs as findings. Incremental at any split of the bytes; never throws.
 *
 * <p>Header blocks are decoded when complete, on the frame that ends them (HEADERS or PUSH_PROMISE
 * with END_HEADERS, or the last CONTINUATION), which carries the {@code headers} attribute and the
 * block's tree. When framing is lost (a wrong preface, a frame larger than the receiver allows) the
 * rest of that direction is reported as {@link OpaqueBytes}, one unit per call of {@link #feed}.
 *
 * <p>The offset of a direction's first call anchors its stream; later calls are taken to continue
 * it without gaps, as the recorder delivers them. State that crosses directions (the peer's
 * SETTINGS, their acknowledgements, SETTINGS_ENABLE_CONNECT_PROTOCOL) is applied in the order the
 * calls arrive.
 */
public final class H2Dissector implements StreamDissector {

    static final String FRAMING_LOST = "framing lost";

    private final H2Config config;
    private final FrameStream c2s = new FrameStream(Direction.C2S, true);
    private final FrameStream s2c = new FrameStream(Direction.S2C, false);
    private final Endpoint client = new Endpoint(true);
    private final Endpoint server = new Endpoint(false);

    public H2Dissector(H2Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        if (config.mode() == H2Config.Mode.AFTER_H2C_UPGRADE) {
            client.lastStreamId = 1; // RFC 7540 §3.2: the upgraded request is stream 1
            client.streamsWithHeaders.add(1);
        }
    }

    public H2Config config() {
        return config;
    }

    @Override
    public List<Unit> feed(Direction dir, long offset, byte[] bytes, int from, int to) {
        FrameStream fs = dir == Direction.C2S ? c2s : s2c;
        List<Unit> out = new ArrayList<>(2);
        if (from >= to || fs.state == FrameStream.State.ENDED) {
            return out;
        }
        if (fs.position < 0) {
            fs.position = offset;
        }
        if (fs.state == FrameStream.State.LOST) {
            out.add(new OpaqueBytes(dir, fs.position, to - from, FRAMING_LOST, List.of()));
            fs.position += to - from;
            return out;
        }
        int p = from;
        while (p < to) {
            FrameStream.Event e = fs.next(bytes, p, to);
            p = fs.index;
            switch (e) {
                case PREFACE_DONE -> out.add(new H2Preface(dir, fs.unitStart));
                case PREFACE_MISMATCH -> {
                    String seen = escape(FrameStream.PREFACE, fs.prefaceMatched) + escape(bytes[p]);
                    ByteRange at = ByteRange.of(dir, fs.unitStart, fs.prefaceMatched + 1L);
                    lose(fs, out, to - p, H2Finding.PREFACE_INVALID.at(at, seen)); // RFC 9113 §3.4
                    p = to;
                }
                case HEADER_DONE -> {
                    Endpoint sender = endpoint(dir);
                    if (fs.length > sender.maxFrameSize) { // RFC 9113 §4.2
                        ByteRange at = ByteRange.of(dir, fs.unitStart, FrameStream.HEADER_LENGTH);
                        lose(fs, out, to - p, H2Finding.FRAME_TOO_LARGE.at(at, fs.length, sender.maxFrameSize));
                        p = to;
                    } else {
                        fs.beginPayload(keepLimit(fs.type));
                        if (fs.length == 0) {
                            out.add(frame(fs));
                        }
                    }
                }
                case FRAME_DONE -> out.add(frame(fs));
                case NEED_MORE -> { }
            }
        }
        return out;
    }

    @Override
    public List<Unit> end(Direction dir) {
        FrameStream fs = dir == Direction.C2S ? c2s : s2c;
        List<Unit> out = new ArrayList<>(1);
        long partial = fs.position < 0 ? 0 : fs.partialLength();
        switch (fs.state) {
            case PREFACE -> {
                if (fs.prefaceMatched > 0) {
                    ByteRange.InStream at = ByteRange.of(dir, fs.unitStart, fs.prefaceMatched);
                    out.add(truncated(at, H2Finding.PREFACE_TRUNCATED.at(at, fs.prefaceMatched)));
                }
            }
            case HEADER -> {
                if (fs.inHeader()) {
                    ByteRange.InStream at = ByteRange.of(dir, fs.unitStart, partial);
                    out.add(truncated(at, H2Finding.FRAME_TRUNCATED.at(at, "HTTP/2", partial,
                            FrameStream.HEADER_LENGTH)));
                }
            }
            case PAYLOAD -> {
                ByteRange.InStream at = ByteRange.of(dir, fs.unitStart, partial);
                out.add(truncated(at, H2Finding.FRAME_TRUNCATED.at(at, FrameType.nameOf(fs.type), partial,
                        FrameStream.HEADER_LENGTH + (long) fs.length)));
            }
            default -> { }
        }
        fs.state = FrameStream.State.ENDED;
        return out;
    }

    private static OpaqueBytes truncated(ByteRange.InStream at, Finding f) {
        return new OpaqueBytes(at.dir(), at.offset(), at.length(), "truncated", List.of(f));
    }

    private Endpoint endpoint(Direction dir) {
        return dir == Direction.C2S ? client : server;
    }

    private H2Frame frame(FrameStream fs) {
        Endpoint from = endpoint(fs.dir);
        Endpoint to = from == client ? server : client;
        return new FrameDissection(fs, from, to, config).run();
    }

    /** DATA keeps only its Pad Length byte and unknown types nothing; every other payload is read. */
    private static int keepLimit(int type) {
        if (type == FrameType.DATA.code()) {
            return 1;
        }
        return FrameType.byCode(type) == null ? 0 : Integer.MAX_VALUE;
    }

    /** Framing is lost from the current unit's start: the rest of this call's bytes become opaque. */
    private static void lose(FrameStream fs, List<Unit> out, int remaining, Finding finding) {
        long start = fs.unitStart;
        fs.position += remaining;
        fs.state = FrameStream.State.LOST;
        out.add(new OpaqueBytes(fs.dir, start, fs.position - start, FRAMING_LOST, List.of(finding)));
    }

    private static String escape(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(escape(b[i]));
        }
        return sb.toString();
    }

    private static String escape(byte b) {
        int c = b & 0xFF;
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> c >= 0x20 && c < 0x7F ? Character.toString((char) c) : String.format("\\x%02x", c);
        };
    }
}
