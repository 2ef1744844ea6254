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
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The list-valued fields of one message that the upgrade mechanism reads, parsed once, and the
 * Upgrade protocols ({@code protocols}, in the order sent).
 */
record MessageLists(HttpMessage message, HeaderList<Token> connection, HeaderList<UpgradeProtocol> upgrade,
                    HeaderList<Token> wsProtocols, HeaderList<ExtensionOffer> wsExtensions,
                    List<AskedProtocol> protocols) {

    static MessageLists of(HttpMessage m) {
        HeaderList<UpgradeProtocol> upgrade = HeaderLists.upgrade(m.headers());
        List<AskedProtocol> protocols = new ArrayList<>(upgrade.elements().size());
        for (UpgradeProtocol p : upgrade.elements()) {
            protocols.add(AskedProtocol.of(p));
        }
        return new MessageLists(m, HeaderLists.connection(m.headers()), upgrade,
                HeaderLists.webSocketProtocols(m.headers()), HeaderLists.webSocketExtensions(m.headers()),
                Collections.unmodifiableList(protocols));
    }

    boolean hasUpgradeField() {
        return message.headers().has("Upgrade");
    }

    /** True when Connection lists {@code option} (case-insensitive, RFC 9110 §7.6.1). */
    boolean connectionHas(String option) {
        for (Token t : connection.elements()) {
            if (t.is(option)) {
                return true;
            }
        }
        return false;
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
        for (HeaderField f : message.headers().fields()) {
            if (f.line().covers(range)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
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
