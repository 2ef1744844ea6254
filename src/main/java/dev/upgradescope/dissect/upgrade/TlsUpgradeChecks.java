package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import java.util.List;
import java.util.Locale;

/** The checks of the upgrade to TLS within HTTP/1.1 (RFC 2817 §3, §4, §5). */
final class TlsUpgradeChecks {

    private TlsUpgradeChecks() {
    }

    static void request(Exchange x, Evidence ev) {
        if (!x.asks(ProtocolFamily.TLS)) {
            return;
        }
        HttpRequest req = x.request();
        AskedProtocol tls = x.asked().stream().filter(p -> p.family() == ProtocolFamily.TLS).findFirst().orElseThrow();
        if (req.method().equals("OPTIONS") && req.target().equals("*")) {
            // mandatory upgrade: "a client MUST send an OPTIONS request first" (RFC 2817 §3.2)
            ev.add(TlsUpgradeFinding.MANDATORY.at(req.startLine(), tls.raw()));
        } else {
            // optional upgrade during any clear request (RFC 2817 §3.1)
            ev.add(TlsUpgradeFinding.OPTIONAL.at(tls.range(), tls.raw()));
        }
        if (req.target().toLowerCase(Locale.ROOT).startsWith("http://")) {
            // Upgrade is hop-by-hop: through a proxy it secures only that hop (RFC 2817 §5.1)
            ev.add(TlsUpgradeFinding.HOP_BY_HOP.at(req.targetRange()));
        }
    }

    static void response(Exchange x, Evidence ev) {
        if (x.response().isEmpty()) {
            return;
        }
        HttpResponse resp = x.response().get();
        MessageLists lists = x.responseLists().orElseThrow();
        List<AskedProtocol> answered = lists.protocols();
        boolean tls = false;
        for (AskedProtocol p : answered) {
            tls |= p.family() == ProtocolFamily.TLS;
        }
        if (!tls) {
            return;
        }
        String text = GeneralChecks.joined(answered);
        if (resp.status() == 101) {
            if (answered.get(0).family() == ProtocolFamily.TLS && answered.size() < 2) {
                // the 101 lists "the tokens of the protocol stack it is switching to", bottom-up,
                // e.g. "Upgrade: TLS/1.0, HTTP/1.1" (RFC 2817 §3.3)
                ev.add(TlsUpgradeFinding.STACK.at(lists.valueOrStartLine("Upgrade"), text));
            }
        } else if (resp.status() == 426) {
            // mandatory advertisement (RFC 2817 §4.2)
            ev.add(TlsUpgradeFinding.REQUIRED.at(lists.valueOrStartLine("Upgrade"), text));
        } else if (resp.status() >= 200) {
            // optional advertisement (RFC 2817 §4.1)
            ev.add(TlsUpgradeFinding.ADVERTISED.at(lists.valueOrStartLine("Upgrade"), text));
        }
    }
}
