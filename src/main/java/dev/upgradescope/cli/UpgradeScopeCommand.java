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
        return run(commandLine(), args);
    }

    /** Runs {@code cli}: an {@code Error} that escapes it is one line on stderr and exit code 2. */
    static int run(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (Throwable e) { // an Error (out of memory, stack overflow) gets past picocli's handlers
            System.out.flush();
            cli.getErr().println("upgradescope: " + FatalErrors.oneLine(e));
            cli.getErr().flush();
            return ExitCodes.CANNOT_RUN;
        }
    }

    /** The configured command line: usage errors exit 2, failures print one line on stderr and exit 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UpgradeScopeCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof CommandFailure ? e.getMessage() : FatalErrors.oneLine(e);
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
