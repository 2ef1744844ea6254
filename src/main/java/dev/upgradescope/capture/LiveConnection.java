package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * What the recorder keeps about one open connection: its dissection state and its running summary.
 * Nothing per chunk or per unit is kept here. Used by the dissection thread only.
 */
final class LiveConnection {

    final long id;
    final ConnectionInfo info;
    /** Null once dissection stopped (bytes missing, or a dissector failed). */
    ConnectionDissection dissection;
    final long[] expected = new long[2];
    final boolean[] ended = new boolean[2];
    String target;
    long c2sBytes;
    long s2cBytes;
    List<String> asked = List.of();
    int status;
    /** Null until the handshake is analysed. */
    UpgradeOutcome outcome;
    String protocol = "";
    long frames;
    long events;
    long closedNanos = -1;
    long closedWallMicros = -1;
    /** The compact events not yet handed to the store; null until the first. */
    EventBlockCodec.Builder block;

    LiveConnection(long id, ConnectionInfo info, ConnectionDissection dissection) {
        this.id = id;
        this.info = info;
        this.dissection = dissection;
        this.target = info.target();
    }

    EventBlockCodec.Builder block() {
        if (block == null) {
            block = new EventBlockCodec.Builder(id);
        }
        return block;
    }

    void countBytes(Direction dir, long n) {
        if (dir == Direction.C2S) {
            c2sBytes += n;
        } else {
            s2cBytes += n;
        }
    }

    ConnectionRow row(SessionClock clock) {
        return new ConnectionRow(id, info.client(), info.listener(), info.mode(), target, info.nanos(),
                info.wallMillis() > 0 ? info.wallMillis() * 1000 : clock.wallMicros(info.nanos()), closedNanos,
                closedWallMicros, c2sBytes, s2cBytes, asked, status, outcome, protocol, frames, events);
    }
}
