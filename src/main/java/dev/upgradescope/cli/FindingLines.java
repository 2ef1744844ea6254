package dev.upgradescope.cli;

import dev.upgradescope.wire.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints findings as indented human-readable lines: severity, code, RFC section, message. */
final class FindingLines {

    private FindingLines() {
    }

    static void print(PrintWriter out, String indent, List<Finding> findings, Locale locale) {
        for (Finding f : findings) {
            out.printf("%s%-7s %s (%s): %s%n", indent, f.severity().code(), f.code(), f.spec(), f.message(locale));
        }
    }
}
