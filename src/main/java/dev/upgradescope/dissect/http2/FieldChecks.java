package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of HTTP/2 field sections (RFC 9113 §8.2, §8.3) on a decoded header block, and the
 * recognition of extended CONNECT (RFC 8441 §4).
 */
final class FieldChecks {

    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");
    private static final Set<String> REQUEST_PSEUDO = Set.of(":method", ":scheme", ":authority", ":path", ":protocol");
    private static final Set<String> RESPONSE_PSEUDO = Set.of(":status");

    private FieldChecks() {
    }

    /**
     * @param request true for a request (client HEADERS, PUSH_PROMISE), false for a response
     * @param mayBeTrailers true when the stream already carried a header block from this endpoint
     * @param ranges the range of each field's representation
     */
    static List<Finding> check(List<HpackTableEntry> fields, List<ByteRange> ranges, boolean request,
            boolean mayBeTrailers, boolean connectProtocolEnabled) {
        List<Finding> out = new ArrayList<>();
        boolean regularSeen = false;
        Set<String> pseudo = new LinkedHashSet<>();
        Set<String> duplicates = new HashSet<>();
        String method = null;
        String protocol = null;
        ByteRange blockStart = ranges.isEmpty() ? null : ranges.get(0);
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name();
            String value = fields.get(i).value();
            ByteRange at = ranges.get(i);
            if (name.startsWith(":")) {
                if (regularSeen) { // §8.3: pseudo-header fields come before regular ones
                    out.add(H2Finding.PSEUDO_AFTER_REGULAR.at(at, name));
                }
                if (!(request ? REQUEST_PSEUDO : RESPONSE_PSEUDO).contains(name)) { // §8.3
                    out.add(H2Finding.PSEUDO_INVALID.at(at, name));
                } else if (!pseudo.add(name) && duplicates.add(name)) { // §8.3.1, §8.3.2: exactly once
                    out.add(H2Finding.PSEUDO_DUPLICATE.at(at, name));
                }
                if (name.equals(":method")) {
                    method = value;
                } else if (name.equals(":protocol")) {
                    protocol = value;
                }
                continue;
            }
            regularSeen = true;
            if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) { // §8.2.1
                out.add(H2Finding.FIELD_UPPERCASE.at(at, name));
            }
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (CONNECTION_SPECIFIC.contains(lower)) { // §8.2.2
                out.add(H2Finding.FIELD_CONNECTION_SPECIFIC.at(at, name));
            } else if (lower.equals("te") && !value.trim().equalsIgnoreCase("trailers")) { // §8.2.2
                out.add(H2Finding.FIELD_TE_NOT_TRAILERS.at(at, value));
            }
        }
        if (pseudo.isEmpty() && mayBeTrailers) {
            return out; // a trailer section carries no pseudo-header fields (§8.1)
        }
        List<String> required = new ArrayList<>();
        if (!request) {
            required.add(":status"); // §8.3.2
        } else if ("CONNECT".equals(method) && protocol == null) {
            required.add(":authority"); // §8.5
        } else {
            required.addAll(List.of(":method", ":scheme", ":path")); // §8.3.1; RFC 8441 §4 keeps them
        }
        required.removeAll(pseudo);
        if (!required.isEmpty()) {
            out.add(H2Finding.PSEUDO_MISSING.at(blockStart, String.join(", ", required)));
        }
        if (protocol != null && "CONNECT".equals(method)) { // RFC 8441 §4
            out.add(H2Finding.EXTENDED_CONNECT.at(blockStart, protocol));
            if (!connectProtocolEnabled) { // RFC 8441 §3
                out.add(H2Finding.EXTENDED_CONNECT_NOT_ENABLED.at(blockStart, protocol));
            }
        }
        return out;
    }

    /** {@code :protocol} of an extended CONNECT request, or null. */
    static String extendedConnectProtocol(List<HpackTableEntry> fields) {
        String method = null;
        String protocol = null;
        for (HpackTableEntry f : fields) {
            if (f.name().equals(":method")) {
                method = f.value();
            } else if (f.name().equals(":protocol")) {
                protocol = f.value();
            }
        }
        return "CONNECT".equals(method) ? protocol : null;
    }
}
