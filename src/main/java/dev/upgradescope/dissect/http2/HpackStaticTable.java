package dev.upgradescope.dissect.http2;

/** The 61 predefined header fields of HPACK's static table (RFC 7541 Appendix A), index 1 first. */
final class HpackStaticTable {

    private static final String[][] ENTRIES = {
        {":authority", ""},
        {":method", "GET"},
        {":method", "POST"},
        {":path", "/"},
        {":path", "/index.html"},
        {":scheme", "http"},
        {":scheme", "https"},
        {":status", "200"},
        {":status", "204"},
        {":status", "206"},
        {":status", "304"},
        {":status", "400"},
        {":status", "404"},
        {":status", "500"},
        {"accept-charset", ""},
        {"accept-encoding", "gzip, deflate"},
        {"accept-language", ""},
        {"accept-ranges", ""},
        {"accept", ""},
        {"access-control-allow-origin", ""},
        {"age", ""},
        {"allow", ""},
        {"authorization", ""},
        {"cache-control", ""},
        {"content-disposition", ""},
        {"content-encoding", ""},
        {"content-language", ""},
        {"content-length", ""},
        {"content-location", ""},
        {"content-range", ""},
        {"content-type", ""},
        {"cookie", ""},
        {"date", ""},
        {"etag", ""},
        {"expect", ""},
        {"expires", ""},
        {"from", ""},
        {"host", ""},
        {"if-match", ""},
        {"if-modified-since", ""},
        {"if-none-match", ""},
        {"if-range", ""},
        {"if-unmodified-since", ""},
        {"last-modified", ""},
        {"link", ""},
        {"location", ""},
        {"max-forwards", ""},
        {"proxy-authenticate", ""},
        {"proxy-authorization", ""},
        {"range", ""},
        {"referer", ""},
        {"refresh", ""},
        {"retry-after", ""},
        {"server", ""},
        {"set-cookie", ""},
        {"strict-transport-security", ""},
        {"transfer-encoding", ""},
        {"user-agent", ""},
        {"vary", ""},
        {"via", ""},
        {"www-authenticate", ""},
    };

    /** Number of entries; dynamic table indices start after it. */
    static final int LENGTH = ENTRIES.length;

    private static final HpackTableEntry[] AS_ENTRIES = new HpackTableEntry[LENGTH];

    static {
        for (int i = 0; i < LENGTH; i++) {
            AS_ENTRIES[i] = new HpackTableEntry(ENTRIES[i][0], ENTRIES[i][1]);
        }
    }

    private HpackStaticTable() {
    }

    static HpackTableEntry entry(int index) {
        return AS_ENTRIES[index - 1];
    }

    static String name(int index) {
        return ENTRIES[index - 1][0];
    }

    static String value(int index) {
        return ENTRIES[index - 1][1];
    }
}
