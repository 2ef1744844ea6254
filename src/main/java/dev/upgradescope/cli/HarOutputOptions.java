package dev.upgradescope.cli;

import dev.upgradescope.export.HarOptions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options of a HAR that {@code export} and {@code capture --har} write (see docs/cli.md). */
final class HarOutputOptions {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");

    @Option(names = "--include-sensitive", description = "Keep the values of Authorization, Proxy-Authorization, "
            + "Cookie and Set-Cookie in the HAR (by default they read [redacted], as Chrome DevTools exports).")
    boolean includeSensitive;

    @Option(names = "--har-message-limit", paramLabel = "SIZE", defaultValue = "1MiB", description = {
        "Cut a WebSocket message's data in the HAR at this size (e.g. 64KiB, 1MiB; 0 keeps every message "
            + "whole); a cut message is marked \"_truncated\": true with its whole \"_size\". Default: 1MiB."})
    String messageLimit;

    /** The HAR options asked for; an unreadable size is a usage error. */
    HarOptions options() {
        return new HarOptions(includeSensitive, parseSize(messageLimit));
    }

    /** {@code 4096}, {@code 64k}, {@code 64KiB}, {@code 1m}, {@code 1MiB}: bytes, up to 1 GiB. */
    static int parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (like 0, 65536, 64KiB, 1MiB): " + text);
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large (at most 1GiB): " + text);
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long bytes = unit.startsWith("k") ? n << 10 : unit.startsWith("m") ? n << 20 : n;
        if (n > (1L << 30) || bytes > (1L << 30)) {
            throw new IllegalArgumentException("size too large (at most 1GiB): " + text);
        }
        return (int) bytes;
    }
}
