package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;

/**
 * A reverse listener's watch over the request heads a client sends before the protocol may switch:
 * the same head-size limit as a forward listener (RFC 6585 §5), a head held until it is whole, and
 * whether a whole head has arrived (what a reverse session whose upstream is down waits for before
 * it answers). The watch ends at the first request that asks for an upgrade or a tunnel (its answer
 * may switch the protocol) or at bytes that are not HTTP/1 (relayed as they are, e.g. the HTTP/2
 * preface); from then on everything is relayed untouched.
 */
final class ReverseHeadWatch {

    /**
     * What one read gave: a refusal (a head over the limit), or how far the held bytes may be
     * relayed ({@code relayTo}, an absolute offset), whether a whole head has been seen, whether a
     * head is being received, and whether the watch has ended.
     */
    record Step(Refusal refusal, long relayTo, boolean headSeen, boolean inHead, boolean ended) {
    }

    private final int maxHeadBytes;
    private final Http1Parser requests = Http1Parser.forRequests(0);
    /** Where the next head starts: the end of the last whole request. */
    private long nextHeadAt;
    /** The head starting here was checked whole. */
    private long checkedHeadAt = -1;
    private boolean headSeen;

    ReverseHeadWatch(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
    }

    /** Whether a whole request head has arrived. */
    boolean headSeen() {
        return headSeen;
    }

    /** The client sent {@code bytes}; {@code held} holds them (and any head still incomplete) already. */
    Step feed(byte[] bytes, HeldBytes held) {
        for (HttpMessage m : requests.feed(bytes)) {
            if (m instanceof HttpRequest r) {
                headSeen = true;
                if (r.head().length() > maxHeadBytes) {
                    return refused(HeadCheck.tooLarge(maxHeadBytes, "a head of " + r.head().length() + " bytes"));
                }
                nextHeadAt = r.head().offset() + r.length();
            }
        }
        if (requests.stopped()) {
            if (requests.stopFinding().filter(HeadCheck::isHeadLimit).isPresent()) {
                return refused(HeadCheck.tooLarge(maxHeadBytes, requests.stopFinding().get().code()));
            }
            headSeen = true;
            return new Step(null, held.end(), true, false, true);
        }
        if (requests.paused()) {
            headSeen = true;
            return new Step(null, held.end(), true, false, true);
        }
        int inHead = requests.headBuffered();
        if (inHead > 0) {
            if (inHead > maxHeadBytes) {
                return refused(HeadCheck.tooLarge(maxHeadBytes, "more than " + maxHeadBytes
                        + " bytes without the end of the head"));
            }
            return new Step(null, requests.position(), headSeen, true, false);
        }
        if (requests.position() > nextHeadAt && checkedHeadAt != nextHeadAt) {
            // in the body of a request whose head came whole in this read: it must have ended in time
            checkedHeadAt = nextHeadAt;
            headSeen = true;
            if (!held.headEndsWithin(Math.max(nextHeadAt, held.start()), maxHeadBytes)) {
                return refused(HeadCheck.tooLarge(maxHeadBytes, "more than " + maxHeadBytes
                        + " bytes without the end of the head"));
            }
        }
        return new Step(null, held.end(), headSeen, false, false);
    }

    private static Step refused(Refusal r) {
        return new Step(r, -1, true, false, true);
    }
}
