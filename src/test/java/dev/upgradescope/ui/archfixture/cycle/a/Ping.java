package dev.upgradescope.ui.archfixture.cycle.a;

import dev.upgradescope.ui.archfixture.cycle.b.Pong;

/** Breaks a line on purpose (see ArchitectureRulesTest): one half of a package cycle. */
public final class Ping {

    public Pong answer() {
        return new Pong();
    }
}
