package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.http1.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** The checks of RFC 9110 that hold for every upgrade, whatever the protocol. */
final class GeneralChecks {

    /** Fields meant for every recipient: naming them in Connection gets them removed by proxies. */
    private static final Set<String> END_TO_END = Set.of("host", "content-length", "content-type",
            "content-encoding", "cache-control", "authorization", "cookie", "set-cookie");

    private GeneralChecks() {
    }

    static void request(Exchange x, Evidence ev) {
        MessageLists req = x.requestLists();
        connectionOptions(req, ev);
        if (!req.hasUpgradeField()) {
            return;
        }
        if (!req.connectionHas("upgrade")) {
            // "the sender MUST also send a Connection header field that contains an 'upgrade'
            // connection option" (RFC 9110 §7.8)
            ev.add(UpgradeFinding.REQUEST_CONNECTION_MISSING.at(req.lineOrStartLine("Upgrade"), req.connectionText()));
        }
        if (x.request().isHttp10OrOlder()) {
            // "A server MUST ignore an Upgrade header field that is received in an HTTP/1.0 request" (§7.8)
            ev.add(UpgradeFinding.REQUEST_HTTP10.at(x.request().versionRange()));
        }
    }

    static void response(Exchange x, Evidence ev) {
        if (x.response().isEmpty()) {
            return;
        }
        HttpResponse resp = x.response().get();
        MessageLists lists = x.responseLists().orElseThrow();
        connectionOptions(lists, ev);
        if (resp.status() == 101) {
            switched(x, resp, lists, ev);
        } else if (resp.status() == 426) {
            required(x, resp, lists, ev);
        } else if (resp.status() >= 200) {
            if (!x.asked().isEmpty()) {
                // "A server MAY ignore a received Upgrade header field" (RFC 9110 §7.8)
                ev.add(UpgradeFinding.IGNORED.at(resp.startLine(), resp.status()));
            }
            if (!lists.upgrade().isEmpty() && !hasTls(lists)) {
                // "A server MAY send an Upgrade header field in any other response to advertise" (§7.8)
                ev.add(UpgradeFinding.ADVERTISED.at(lists.valueOrStartLine("Upgrade"), joined(lists.protocols())));
            }
        }
    }

    private static void switched(Exchange x, HttpResponse resp, MessageLists lists, Evidence ev) {
        if (x.asked().isEmpty()) {
            // "A server MUST NOT switch to a protocol that was not indicated by the client" (RFC 9110 §7.8)
            ev.add(UpgradeFinding.SWITCH_UNASKED.at(resp.startLine()));
        } else if (x.request().isHttp10OrOlder()) {
            // the server MUST ignore Upgrade in an HTTP/1.0 request, so it cannot switch (§7.8)
            ev.add(UpgradeFinding.SWITCH_HTTP10.at(resp.startLine()));
        }
        if (expectsContinue(x) && x.interim().stream().noneMatch(r -> r.status() == 100)) {
            // "the server MUST send a 100 (Continue) response before sending a 101" (RFC 9110 §7.8)
            ev.add(UpgradeFinding.SWITCH_BEFORE_CONTINUE.at(resp.startLine()));
        }
        List<AskedProtocol> answered = lists.protocols();
        if (!lists.hasUpgradeField()) {
            // "The server MUST generate an Upgrade header field in the response" (RFC 9110 §15.2.2)
            ev.add(UpgradeFinding.SWITCH_WITHOUT_UPGRADE.at(resp.startLine()));
            return;
        }
        if (!lists.connectionHas("upgrade")) {
            // every sender of Upgrade also sends Connection: upgrade (RFC 9110 §7.8)
            ev.add(UpgradeFinding.RESPONSE_CONNECTION_MISSING.at(lists.lineOrStartLine("Upgrade"),
                    lists.connectionText()));
        }
        if (!x.asked().isEmpty()) {
            boolean anyOffered = answered.stream().anyMatch(a -> offered(x, a));
            for (AskedProtocol a : answered) {
                // an upper HTTP layer over a switched lower one is the current protocol carried on (RFC 2817 §3.3)
                boolean continuingHttp = anyOffered && a.name().equalsIgnoreCase("HTTP");
                if (!offered(x, a) && !continuingHttp) {
                    ev.add(UpgradeFinding.SWITCH_NOT_OFFERED.at(a.range(), a.raw(), joined(x.asked())));
                }
            }
        }
        if (answered.size() > 1) {
            // "the sender MUST list the protocols in layer-ascending order" (RFC 9110 §7.8)
            ev.add(UpgradeFinding.SWITCH_LAYERED.at(lists.valueOrStartLine("Upgrade"), joined(answered)));
        }
    }

    private static void required(Exchange x, HttpResponse resp, MessageLists lists, Evidence ev) {
        if (!lists.hasUpgradeField()) {
            // "The server MUST send an Upgrade header field in a 426 response" (RFC 9110 §15.5.22)
            ev.add(UpgradeFinding.REQUIRED_WITHOUT_UPGRADE.at(resp.startLine()));
        } else if (x.asked().isEmpty()) {
            ev.add(UpgradeFinding.SERVER_REQUIRED.at(lists.valueOrStartLine("Upgrade"), joined(lists.protocols())));
        }
    }

    /** Connection options that cannot work (RFC 9110 §7.6.1). */
    private static void connectionOptions(MessageLists lists, Evidence ev) {
        for (Token t : lists.connection().elements()) {
            if (END_TO_END.contains(t.text().toLowerCase(Locale.ROOT))) {
                // "A sender MUST NOT send a connection option corresponding to a field that is intended
                // for all recipients of the content" (RFC 9110 §7.6.1)
                ev.add(UpgradeFinding.CONNECTION_END_TO_END.at(t.range(), t.text()));
            } else if (t.is("upgrade") && !lists.hasUpgradeField()) {
                ev.add(UpgradeFinding.CONNECTION_WITHOUT_UPGRADE.at(t.range()));
            }
        }
    }

    private static boolean offered(Exchange x, AskedProtocol a) {
        for (AskedProtocol o : x.asked()) {
            if (o.sameProtocol(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean expectsContinue(Exchange x) {
        for (HeaderField f : x.request().headers().all("Expect")) {
            if (f.value().equalsIgnoreCase("100-continue")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTls(MessageLists lists) {
        for (AskedProtocol p : lists.protocols()) {
            if (p.family() == ProtocolFamily.TLS) {
                return true;
            }
        }
        return false;
    }

    static String joined(List<AskedProtocol> protocols) {
        if (protocols.size() == 1) {
            return protocols.get(0).raw();
        }
        StringJoiner joined = new StringJoiner(", ");
        for (AskedProtocol p : protocols) {
            joined.add(p.raw());
        }
        return joined.toString();
    }
}
