package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Direction;
import java.util.List;

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
        sb.append(String.format("0x%08x %5d %-13s", streamId, length, type));
        if (!flags.isEmpty()) {
            sb.append(' ').append(String.join("|", flags));
        }
        String d = detail.strip();
        if (!d.isEmpty()) {
            sb.append(' ').append(d);
        }
        return sb.toString().stripTrailing();
    }
}
