package dev.upgradescope.cli;

import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The human-readable output of {@code dissect}: the handshakes, then one line per unit as it comes. */
final class ConversationText {

    private final PrintWriter out;
    private final Locale locale;
    /** Findings the handshake block printed: not printed again under a unit. */
    private final Set<Finding> shown = new HashSet<>();

    ConversationText(PrintWriter out, Locale locale, List<HandshakeAnalysis> handshakes) {
        this.out = out;
        this.locale = locale;
        if (handshakes.isEmpty()) {
            out.println("No exchange asked to switch protocols.");
        }
        for (HandshakeAnalysis h : handshakes) {
            out.println("Handshake: " + h.summary());
            FindingLines.print(out, "  ", h.findings(), locale);
            shown.addAll(h.findings());
        }
        out.println();
    }

    void unit(Unit u) {
        out.printf("%s %8d %7d  %-13s %s%n", u.dir().code(), u.offset(), u.length(), u.kind().code(), u.summary());
        FindingLines.print(out, "      ", u.findings().stream().filter(f -> !shown.contains(f)).toList(), locale);
    }
}
