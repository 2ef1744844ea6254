package dev.upgradescope.cli;

import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import java.util.Collection;

/** The exit codes every command shares: 0 no error finding, 1 an error finding, 2 could not run. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERROR_FINDING = 1;
    static final int CANNOT_RUN = 2;

    private ExitCodes() {
    }

    static int of(Collection<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? ERROR_FINDING : OK;
    }
}
