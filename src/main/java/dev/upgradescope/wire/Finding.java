package dev.upgradescope.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of one check of the specs: what was found, how serious it is, which RFC section says
 * so, and where in the bytes. Message text is not stored; it is rendered from the code and its
 * arguments in the reader's language by {@link FindingText}.
 */
public record Finding(String code, Severity severity, SpecRef spec, List<String> args, ByteRange range) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(spec, "spec");
        args = List.copyOf(args);
    }

    public static Finding of(FindingKind kind, ByteRange range, Object... args) {
        List<String> text = new ArrayList<>(args.length);
        for (Object a : args) {
            text.add(String.valueOf(a));
        }
        return new Finding(kind.code(), kind.severity(), kind.spec(), text, range);
    }

    /** The same finding placed at another range. */
    public Finding withRange(ByteRange newRange) {
        return new Finding(code, severity, spec, args, newRange);
    }

    /** The message in English. */
    public String message() {
        return FindingText.message(this, Locale.ENGLISH);
    }

    public String message(Locale locale) {
        return FindingText.message(this, locale);
    }

    @Override
    public String toString() {
        return severity.code() + " " + code + " (" + spec + "): " + message();
    }
}
