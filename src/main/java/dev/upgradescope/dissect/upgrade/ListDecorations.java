package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.ExtensionOffer;
import dev.upgradescope.dissect.http1.ExtensionParam;
import dev.upgradescope.dissect.http1.Token;
import dev.upgradescope.dissect.http1.UpgradeProtocol;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import java.util.Locale;

/** Hangs the elements of the parsed list fields under their field lines: protocols, options, offers. */
final class ListDecorations {

    private ListDecorations() {
    }

    static void add(MessageLists lists, Evidence ev) {
        for (UpgradeProtocol p : lists.upgrade().elements()) {
            // protocol-name ["/" protocol-version]: each part on its own bytes when the text maps 1:1
            boolean exact = p.raw().length() == p.range().length() && p.raw().startsWith(p.name());
            ByteRange.InStream nameRange = exact ? p.range().slice(0, p.name().length()) : p.range();
            Field.Builder b = Field.builder("Protocol", p.raw(), p.range())
                    .leaf("Name", p.name(), nameRange)
                    .leaf("Family", ProtocolFamily.ofName(p.name()).name(), nameRange);
            p.version().ifPresent(v -> b.leaf("Version", v, exact && p.raw().endsWith(v)
                    ? p.range().slice(p.raw().length() - v.length(), v.length()) : p.range()));
            hang(lists, p.range(), b.build(), ev);
        }
        for (Token t : lists.connection().elements()) {
            hang(lists, t.range(), Field.leaf("Option", t.text() + " (" + meaning(lists, t) + ")", t.range()), ev);
        }
        for (Token t : lists.wsProtocols().elements()) {
            hang(lists, t.range(), Field.leaf("Subprotocol", t.text(), t.range()), ev);
        }
        for (ExtensionOffer e : lists.wsExtensions().elements()) {
            Field.Builder b = Field.builder("Extension", e.name(), e.range());
            for (ExtensionParam p : e.params()) {
                b.leaf("Parameter", p.name() + p.value().map(v -> " = " + v).orElse(""), p.range());
            }
            hang(lists, e.range(), b.build(), ev);
        }
    }

    private static String meaning(MessageLists lists, Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "upgrade" -> lists.hasUpgradeField() ? "names the Upgrade field: hop-by-hop" : "no Upgrade field";
            case "close" -> "close after this message";
            case "keep-alive" -> "keep the connection open (HTTP/1.0)";
            default -> lists.message().headers().has(t.text()) ? "names the " + t.text() + " field: hop-by-hop"
                    : "connection option";
        };
    }

    private static void hang(MessageLists lists, ByteRange.InStream range, Field child, Evidence ev) {
        lists.lineHolding(range).ifPresent(line -> ev.decorate(line, child));
    }
}
