package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spec example stored as hex in a test resource. Lines starting with {@code #} are comments or
 * directives: {@code # dir: c2s|s2c} switches the direction of the hex that follows,
 * {@code # negotiation: permessage-deflate[; param]...} sets what the handshake settled, and
 * {@code # unit: ...} lists the expected unit summaries in order. {@code 00*256} repeats a byte.
 */
record HexFixture(String name, WsNegotiation negotiation, List<Segment> segments, List<String> units) {

    /** Contiguous bytes of one direction, fed in file order. */
    record Segment(Direction dir, byte[] bytes) {
    }

    static HexFixture load(String resource) throws IOException {
        String text;
        try (InputStream in = HexFixture.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        WsNegotiation negotiation = WsNegotiation.NONE;
        List<Segment> segments = new ArrayList<>();
        List<String> units = new ArrayList<>();
        Direction dir = Direction.S2C;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                String d = l.substring(1).strip();
                if (d.startsWith("dir:")) {
                    if (current.size() > 0) {
                        segments.add(new Segment(dir, current.toByteArray()));
                        current.reset();
                    }
                    dir = Direction.fromCode(d.substring(4).strip());
                } else if (d.startsWith("negotiation:")) {
                    negotiation = negotiation(d.substring("negotiation:".length()).strip());
                } else if (d.startsWith("unit:")) {
                    units.add(d.substring(5).strip());
                }
                continue;
            }
            for (String token : l.split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int star = token.indexOf('*');
                int value = Integer.parseInt(star < 0 ? token : token.substring(0, star), 16);
                int times = star < 0 ? 1 : Integer.parseInt(token.substring(star + 1));
                for (int k = 0; k < times; k++) {
                    current.write(value);
                }
            }
        }
        if (current.size() > 0) {
            segments.add(new Segment(dir, current.toByteArray()));
        }
        return new HexFixture(resource, negotiation, segments, units);
    }

    private static WsNegotiation negotiation(String spec) {
        if (spec.equals("none")) {
            return WsNegotiation.NONE;
        }
        String[] parts = spec.split(";");
        boolean serverNct = false;
        boolean clientNct = false;
        for (int k = 1; k < parts.length; k++) {
            String p = parts[k].strip();
            serverNct |= p.equals("server_no_context_takeover");
            clientNct |= p.equals("client_no_context_takeover");
        }
        return new WsNegotiation(Optional.empty(), List.of(parts[0].strip()),
                Optional.of(new PerMessageDeflate(serverNct, clientNct, 15, 15)));
    }

    @Override
    public String toString() {
        return name;
    }
}
