package dev.upgradescope.cli;

import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Unit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
        ConversationFiles files = new ConversationFiles(c2s, s2c);
        List<HandshakeAnalysis> handshakes = files.handshakes();
        PrintWriter out = spec.commandLine().getOut();
        boolean[] error = {ExitCodes.of(handshakes.stream().flatMap(h -> h.findings().stream()).toList())
                != ExitCodes.OK};
        Consumer<Unit> errors = u -> error[0] |= ExitCodes.of(u.findings()) != ExitCodes.OK;
        if (json) {
            try (DissectJson document = new DissectJson(out, handshakes)) {
                files.units(errors.andThen(document::unit));
            }
        } else {
            ConversationText text = new ConversationText(out, Locale.getDefault(), handshakes);
            files.units(errors.andThen(text::unit));
            out.flush();
        }
        return error[0] ? ExitCodes.ERROR_FINDING : ExitCodes.OK;
    }
}
