package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import dev.upgradescope.wire.UnitKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in for the real connection dissector, enough for recorder tests: HTTP/1.1 heads
 * without bodies, a 101 switch to WebSocket, then unextended WebSocket frames and messages.
 */
final class TestWsDissection implements ConnectionDissection {

    private final Stream[] streams = {new Stream(Direction.C2S), new Stream(Direction.S2C)};
    private List<String> asked = List.of();
    private boolean websocket;

    private static final class Stream {
        final Direction dir;
        byte[] buf = new byte[0];
        long base;
        ByteArrayOutputStream message;
        int messageOpcode;
        long messageStart;

        Stream(Direction dir) {
            this.dir = dir;
        }
    }

    @Override
    public List<Dissected> feed(Direction dir, long offset, byte[] bytes) {
        Stream s = streams[dir.ordinal()];
        byte[] joined = Arrays.copyOf(s.buf, s.buf.length + bytes.length);
        System.arraycopy(bytes, 0, joined, s.buf.length, bytes.length);
        s.buf = joined;
        List<Dissected> out = new ArrayList<>();
        int used = websocket ? frames(s, out) : head(s, out);
        while (used > 0) {
            s.buf = Arrays.copyOfRange(s.buf, used, s.buf.length);
            s.base += used;
            used = websocket ? frames(s, out) : 0;
        }
        return out;
    }

    @Override
    public List<Dissected> end(Direction dir) {
        Stream s = streams[dir.ordinal()];
        if (s.buf.length == 0) {
            return List.of();
        }
        return List.of(new Dissected.UnitDone(new TestUnit(UnitKind.OPAQUE, dir, s.base, s.buf.length,
                s.buf.length + " bytes (truncated)", Map.of())));
    }

    private int head(Stream s, List<Dissected> out) {
        String text = new String(s.buf, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return 0;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] start = lines[0].split(" ", 3);
        List<List<String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(List.of(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
        }
        int length = end + 4;
        Map<String, Object> a = new LinkedHashMap<>();
        if (s.dir == Direction.C2S) {
            a.put("method", start[0]);
            a.put("target", start[1]);
            a.put("version", start[2]);
            a.put("headers", headers);
            asked = headers.stream().filter(h -> h.get(0).equalsIgnoreCase("Upgrade")).map(h -> h.get(1)).toList();
            out.add(new Dissected.UnitDone(new TestUnit(UnitKind.HTTP_REQUEST, s.dir, s.base, length,
                    start[0] + " " + start[1] + " " + start[2], a)));
        } else {
            int status = Integer.parseInt(start[1]);
            a.put("version", start[0]);
            a.put("status", status);
            a.put("reason", start.length > 2 ? start[2] : "");
            a.put("headers", headers);
            Finding info = new Finding("test.handshake", Severity.INFO, SpecRef.rfc(6455, "4.2.2"), List.of("x"),
                    ByteRange.of(s.dir, s.base, length));
            out.add(new Dissected.UnitDone(new TestUnit(UnitKind.HTTP_RESPONSE, s.dir, s.base, length,
                    lines[0], a, List.of(info))));
            if (status == 101) {
                out.add(new Dissected.Handshake(0, asked, UpgradeOutcome.UPGRADED, 101,
                        String.join(", ", asked) + " → upgraded (101)", Map.of(), List.of(info), null));
                out.add(new Dissected.Switched("websocket", streams[0].base + streams[0].buf.length,
                        s.base + length));
                websocket = true;
            }
        }
        return length;
    }

    private int frames(Stream s, List<Dissected> out) {
        byte[] b = s.buf;
        if (b.length < 2) {
            return 0;
        }
        boolean fin = (b[0] & 0x80) != 0;
        int opcode = b[0] & 0x0f;
        boolean masked = (b[1] & 0x80) != 0;
        int len = b[1] & 0x7f;
        int at = 2;
        if (len == 126) {
            if (b.length < 4) {
                return 0;
            }
            len = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            at = 4;
        }
        int maskAt = at;
        at += masked ? 4 : 0;
        if (b.length < at + len) {
            return 0;
        }
        byte[] payload = Arrays.copyOfRange(b, at, at + len);
        if (masked) {
            for (int i = 0; i < len; i++) {
                payload[i] ^= b[maskAt + (i & 3)];
            }
        }
        int frameLength = at + len;
        Map<String, Object> fa = new LinkedHashMap<>();
        fa.put("fin", fin);
        fa.put("opcode", opcode);
        fa.put("length", len);
        out.add(new Dissected.UnitDone(new TestUnit(UnitKind.WS_FRAME, s.dir, s.base, frameLength,
                (fin ? "FIN " : "") + "opcode " + opcode + " " + len + " bytes", fa)));
        if (opcode == 0 || opcode == 1 || opcode == 2) {
            if (opcode != 0) {
                s.message = new ByteArrayOutputStream();
                s.messageOpcode = opcode;
                s.messageStart = s.base;
            }
            s.message.writeBytes(payload);
            if (fin) {
                byte[] whole = s.message.toByteArray();
                Map<String, Object> ma = new LinkedHashMap<>();
                ma.put("opcode", s.messageOpcode);
                if (s.messageOpcode == 1) {
                    ma.put("text", new String(whole, StandardCharsets.UTF_8));
                }
                out.add(new Dissected.UnitDone(new TestUnit(UnitKind.WS_MESSAGE, s.dir, s.messageStart,
                        s.base + frameLength - s.messageStart, (s.messageOpcode == 1 ? "text " : "binary ")
                        + whole.length + " bytes", ma), whole));
                s.message = null;
            }
        }
        return frameLength;
    }
}
