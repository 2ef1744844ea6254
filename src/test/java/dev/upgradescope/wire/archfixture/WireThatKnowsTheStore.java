package dev.upgradescope.wire.archfixture;

import dev.upgradescope.capture.EventRow;

/** Breaks a line on purpose (see ArchitectureRulesTest): a wire type depending on the store. */
final class WireThatKnowsTheStore {

    long id(EventRow e) {
        return e.id();
    }
}
