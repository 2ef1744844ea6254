package dev.upgradescope.cli;

import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.dissect.upgrade.Http2SettingsValue;
import dev.upgradescope.wire.UnitDocument;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upgradescope decode h2-settings VALUE [--json]}: the settings in an HTTP2-Settings value. */
@Command(name = "h2-settings", mixinStandardHelpOptions = true,
        description = {"Decodes the value of an HTTP2-Settings header field (RFC 7540 §3.2.1) and checks it.",
                "Finding offsets count from the first character of VALUE."})
final class DecodeH2SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VALUE", description = "the field value, base64url without padding")
    String value;

    @Option(names = "--json", description = "print {\"settings\": [...], \"findings\": [...]}")
    boolean json;

    @Override
    public Integer call() {
        Http2SettingsValue decoded = Http2SettingsValue.decode(value);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("settings", decoded.settings().stream().map(DecodeH2SettingsCommand::document).toList());
            doc.put("findings", UnitDocument.findings(decoded.findings()));
            JsonOutput.print(out, doc);
        } else {
            printTable(out, decoded.settings());
            if (!decoded.findings().isEmpty()) {
                out.println();
                FindingLines.print(out, "", decoded.findings(), Locale.getDefault());
            }
            out.flush();
        }
        return ExitCodes.of(decoded.findings());
    }

    static Map<String, Object> document(Setting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("value", s.value());
        return m;
    }

    private static void printTable(PrintWriter out, List<Setting> settings) {
        int width = settings.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        out.printf("%-6s  %-" + width + "s  %s%n", "id", "name", "value");
        for (Setting s : settings) {
            out.printf("%-6s  %-" + width + "s  %d%n", String.format("0x%x", s.id()), s.name(), s.value());
        }
    }
}
