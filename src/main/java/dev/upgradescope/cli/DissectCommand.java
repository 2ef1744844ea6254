package dev.upgradescope.cli;

import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upgradescope dissect --c2s FILE --s2c FILE [--json]}: one recorded TCP conversation. */
@Command(name = "dissect", mixinStandardHelpOptions = true,
        description = {"Dissects one recorded TCP conversation: the handshake analysis, then every unit.",
                "The files hold each direction's raw bytes, e.g. as saved by Wireshark's Follow TCP Stream (Raw)."})
final class DissectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--c2s", required = true, paramLabel = "FILE", description = "the bytes the client sent")
    Path c2s;

    @Option(names = "--s2c", required = true, paramLabel = "FILE", description = "the bytes the server sent")
    Path s2c;

    @Option(names = "--json", description = "print one JSON document (see docs/cli.md)")
    boolean json;

    @Override
    public Integer call() {
        Conversation conversation = Conversation.dissect(read(c2s), read(s2c));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, conversation.document());
        } else {
            conversation.print(out, Locale.getDefault());
        }
        return ExitCodes.of(conversation.allFindings());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such file: " + file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The result of dissecting both directions: the analysed handshakes and every unit, in order. */
    record Conversation(List<HandshakeAnalysis> handshakes, List<Unit> units) {

        static Conversation dissect(byte[] c2s, byte[] s2c) {
            ConnectionDissector dissector = new ConnectionDissector();
            List<DissectionEvent> events = new ArrayList<>();
            events.addAll(dissector.feed(Direction.C2S, 0, c2s));
            events.addAll(dissector.feed(Direction.S2C, 0, s2c));
            events.addAll(dissector.end(Direction.C2S));
            events.addAll(dissector.end(Direction.S2C));
            return of(events);
        }

        static Conversation of(List<DissectionEvent> events) {
            java.util.Map<Long, HandshakeAnalysis> byRequest = new java.util.LinkedHashMap<>();
            List<Unit> units = new ArrayList<>();
            for (DissectionEvent e : events) {
                if (e instanceof DissectionEvent.UnitDissected u) {
                    units.add(u.unit());
                } else if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                    byRequest.put(h.requestOffset(), h.analysis());
                }
            }
            return new Conversation(List.copyOf(byRequest.values()), units);
        }

        List<Finding> allFindings() {
            List<Finding> all = new ArrayList<>();
            handshakes.forEach(h -> all.addAll(h.findings()));
            units.forEach(u -> all.addAll(u.findings()));
            return all;
        }

        java.util.Map<String, Object> document() {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("handshake", handshakes.isEmpty() ? null : HandshakeDocument.of(handshakes.get(0)));
            if (handshakes.size() > 1) {
                doc.put("handshakes", handshakes.stream().map(HandshakeDocument::of).toList());
            }
            doc.put("units", units.stream().map(dev.upgradescope.wire.UnitDocument::of).toList());
            return doc;
        }

        void print(PrintWriter out, Locale locale) {
            if (handshakes.isEmpty()) {
                out.println("No exchange asked to switch protocols.");
            }
            java.util.Set<Finding> shown = new java.util.HashSet<>();
            for (HandshakeAnalysis h : handshakes) {
                out.println("Handshake: " + h.summary());
                FindingLines.print(out, "  ", h.findings(), locale);
                shown.addAll(h.findings());
            }
            out.println();
            for (Unit u : units) {
                out.printf("%s %8d %7d  %-13s %s%n", u.dir().code(), u.offset(), u.length(), u.kind().code(),
                        u.summary());
                // a finding the handshake block printed is not printed again under its message
                FindingLines.print(out, "      ", u.findings().stream().filter(f -> !shown.contains(f)).toList(),
                        locale);
            }
            out.flush();
        }
    }
}
