package dev.upgradescope.cli;

import dev.upgradescope.dissect.upgrade.WebSocketAccept;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upgradescope decode ws-accept KEY}: the Sec-WebSocket-Accept a server must answer. */
@Command(name = "ws-accept", mixinStandardHelpOptions = true,
        description = "Prints the Sec-WebSocket-Accept value for a Sec-WebSocket-Key (RFC 6455 §4.2.2).")
final class DecodeWsAcceptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "the Sec-WebSocket-Key value")
    String key;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(WebSocketAccept.expected(key.strip()));
        spec.commandLine().getOut().flush();
        OptionalInt length = WebSocketAccept.decodedKeyLength(key.strip());
        if (length.isEmpty() || length.getAsInt() != 16) {
            // RFC 6455 §4.1: the key is a base64-encoded 16-byte value
            spec.commandLine().getErr().println("warning: the key is not base64 of 16 bytes ("
                    + (length.isEmpty() ? "not base64" : length.getAsInt() + " bytes")
                    + "); RFC 6455 §4.1 requires a base64-encoded 16-byte value");
            spec.commandLine().getErr().flush();
            return ExitCodes.ERROR_FINDING;
        }
        return ExitCodes.OK;
    }
}
