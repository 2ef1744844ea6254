package dev.upgradescope.ui.archfixture.cycle.b;

import dev.upgradescope.ui.archfixture.cycle.a.Ping;

/** Breaks a line on purpose (see ArchitectureRulesTest): the other half of a package cycle. */
public final class Pong {

    public Ping again() {
        return new Ping();
    }
}
