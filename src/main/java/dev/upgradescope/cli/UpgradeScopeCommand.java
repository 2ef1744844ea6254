package dev.upgradescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code upgradescope <command> …}. */
@Command(name = "upgradescope", mixinStandardHelpOptions = true, version = "UpgradeScope 0.1.0",
        description = "Inspect HTTP/1.1 protocol upgrades: WebSocket, h2c, TLS.",
        subcommands = {CommandLine.HelpCommand.class})
public final class UpgradeScopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code (0 ok, 1 error finding, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new UpgradeScopeCommand()).execute(args);
    }
}
