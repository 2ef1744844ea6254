package dev.upgradescope.cli;

import dev.upgradescope.export.HarExporter;
import dev.upgradescope.export.HarOptions;
import dev.upgradescope.capture.SessionFormatException;
import dev.upgradescope.capture.SessionReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code upgradescope export --session FILE --har OUT}: a recorded session as a HAR 1.2 file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a recorded session as HAR 1.2 (opens in Chrome DevTools and HTTP Toolkit).")
public final class ExportCommand implements Callable<Integer> {

    static final int OK = ExitCodes.OK;
    static final int USAGE = ExitCodes.CANNOT_RUN;
    /** A session that cannot be read or a HAR that cannot be written: 2 as well (1 means error findings). */
    static final int FAILED = ExitCodes.CANNOT_RUN;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--session", required = true, paramLabel = "FILE", description = "The .upgradescope session file.")
    Path session;

    @Option(names = "--har", required = true, paramLabel = "OUT", description = "The HAR file to write ('-' for standard output).")
    Path har;

    @CommandLine.Mixin
    HarOutputOptions harOptions = new HarOutputOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        HarOptions options;
        try {
            options = harOptions.options();
        } catch (IllegalArgumentException e) {
            err.println("upgradescope export: " + e.getMessage());
            return USAGE;
        }
        try (SessionReader reader = SessionReader.open(session)) {
            if (har.toString().equals("-")) {
                OutputStream out = System.out;
                new HarExporter(reader, options).write(out);
                out.flush();
                return OK;
            }
            Path parent = har.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                err.println("upgradescope export: no such directory for the HAR file: " + parent);
                return USAGE;
            }
            new HarExporter(reader, options).write(har);
            return OK;
        } catch (NoSuchFileException e) {
            err.println("upgradescope export: no such file: " + e.getFile());
            return USAGE;
        } catch (SessionFormatException e) {
            err.println("upgradescope export: " + e.getMessage());
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("upgradescope export: cannot export " + session + " to " + har + ": " + e.getMessage());
            return FAILED;
        }
    }
}
