package dev.upgradescope.wire;

/**
 * One check a dissector performs: a stable code such as {@code ws.accept.mismatch}, its severity
 * and the section of the spec it enforces. Each dissector package lists its kinds in an enum; the
 * human text for each code lives in the resource bundle {@code dev/upgradescope/findings/<family>},
 * where the family is the code's first dotted segment, in English, Spanish and Traditional Chinese.
 */
public interface FindingKind {

    String code();

    Severity severity();

    SpecRef spec();

    /** A finding of this kind at {@code range} (may be null), its message filled with {@code args}. */
    default Finding at(ByteRange range, Object... args) {
        return Finding.of(this, range, args);
    }

    /** The three facts of a kind: its code, its severity and the section of the spec it enforces. */
    record Definition(String code, Severity severity, SpecRef spec) {
    }

    /** A kind whose facts are one {@link Definition}, so that its enum holds that and nothing more. */
    interface Defined extends FindingKind {

        Definition definition();

        @Override
        default String code() {
            return definition().code();
        }

        @Override
        default Severity severity() {
            return definition().severity();
        }

        @Override
        default SpecRef spec() {
            return definition().spec();
        }
    }
}
