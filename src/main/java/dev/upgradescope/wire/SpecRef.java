package dev.upgradescope.wire;

import java.util.Objects;

/** A section of an RFC that a check enforces, e.g. RFC 6455 §4.2.2. */
public record SpecRef(int rfc, String section) {

    public SpecRef {
        Objects.requireNonNull(section, "section");
        if (rfc <= 0) {
            throw new IllegalArgumentException("RFC number must be positive: " + rfc);
        }
    }

    public static SpecRef rfc(int rfc, String section) {
        return new SpecRef(rfc, section);
    }

    /** The RFC's name as written in prose: {@code RFC 6455}. */
    public String rfcName() {
        return "RFC " + rfc;
    }

    /** The canonical address of this section on the RFC Editor's site. */
    public String url() {
        String anchor = section.isEmpty() ? "" : (Character.isDigit(section.charAt(0))
                ? "#section-" + section : "#appendix-" + section);
        return "https://www.rfc-editor.org/rfc/rfc" + rfc + anchor;
    }

    @Override
    public String toString() {
        return section.isEmpty() ? rfcName() : rfcName() + " §" + section;
    }
}
