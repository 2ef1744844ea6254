package dev.upgradescope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A {@code capture} command running on a thread of its own, for tests: its port, its stderr, its exit code. */
final class RunningCapture implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("proxy on \\S*:(\\d+)");

    private final CaptureCommand command = new CaptureCommand();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int code = -1;
    private final int port;

    RunningCapture(String... args) throws InterruptedException {
        CommandLine cli = new CommandLine(command).setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true));
        thread = new Thread(() -> code = cli.execute(args), "capture-under-test");
        thread.start();
        port = awaitPort();
    }

    int port() {
        return port;
    }

    String err() {
        return err.toString();
    }

    /** Stops the capture and returns its exit code. */
    int stop() throws InterruptedException {
        command.stop();
        thread.join(20_000);
        return code;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private int awaitPort() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Matcher m = PORT.matcher(err.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the command did not start: " + err);
    }
}
