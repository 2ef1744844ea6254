package dev.upgradescope.dissect.http2;

/** One entry of an HPACK dynamic table; its size counts 32 octets of overhead (RFC 7541 §4.1). */
public record HpackTableEntry(String name, String value) {

    /** Octets are held one per char (ISO-8859-1), so the string lengths are the octet counts. */
    public long size() {
        return 32L + name.length() + value.length();
    }
}
