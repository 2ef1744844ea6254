package dev.upgradescope.proxy.archfixture;

import dev.upgradescope.cli.UpgradeScopeCommand;

/** Breaks a line on purpose (see ArchitectureRulesTest): the proxy reaching up into the command line. */
final class ProxyThatCallsTheCommandLine {

    Class<?> commands() {
        return UpgradeScopeCommand.class;
    }
}
