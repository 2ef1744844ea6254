package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * One request and what came back so far: the interim 1xx responses (other than 101) and the final
 * answer (a 101, or a response of 200 or more), if any. The checks read it.
 */
record Exchange(HttpRequest request, MessageLists requestLists, List<HttpResponse> interim,
                Optional<HttpResponse> response, Optional<MessageLists> responseLists, List<AskedProtocol> asked) {

    static Exchange of(HttpRequest request, List<HttpResponse> interim, HttpResponse response) {
        MessageLists req = MessageLists.of(request);
        return new Exchange(request, req, List.copyOf(interim), Optional.ofNullable(response),
                Optional.ofNullable(response).map(MessageLists::of), req.protocols());
    }

    boolean asks(ProtocolFamily family) {
        for (AskedProtocol p : asked) {
            if (p.family() == family) {
                return true;
            }
        }
        return false;
    }

    int status() {
        return response.map(HttpResponse::status).orElse(-1);
    }

    boolean switched() {
        return status() == 101;
    }

    /** The protocols the 101 (or 426) names, bottom layer first; empty without one. */
    List<AskedProtocol> answered() {
        return responseLists.map(MessageLists::protocols).orElse(List.of());
    }

    /** The family the connection switched to: from the 101's Upgrade, else what the client asked first. */
    Optional<ProtocolFamily> switchedFamily() {
        if (!switched()) {
            return Optional.empty();
        }
        List<AskedProtocol> answered = answered();
        if (!answered.isEmpty()) {
            return Optional.of(answered.get(0).family());
        }
        return asked.isEmpty() ? Optional.empty() : Optional.of(asked.get(0).family());
    }
}
