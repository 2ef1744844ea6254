package dev.upgradescope.cli;

import java.io.PrintStream;

/**
 * How the command line reports what it did not expect, a Java {@code Error} above all (out of
 * memory, stack overflow): one line on standard error saying what happened and what to do, and
 * exit code 2, never a stack trace.
 */
public final class FatalErrors {

    private FatalErrors() {
    }

    /**
     * From now on a throwable that escapes any thread of this process is one line on standard
     * error; an {@code Error} also ends the process with exit code 2 (its state can no longer be trusted).
     */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            PrintStream err = System.err;
            err.println("upgradescope: " + oneLine(e) + " (in thread " + thread.getName() + ")");
            err.flush();
            if (e instanceof Error) {
                Runtime.getRuntime().halt(ExitCodes.CANNOT_RUN);
            }
        });
    }

    /** What went wrong, in one line without a stack trace. */
    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx2g, "
                    + "or use smaller input";
        }
        if (e instanceof StackOverflowError) {
            return "internal error: the input nests too deeply (StackOverflowError); please report it with the input";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return (e instanceof Error ? "internal error: " : "") + e.getClass().getSimpleName() + message;
    }
}
