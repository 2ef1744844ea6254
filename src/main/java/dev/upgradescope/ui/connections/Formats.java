package dev.upgradescope.ui.connections;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times read in the tables: wall-clock times, byte counts with binary units. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String time(long wallMicros) {
        return wallMicros <= 0 ? "" : TIME.format(Instant.ofEpochSecond(0, wallMicros * 1000));
    }

    /** {@code 999 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
