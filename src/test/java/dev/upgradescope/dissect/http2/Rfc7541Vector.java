package dev.upgradescope.dissect.http2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One fixture of {@code src/test/resources/rfc7541}: a header block and what decoding it must give. */
record Rfc7541Vector(String name, String title, long maxTableSize, byte[] block, List<String> representations,
        List<HpackTableEntry> headers, List<HpackTableEntry> table, long tableSize) {

    static Rfc7541Vector load(String name) {
        try (InputStream in = Rfc7541Vector.class.getResourceAsStream("/rfc7541/" + name + ".hex")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String title = "";
            long max = 0;
            byte[] block = new byte[0];
            List<String> reps = new ArrayList<>();
            List<HpackTableEntry> headers = new ArrayList<>();
            List<HpackTableEntry> table = new ArrayList<>();
            long size = -1;
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                String key = colon < 0 ? line : line.substring(0, colon);
                String rest = colon < 0 ? "" : line.substring(colon + 2);
                switch (key) {
                    case "max-table-size" -> max = Long.parseLong(rest);
                    case "representations" -> reps.addAll(List.of(rest.split(" ")));
                    case "hex" -> block = HexFormat.of().parseHex(rest.replace(" ", ""));
                    case "header" -> headers.add(field(rest));
                    case "table" -> table.add(field(rest));
                    case "table-size" -> size = Long.parseLong(rest);
                    default -> title = line.startsWith("# ") ? line.substring(2) : title;
                }
            }
            return new Rfc7541Vector(name, title, max, block, reps, headers, table, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "name: value", where the name may itself begin with a colon. */
    private static HpackTableEntry field(String s) {
        int sep = s.indexOf(": ", 1);
        return new HpackTableEntry(s.substring(0, sep), s.substring(sep + 2));
    }

    @Override
    public String toString() {
        return title;
    }
}
