package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.ExtensionOffer;
import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HeaderList;
import dev.upgradescope.dissect.http1.HeaderLists;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.Token;
import dev.upgradescope.dissect.http1.UpgradeProtocol;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The list-valued fields of one message that the upgrade mechanism reads, parsed once. */
record MessageLists(HttpMessage message, HeaderList<Token> connection, HeaderList<UpgradeProtocol> upgrade,
                    HeaderList<Token> wsProtocols, HeaderList<ExtensionOffer> wsExtensions) {

    static MessageLists of(HttpMessage m) {
        return new MessageLists(m, HeaderLists.connection(m.headers()), HeaderLists.upgrade(m.headers()),
                HeaderLists.webSocketProtocols(m.headers()), HeaderLists.webSocketExtensions(m.headers()));
    }

    /** The Upgrade protocols, in the order sent. */
    List<AskedProtocol> protocols() {
        return upgrade.elements().stream().map(AskedProtocol::of).toList();
    }

    boolean hasUpgradeField() {
        return message.headers().has("Upgrade");
    }

    /** True when Connection lists {@code option} (case-insensitive, RFC 9110 §7.6.1). */
    boolean connectionHas(String option) {
        return connection.elements().stream().anyMatch(t -> t.is(option));
    }

    /** Connection's field values joined, or {@code (none)}: for finding texts. */
    String connectionText() {
        return message.headers().combined("Connection").orElse("(none)");
    }

    /** The syntax findings of the parsed lists. */
    List<Finding> listFindings() {
        List<Finding> out = new ArrayList<>(connection.findings());
        out.addAll(upgrade.findings());
        out.addAll(wsProtocols.findings());
        out.addAll(wsExtensions.findings());
        return out;
    }

    /** The field line whose value holds {@code range}, if any. */
    Optional<HeaderField> lineHolding(ByteRange.InStream range) {
        return message.headers().fields().stream().filter(f -> f.line().covers(range)).findFirst();
    }

    /** The range of the first field named {@code name}'s value, or the start line. */
    ByteRange.InStream valueOrStartLine(String name) {
        return message.headers().first(name).map(HeaderField::valueRange).orElse(message.startLine());
    }

    /** The range of the first field named {@code name}'s line, or the start line. */
    ByteRange.InStream lineOrStartLine(String name) {
        return message.headers().first(name).map(HeaderField::line).orElse(message.startLine());
    }
}
