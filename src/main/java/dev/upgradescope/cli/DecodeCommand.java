package dev.upgradescope.cli;

import picocli.CommandLine.Command;

/** {@code upgradescope decode …}: decodes single header values. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decodes one header value and checks it against its RFC.",
        subcommands = {DecodeH2SettingsCommand.class, DecodeWsAcceptCommand.class})
final class DecodeCommand {
}
