package dev.upgradescope.dissect.http2;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the dissector knows about one endpoint of the connection: the state its frames build up. */
final class Endpoint {

    static final int DEFAULT_MAX_FRAME_SIZE = 16_384;

    final boolean client;
    /** Decodes the header blocks this endpoint sends (its encoder's dynamic table). */
    final HpackDecoder decoder = new HpackDecoder();
    /** The largest frame this endpoint may send: the peer's SETTINGS_MAX_FRAME_SIZE (RFC 9113 §4.2). */
    long maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    /** SETTINGS_HEADER_TABLE_SIZE of each SETTINGS this endpoint sent, awaiting the peer's ACK (-1: none). */
    final Deque<Long> unackedTableSizes = new ArrayDeque<>();
    /** This endpoint sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (RFC 8441 §3). */
    boolean connectProtocolEnabled;
    boolean sawFrame;
    List<Setting> firstSettings;
    int lastStreamId;
    int lastPromisedId;
    final Set<Integer> streamsWithHeaders = new HashSet<>();
    /** The header block this endpoint has begun and not ended, if any. */
    HeaderBlockAssembler openBlock;

    Endpoint(boolean client) {
        this.client = client;
    }

    String role() {
        return client ? "client" : "server";
    }
}
