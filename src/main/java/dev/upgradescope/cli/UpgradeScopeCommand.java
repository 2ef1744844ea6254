package dev.upgradescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code upgradescope <command> …}. */
@Command(name = "upgradescope", mixinStandardHelpOptions = true, version = "UpgradeScope 0.1.0",
        description = "Inspect HTTP/1.1 protocol upgrades: WebSocket, h2c, TLS.",
        subcommands = {CaptureCommand.class, ExportCommand.class, DissectCommand.class, DecodeCommand.class,
                CommandLine.HelpCommand.class})
public final class UpgradeScopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code (0 ok, 1 error finding, 2 usage). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: usage errors exit 2, failures print one line on stderr and exit 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UpgradeScopeCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof CommandFailure ? e.getMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            commandLine.getErr().println("upgradescope: " + message);
            commandLine.getErr().flush();
            return ExitCodes.CANNOT_RUN;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println("upgradescope: " + e.getMessage());
            commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
            commandLine.getErr().flush();
            return ExitCodes.CANNOT_RUN;
        });
        return cli;
    }
}
