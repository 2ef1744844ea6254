package dev.upgradescope.ui.findings;

import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/**
 * One row of the findings panel: either a check of the specs ({@code finding}, with its RFC
 * section) or a failure the proxy itself noted about the connection ({@code note}, no RFC behind
 * it), with its severity, code and message in the window's language.
 */
public record FindingRow(Severity severity, String code, String message, Finding finding, NoteRow note) {

    static FindingRow of(Finding f, String message) {
        return new FindingRow(f.severity(), f.code(), message, f, null);
    }

    static FindingRow of(NoteRow n, Severity severity, String message) {
        return new FindingRow(severity, n.code(), message, null, n);
    }

    /** The RFC section the finding enforces; null for a note of the proxy. */
    public SpecRef spec() {
        return finding == null ? null : finding.spec();
    }

    /** Where in the bytes the finding points; null for a note or a finding about no bytes. */
    public ByteRange range() {
        return finding == null ? null : finding.range();
    }

    public boolean isNote() {
        return note != null;
    }
}
