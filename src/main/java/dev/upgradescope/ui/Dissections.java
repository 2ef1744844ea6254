package dev.upgradescope.ui;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.Dissected;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dissection the window records with. Interim: until the dissect layer's connection dissector
 * is on this branch, connections are cut into their HTTP/1.1 messages (with field trees) and the
 * verdict is read from the status alone (101 upgraded, 426 refused, anything else ignored); the
 * bytes after a switch stay undissected. Replace {@link #factory()} with the connection dissector's
 * adapter when it lands.
 */
final class Dissections {

    private Dissections() {
    }

    static ConnectionDissection.Factory factory() {
        return Http1Only::new;
    }

    /** HTTP/1.1 messages of both directions and a status-based verdict on the first upgrade request. */
    static final class Http1Only implements ConnectionDissection {
        private final Http1Parser requests = Http1Parser.forRequests(0);
        private final Http1Parser responses = Http1Parser.forResponses(0);
        private List<String> asked;
        private boolean judged;

        @Override
        public List<Dissected> feed(Direction dir, long offset, byte[] bytes) {
            List<Dissected> out = new ArrayList<>();
            if (dir == Direction.C2S) {
                take(requests.feed(bytes), out);
            } else {
                take(responses.feed(bytes), out);
            }
            return out;
        }

        @Override
        public List<Dissected> end(Direction dir) {
            List<Dissected> out = new ArrayList<>();
            take(dir == Direction.C2S ? requests.end() : responses.end(), out);
            if (asked != null && !judged && dir == Direction.S2C) {
                judged = true;
                out.add(new Dissected.Handshake(asked, UpgradeOutcome.INCOMPLETE, 0, List.of()));
            }
            return out;
        }

        private void take(List<HttpMessage> messages, List<Dissected> out) {
            for (HttpMessage m : messages) {
                out.add(new Dissected.UnitDone(m));
                if (m instanceof HttpRequest r) {
                    responses.expectResponseTo(r);
                    if (asked == null) {
                        r.headers().combined("Upgrade").ifPresent(v -> asked = Arrays.stream(v.split(","))
                                .map(String::trim).filter(s -> !s.isEmpty()).toList());
                    }
                } else if (m instanceof HttpResponse r && !r.isInformational() || m instanceof HttpResponse s
                        && s.status() == 101) {
                    answered((HttpResponse) m, out);
                }
            }
        }

        private void answered(HttpResponse r, List<Dissected> out) {
            if (asked != null && !judged) {
                judged = true;
                UpgradeOutcome outcome = r.status() == 101 ? UpgradeOutcome.UPGRADED
                        : r.status() == 426 ? UpgradeOutcome.REFUSED : UpgradeOutcome.IGNORED;
                out.add(new Dissected.Handshake(asked, outcome, r.status(), List.of()));
            }
            if (r.status() != 101 && requests.paused()) {
                take(requests.resume(), out);
            }
        }
    }
}
