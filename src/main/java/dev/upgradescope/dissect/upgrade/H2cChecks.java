package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.http2.Setting;
import java.util.ArrayList;
import java.util.List;

/** The checks of the HTTP/2 upgrade over cleartext (RFC 7540 §3.2, §3.2.1; RFC 9113 §3.1). */
final class H2cChecks {

    private H2cChecks() {
    }

    /**
     * The request side: the {@code h2}/{@code h2c} tokens, and every {@code HTTP2-Settings} line,
     * which is decoded (and hung in the tree) whatever was asked.
     */
    static void request(Exchange x, Evidence ev) {
        HttpRequest req = x.request();
        for (AskedProtocol p : x.asked()) {
            if (p.family() == ProtocolFamily.H2) {
                // "A server MUST ignore an 'h2' token in an Upgrade header field" (RFC 7540 §3.2)
                ev.add(H2cFinding.H2_CLEARTEXT.at(p.range()));
            } else if (p.family() == ProtocolFamily.H2C) {
                // the h2c upgrade "is deprecated by this document" (RFC 9113 §3.1)
                ev.add(H2cFinding.DEPRECATED.at(p.range()));
            }
        }
        List<HeaderField> settings = req.headers().all("HTTP2-Settings");
        for (HeaderField f : settings) {
            Http2SettingsHeader.Decoded d = Http2SettingsHeader.decode(f);
            ev.addAll(d.findings());
            d.children().forEach(c -> ev.decorate(f, c));
        }
        if (!x.asks(ProtocolFamily.H2C)) {
            return;
        }
        if (settings.isEmpty()) {
            // "MUST include exactly one HTTP2-Settings header field" (RFC 7540 §3.2.1)
            ev.add(H2cFinding.SETTINGS_MISSING.at(x.asked().stream()
                    .filter(p -> p.family() == ProtocolFamily.H2C).findFirst().orElseThrow().range()));
        } else {
            if (settings.size() > 1) {
                ev.add(H2cFinding.SETTINGS_DUPLICATE.at(settings.get(1).line(), settings.size()));
            }
            if (!x.requestLists().connectionHas("HTTP2-Settings")) {
                // "MUST also send 'HTTP2-Settings' as a connection option" (RFC 7540 §3.2.1)
                ev.add(H2cFinding.SETTINGS_NOT_IN_CONNECTION.at(settings.get(0).line(),
                        x.requestLists().connectionText()));
            }
        }
        if (req.body().present()) {
            // a request body "MUST be sent in their entirety before the client can send HTTP/2
            // frames" (RFC 7540 §3.2)
            ev.add(H2cFinding.REQUEST_BODY.at(req.body().wire(), req.body().payloadLength()));
        }
    }

    /** Any response carrying HTTP2-Settings, and a switch to {@code h2} (RFC 7540 §3.2, §3.2.1). */
    static void response(Exchange x, Evidence ev) {
        if (x.response().isEmpty()) {
            return;
        }
        HttpResponse resp = x.response().get();
        // "A server MUST NOT send this header field" (RFC 7540 §3.2.1)
        resp.headers().first("HTTP2-Settings").ifPresent(f -> ev.add(H2cFinding.SETTINGS_IN_RESPONSE.at(f.line())));
        if (resp.status() == 101) {
            for (AskedProtocol p : x.answered()) {
                if (p.family() == ProtocolFamily.H2) {
                    ev.add(H2cFinding.SWITCH_TO_H2.at(p.range()));
                }
            }
        }
    }

    /** The settings of the request's first HTTP2-Settings line, as they count after the switch. */
    static List<Setting> settingsFromHeader(Exchange x) {
        return x.request().headers().first("HTTP2-Settings")
                .map(f -> Http2SettingsHeader.decode(f).settings()).orElseGet(ArrayList::new);
    }
}
