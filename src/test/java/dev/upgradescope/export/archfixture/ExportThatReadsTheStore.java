package dev.upgradescope.export.archfixture;

import dev.upgradescope.capture.EventRow;

/** Keeps its line (see ArchitectureRulesTest): an export reads stored events. */
final class ExportThatReadsTheStore {

    String line(EventRow e) {
        return e.summary();
    }
}
