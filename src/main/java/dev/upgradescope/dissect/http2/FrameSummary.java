package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Direction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line frame log, after OkHttp's: direction ({@code >>} client to server, {@code <<} server
 * to client), stream id in hex, payload length, type, flags, then a short type-specific detail.
 * For example {@code >> 0x00000003    27 HEADERS       END_STREAM|END_HEADERS GET /index.html}.
 */
final class FrameSummary {

    private FrameSummary() {
    }

    static String line(Direction dir, int streamId, int length, String type, List<String> flags, String detail) {
        StringBuilder sb = new StringBuilder(80);
        sb.append(dir == Direction.C2S ? ">> " : "<< ");
        sb.append("0x").append(hex(streamId, 8)).append(' ');
        String len = Integer.toString(length);
        sb.append("     ", 0, Math.max(0, 5 - len.length())).append(len).append(' ');
        sb.append(type);
        for (int i = type.length(); i < 13; i++) {
            sb.append(' ');
        }
        if (!flags.isEmpty()) {
            sb.append(' ').append(String.join("|", flags));
        }
        String d = detail.strip();
        if (!d.isEmpty()) {
            sb.append(' ').append(d);
        }
        return sb.toString().stripTrailing();
    }

    /** {@code value} in lower-case hex, zero-padded to at least {@code digits} digits (no String.format: it is slow). */
    static String hex(long value, int digits) {
        String h = Long.toHexString(value & 0xFFFF_FFFFL);
        return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
    }

    /**
     * What a decoded header block says, for the frame's summary: {@code GET /chat},
     * {@code CONNECT websocket /chat (extended CONNECT)}, a status, or {@code (trailers, N fields)}.
     */
    static String message(List<HpackTableEntry> fields, boolean request, boolean mayBeTrailers) {
        Map<String, String> pseudo = new LinkedHashMap<>();
        for (HpackTableEntry f : fields) {
            if (f.name().startsWith(":")) {
                pseudo.putIfAbsent(f.name(), f.value());
            }
        }
        if (pseudo.isEmpty() && mayBeTrailers) {
            return "(trailers, " + fields.size() + " fields)";
        }
        if (!request) {
            return pseudo.getOrDefault(":status", "(" + fields.size() + " fields)");
        }
        String method = pseudo.getOrDefault(":method", "?");
        String protocol = FieldChecks.extendedConnectProtocol(fields);
        String target = pseudo.containsKey(":path") ? pseudo.get(":path") : pseudo.getOrDefault(":authority", "?");
        if (protocol != null) {
            return method + " " + protocol + " " + target + " (extended CONNECT)";
        }
        return method + " " + target;
    }
}
