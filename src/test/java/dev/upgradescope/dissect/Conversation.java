package dev.upgradescope.dissect;

import dev.upgradescope.dissect.DissectionEvent.HandshakeAnalysed;
import dev.upgradescope.dissect.DissectionEvent.ProtocolSwitched;
import dev.upgradescope.dissect.DissectionEvent.UnitDissected;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recorded conversation for tests: both byte streams, and what dissecting them produced. */
record Conversation(List<DissectionEvent> events) {

    /** Feeds the client's bytes, then the server's, in {@code step}-sized pieces, then ends both. */
    static Conversation dissect(byte[] c2s, byte[] s2c, int step) {
        ConnectionDissector d = new ConnectionDissector();
        List<DissectionEvent> events = new ArrayList<>();
        feed(d, events, Direction.C2S, c2s, step);
        feed(d, events, Direction.S2C, s2c, step);
        events.addAll(d.end(Direction.C2S));
        events.addAll(d.end(Direction.S2C));
        return new Conversation(events);
    }

    static Conversation dissect(byte[] c2s, byte[] s2c) {
        return dissect(c2s, s2c, Integer.MAX_VALUE);
    }

    private static void feed(ConnectionDissector d, List<DissectionEvent> events, Direction dir, byte[] bytes,
                             int step) {
        for (int at = 0; at < bytes.length; at += step) {
            int n = (int) Math.min(step, bytes.length - (long) at);
            byte[] piece = new byte[n];
            System.arraycopy(bytes, at, piece, 0, n);
            events.addAll(d.feed(dir, at, piece));
        }
    }

    List<Unit> units() {
        return events.stream().filter(UnitDissected.class::isInstance).map(e -> ((UnitDissected) e).unit()).toList();
    }

    /** {@code dir offset+length summary} per unit: what two dissections must agree on. */
    List<String> unitLines() {
        return units().stream().map(u -> u.dir().code() + " " + u.offset() + "+" + u.length() + " " + u.summary())
                .toList();
    }

    /** The latest analysis of each exchange, in order. */
    List<HandshakeAnalysis> handshakes() {
        Map<Long, HandshakeAnalysis> latest = new LinkedHashMap<>();
        for (DissectionEvent e : events) {
            if (e instanceof HandshakeAnalysed h) {
                latest.put(h.requestOffset(), h.analysis());
            }
        }
        return List.copyOf(latest.values());
    }

    List<ProtocolSwitched> switches() {
        return events.stream().filter(ProtocolSwitched.class::isInstance).map(ProtocolSwitched.class::cast).toList();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        String clean = hex.replaceAll("\\s+", "");
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
