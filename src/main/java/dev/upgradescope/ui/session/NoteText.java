package dev.upgradescope.ui.session;

import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.wire.Severity;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * How the window words a note the proxy made about a connection ({@code upstream.refused},
 * {@code idle.timeout}…): one line in the window's language from the key {@code note.<code>} of the
 * UI bundle, followed by the technical detail; and, for the notes that say something went wrong,
 * the severity with which the findings panel lists them.
 */
public final class NoteText {

    /** The kind the messages list shows for a note. */
    public static final String KIND = "note";

    private NoteText() {
    }

    /** The localized text of the note's code alone (the code itself for a code without text). */
    public static String text(ResourceBundle bundle, NoteRow note) {
        try {
            return bundle.getString("note." + note.code());
        } catch (MissingResourceException e) {
            String pattern = bundle.containsKey("note.other") ? bundle.getString("note.other") : "{0}";
            return new MessageFormat(pattern, bundle.getLocale() == null ? Locale.ROOT : bundle.getLocale())
                    .format(new Object[] {note.code()});
        }
    }

    /** The one-line text with the technical detail, if the note has one. */
    public static String line(ResourceBundle bundle, NoteRow note) {
        String text = text(bundle, note);
        String detail = note.detail().strip().replace('\n', ' ');
        return detail.isEmpty() ? text : text + " — " + detail;
    }

    /**
     * The severity of a note that reports a failure (the upstream could not be reached, a request
     * was refused, a timeout fired, bytes were not recorded); empty for notes that only inform
     * (a tunnel's content, a switch, either side closing, which ends every conversation, an
     * intercept rule doing what it was told).
     */
    public static Optional<Severity> severity(String code) {
        return switch (code) {
            case "upstream.refused", "upstream.unknown-host", "upstream.failed", "request.head-too-large",
                    "request.not-http", "request.unroutable", "request.body-too-large", "capture.gap",
                    "capture.dissector-failed", "request.head-deadline", "request.proxy-auth-required",
                    "request.loop", "limit.connections-per-client", "limit.connections-total",
                    "upstream.reset" -> Optional.of(Severity.WARNING);
            case "idle.timeout" -> Optional.of(Severity.INFO);
            case "upstream.closed", "client.closed", "request.intercepted" -> Optional.empty();
            default -> code.startsWith("upstream.") || code.startsWith("request.") || code.startsWith("capture.")
                    ? Optional.of(Severity.INFO) : Optional.empty();
        };
    }
}
