package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A tolerant, incremental HTTP/1.x parser for one direction of a connection. Bytes are fed in
 * arrival order; each call returns the messages they completed, with absolute byte ranges. It
 * never throws on input: deviations become findings in the messages.
 *
 * <p>The parser stops where HTTP/1 ends on its stream: after a {@code 101} or a 2xx to CONNECT
 * (responses), when the bytes are not HTTP/1 at all ({@code http1.not-http}), or when framing is
 * lost (a limit, an invalid length). A request parser pauses after a request that asks for an
 * upgrade or a tunnel, until the caller knows the answer: {@link #resume()} goes on reading
 * HTTP, {@link #takeRemainder()} hands the bytes over to another dissector.
 *
 * <p>Only a head (at most {@link #MAX_HEAD} bytes, lines of at most {@link #MAX_LINE}) is ever
 * buffered; body bytes are counted and ranged, not kept. Not thread-safe.
 */
public final class Http1Parser {

    /** The longest line accepted (start line, field line, chunk-size line), without its ending. */
    public static final int MAX_LINE = 8 * 1024;
    /** The largest head accepted, from the start line to the empty line. */
    public static final int MAX_HEAD = 64 * 1024;

    private enum State { HEAD, BODY_LENGTH, CHUNK_LINE, CHUNK_DATA, CHUNK_DATA_END, TRAILER, UNTIL_CLOSE,
        PAUSED, STOPPED, ENDED }

    private final Direction dir;
    private final boolean requests;
    private final Deque<HttpRequest> expected = new ArrayDeque<>();

    private byte[] buf = new byte[1024];
    private int len;
    private int pos;
    private long bufBase;

    private State state = State.HEAD;
    private int scan;
    private int lineStart;
    private long leadingFrom = -1;
    private MessageDraft draft;
    private long remaining;
    private long chunkDataFrom;
    private long chunkSize;
    private Finding stopFinding;
    private boolean switched;

    private Http1Parser(Direction dir, boolean requests, long startOffset) {
        this.dir = dir;
        this.requests = requests;
        this.bufBase = startOffset;
    }

    /** A parser of requests (client to server) whose first byte is at {@code startOffset}. */
    public static Http1Parser forRequests(long startOffset) {
        return new Http1Parser(Direction.C2S, true, startOffset);
    }

    /** A parser of responses (server to client) whose first byte is at {@code startOffset}. */
    public static Http1Parser forResponses(long startOffset) {
        return new Http1Parser(Direction.S2C, false, startOffset);
    }

    public Direction direction() {
        return dir;
    }

    /**
     * Queues the request that the next final response answers (in order, for pipelining). It
     * decides the response's body: none after HEAD, none and a tunnel after a 2xx to CONNECT.
     * Without a queued request a response is taken to answer a GET.
     */
    public void expectResponseTo(HttpRequest request) {
        expected.add(request);
    }

    /** Consumes {@code b[from, to)} and returns the messages completed by them, in order. */
    public List<HttpMessage> feed(byte[] b, int from, int to) {
        if (state == State.ENDED || to <= from) {
            return List.of();
        }
        append(b, from, to);
        return run();
    }

    public List<HttpMessage> feed(byte[] b) {
        return feed(b, 0, b.length);
    }

    /**
     * The stream has ended: returns a message cut short (with {@code complete=false} and a finding
     * saying where) or one whose body ran until close. Bytes held back by a pause or a stop stay
     * available to {@link #takeRemainder()}.
     */
    public List<HttpMessage> end() {
        List<HttpMessage> out = new ArrayList<>();
        switch (state) {
            case HEAD -> endInHead(out);
            case BODY_LENGTH, CHUNK_LINE, CHUNK_DATA, CHUNK_DATA_END, TRAILER -> {
                pos = len;
                draft.bodyFinding(Http1Finding.TRUNCATED_BODY.at(ByteRange.of(dir, draft.bodyStart(),
                        abs(len) - draft.bodyStart()), draft.payload()));
                out.add(draft.build(false, abs(len)));
            }
            case UNTIL_CLOSE -> {
                pos = len;
                out.add(draft.build(true, abs(len)));
            }
            default -> {
                return out;
            }
        }
        draft = null;
        state = State.ENDED;
        return out;
    }

    /** How many fed bytes are held (a partial head, or bytes after a pause or a stop). */
    int buffered() {
        return len - pos;
    }

    /**
     * How many bytes of a head not yet complete are held (0 between messages, in a body, after a
     * pause or a stop): what a proxy bounds in size and in time while a head arrives.
     */
    public int headBuffered() {
        return state == State.HEAD ? len - pos : 0;
    }

    /** Absolute offset of the next byte not consumed as HTTP/1. */
    public long position() {
        return abs(pos);
    }

    /** True when HTTP/1 has ended on this stream (switch, tunnel, not HTTP, framing lost). */
    public boolean stopped() {
        return state == State.STOPPED;
    }

    /** True when a request that asks for an upgrade or a tunnel has been read and the answer is awaited. */
    public boolean paused() {
        return state == State.PAUSED;
    }

    /** True when the parser stopped because a 101 or a 2xx to CONNECT switched the protocol. */
    public boolean switched() {
        return switched;
    }

    /**
     * Why the parser stopped when it was not a protocol switch: {@code http1.not-http}, a limit, or
     * lost chunked framing. Framing lost by an invalid Content-Length or Transfer-Encoding is
     * reported on that field of the last message instead.
     */
    public Optional<Finding> stopFinding() {
        return Optional.ofNullable(stopFinding);
    }

    /** After a pause: reads the held bytes as HTTP/1 again and returns the messages they complete. */
    public List<HttpMessage> resume() {
        if (state != State.PAUSED) {
            return List.of();
        }
        state = State.HEAD;
        return run();
    }

    /**
     * Hands over every byte not consumed as HTTP/1 (after a stop, or instead of resuming after a
     * pause), including bytes fed later, with the absolute offset of the first one ({@code nanos}
     * is 0: the caller knows the arrival times). A paused parser stops for good. In any other state
     * the chunk is empty.
     */
    public Chunk takeRemainder() {
        if (state == State.PAUSED) {
            state = State.STOPPED;
        }
        if (state != State.STOPPED) {
            return new Chunk(dir, abs(pos), 0, new byte[0]);
        }
        Chunk c = new Chunk(dir, abs(pos), 0, Arrays.copyOfRange(buf, pos, len));
        bufBase = abs(len);
        pos = 0;
        len = 0;
        return c;
    }

    // ------------------------------------------------------------------ the loop

    private List<HttpMessage> run() {
        List<HttpMessage> out = new ArrayList<>();
        while (step(out)) {
            // each step consumes bytes or changes state
        }
        compact();
        return out;
    }

    private boolean step(List<HttpMessage> out) {
        return switch (state) {
            case HEAD -> head(out);
            case BODY_LENGTH -> fixedBody(out);
            case UNTIL_CLOSE -> untilClose();
            case CHUNK_LINE -> chunkLine(out);
            case CHUNK_DATA -> chunkData();
            case CHUNK_DATA_END -> chunkDataEnd();
            case TRAILER -> trailer(out);
            case PAUSED, STOPPED, ENDED -> false;
        };
    }

    private boolean head(List<HttpMessage> out) {
        if (draft == null && scan == pos && !skipLeadingEmptyLines()) {
            return false;
        }
        if (pos >= len) {
            return false;
        }
        if (scan == pos) {
            HeadReader.Start start = HeadReader.start(buf, pos, Math.min(len, pos + MAX_LINE + 2), requests);
            if (start == HeadReader.Start.NOT_HTTP) {
                stop(Http1Finding.NOT_HTTP.at(ByteRange.of(dir, abs(pos), 1)));
                return false;
            }
            if (start == HeadReader.Start.NEED_MORE) {
                if (len - pos >= MAX_LINE + 2) {
                    stop(Http1Finding.LINE_TOO_LONG.at(ByteRange.of(dir, abs(pos), MAX_LINE + 2), MAX_LINE));
                }
                return false;
            }
            lineStart = pos;
        }
        // each limit is crossed at one definite byte, so the outcome does not depend on how bytes arrive
        for (int i = Math.max(scan, pos); i < len; i++) {
            if (i - pos >= MAX_HEAD) {
                return overLimit(out, Http1Finding.HEAD_TOO_LARGE.at(ByteRange.of(dir, abs(pos), MAX_HEAD), MAX_HEAD));
            }
            if (buf[i] != '\n') {
                if (i - lineStart >= MAX_LINE + 1) {
                    return overLimit(out, Http1Finding.LINE_TOO_LONG.at(ByteRange.of(dir, abs(lineStart),
                            MAX_LINE + 2), MAX_LINE));
                }
                continue;
            }
            int content = i - lineStart - (i > lineStart && buf[i - 1] == '\r' ? 1 : 0);
            if (content == 0 && lineStart != pos) {
                onHead(out, pos, i + 1);
                return true;
            }
            lineStart = i + 1;
        }
        scan = len;
        return false;
    }

    /** Skips empty lines before a start line (RFC 9112 §2.2); false when more bytes are needed. */
    private boolean skipLeadingEmptyLines() {
        while (pos < len) {
            if (buf[pos] == '\n') {
                markLeading();
                pos++;
            } else if (buf[pos] == '\r') {
                if (pos + 1 >= len) {
                    return false;
                }
                if (buf[pos + 1] != '\n') {
                    break;
                }
                markLeading();
                pos += 2;
            } else {
                break;
            }
        }
        scan = pos;
        return true;
    }

    private void markLeading() {
        if (leadingFrom < 0) {
            leadingFrom = abs(pos);
        }
    }

    /** A line or the head is over its limit: the message read so far is given, then HTTP/1 stops. */
    private boolean overLimit(List<HttpMessage> out, Finding f) {
        if (lineStart == pos) {
            stop(f);
            return false;
        }
        ParsedHead h = new HeadReader(buf, 0, bufBase, dir).read(pos, lineStart, requests);
        MessageDraft d = new MessageDraft(h, new BodyPlan(BodyFraming.NONE, 0, false, false), dir);
        leadingFindings(d);
        d.rootFinding(f);
        out.add(d.build(false, abs(lineStart)));
        pos = lineStart;
        stop(f);
        return false;
    }

    private void onHead(List<HttpMessage> out, int from, int to) {
        ParsedHead h = new HeadReader(buf, 0, bufBase, dir).read(from, to, requests);
        pos = to;
        scan = to;
        BodyPlan plan;
        if (requests) {
            plan = BodyPlan.forRequest(h);
            hostChecks(h);
        } else {
            int status = ((StartLine.StatusLine) h.startLine()).status();
            HttpRequest answered = expected.peek();
            String method = answered == null ? "GET" : answered.method();
            plan = BodyPlan.forResponse(h, status, method);
            if (status < 100 || status >= 200) {
                expected.poll(); // 1xx are interim: the final response still follows (RFC 9110 §15.2)
            }
        }
        draft = new MessageDraft(h, plan, dir);
        leadingFindings(draft);
        if (plan.lost()) {
            out.add(draft.build(true, abs(pos)));
            draft = null;
            stop(null);
            return;
        }
        switch (plan.framing()) {
            case CONTENT_LENGTH -> {
                remaining = plan.length();
                state = State.BODY_LENGTH;
                if (remaining == 0) {
                    finish(out);
                }
            }
            case CHUNKED -> state = State.CHUNK_LINE;
            case UNTIL_CLOSE -> state = State.UNTIL_CLOSE;
            case NONE -> finish(out);
        }
    }

    private void leadingFindings(MessageDraft d) {
        if (leadingFrom >= 0) {
            long n = d.head().head().offset() - leadingFrom;
            d.rootFinding(Http1Finding.LEADING_EMPTY_LINES.at(ByteRange.of(dir, leadingFrom, n), n));
            leadingFrom = -1;
        }
    }

    /** Host is required once in an HTTP/1.1 request (RFC 9112 §3.2). */
    private static void hostChecks(ParsedHead h) {
        if (!(h.startLine() instanceof StartLine.RequestLine r) || !r.version().equals("HTTP/1.1")) {
            return;
        }
        List<Integer> hosts = new ArrayList<>();
        for (int i = 0; i < h.fields().size(); i++) {
            if (h.fields().get(i).is("Host")) {
                hosts.add(i);
            }
        }
        if (hosts.isEmpty()) {
            h.findings().add(Http1Finding.HOST_MISSING.at(r.range()));
        } else if (hosts.size() > 1) {
            int second = hosts.get(1);
            h.addFieldFinding(second, Http1Finding.HOST_DUPLICATE.at(h.fields().get(second).line(), hosts.size()));
        }
    }

    /** The current message is complete: emit it and decide what the stream does next. */
    private void finish(List<HttpMessage> out) {
        HttpMessage m = draft.build(true, abs(pos));
        out.add(m);
        BodyPlan plan = draft.plan();
        draft = null;
        scan = pos;
        if (plan.switches()) {
            switched = true;
            state = State.STOPPED;
        } else if (m instanceof HttpRequest r && (r.headers().has("Upgrade") || r.method().equals("CONNECT"))) {
            // the answer decides whether the next bytes are HTTP/1 or the new protocol (RFC 9110 §7.8, §9.3.6)
            state = State.PAUSED;
        } else {
            state = State.HEAD;
        }
    }

    private void stop(Finding why) {
        stopFinding = why;
        state = State.STOPPED;
    }

    // ------------------------------------------------------------------ bodies

    private boolean fixedBody(List<HttpMessage> out) {
        long n = Math.min(remaining, len - pos);
        pos += (int) n;
        remaining -= n;
        draft.payloadBytes(n);
        if (remaining == 0) {
            finish(out);
            return true;
        }
        return false;
    }

    private boolean untilClose() {
        draft.payloadBytes(len - pos);
        pos = len;
        return false;
    }

    private boolean chunkLine(List<HttpMessage> out) {
        HeadLine line = HeadLine.at(buf, pos, Math.min(len, pos + MAX_LINE + 2));
        if (line == null) {
            if (len - pos >= MAX_LINE + 2) {
                return lostInBody(out, Http1Finding.LINE_TOO_LONG.at(ByteRange.of(dir, abs(pos), MAX_LINE + 2),
                        MAX_LINE));
            }
            return false;
        }
        if (line.bareLf()) {
            draft.bareLf(ByteRange.of(dir, abs(line.to()), 1));
        }
        // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; chunk-size = 1*HEXDIG (RFC 9112 §7.1)
        int s = line.from();
        int e = s;
        while (e < line.to() && Character.digit(buf[e], 16) >= 0) {
            e++;
        }
        int rest = e;
        while (rest < line.to() && HttpGrammar.isOws(buf[rest])) {
            rest++;
        }
        if (e == s || e - s > 15 || (rest < line.to() && buf[rest] != ';')) {
            String text = new String(buf, s, line.to() - s, java.nio.charset.StandardCharsets.ISO_8859_1);
            return lostInBody(out, Http1Finding.CHUNK_SIZE_INVALID.at(ByteRange.of(dir, abs(s), line.to() - s), text));
        }
        String sizeText = new String(buf, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
        long size = Long.parseLong(sizeText, 16);
        ByteRange.InStream ext = rest < line.to() ? ByteRange.of(dir, abs(rest), line.to() - rest) : null;
        String extText = ext == null ? null
                : new String(buf, rest, line.to() - rest, java.nio.charset.StandardCharsets.ISO_8859_1);
        draft.chunkLine(ByteRange.of(dir, abs(s), line.end() - s), ByteRange.of(dir, abs(s), e - s), sizeText,
                ext, extText, size);
        pos = line.end();
        if (size == 0) {
            state = State.TRAILER;
            scan = pos;
        } else {
            chunkSize = size;
            remaining = size;
            chunkDataFrom = abs(pos);
            state = State.CHUNK_DATA;
        }
        return true;
    }

    private boolean chunkData() {
        long n = Math.min(remaining, len - pos);
        pos += (int) n;
        remaining -= n;
        draft.payloadBytes(n);
        if (remaining == 0) {
            state = State.CHUNK_DATA_END;
            return true;
        }
        return false;
    }

    private boolean chunkDataEnd() {
        if (pos >= len) {
            return false;
        }
        Finding problem = null;
        if (buf[pos] == '\n') {
            draft.bareLf(ByteRange.of(dir, abs(pos), 1));
            pos++;
        } else if (buf[pos] == '\r' && pos + 1 >= len) {
            return false;
        } else if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
            pos += 2;
        } else {
            // chunk-data is followed by CRLF (RFC 9112 §7.1); read on as if it were there
            problem = Http1Finding.CHUNK_MISSING_CRLF.at(ByteRange.of(dir, abs(pos), 1));
        }
        draft.chunkEnd(chunkDataFrom, chunkSize, abs(pos), problem);
        state = State.CHUNK_LINE;
        return true;
    }

    private boolean trailer(List<HttpMessage> out) {
        int p = Math.max(scan, pos);
        while (true) {
            // a line ends within MAX_LINE + 2 bytes, the section within MAX_HEAD bytes
            int lineLimit = p + MAX_LINE + 2;
            int sectionLimit = pos + MAX_HEAD;
            HeadLine line = HeadLine.at(buf, p, Math.min(len, Math.min(lineLimit, sectionLimit)));
            if (line == null) {
                scan = p;
                if (len >= Math.min(lineLimit, sectionLimit)) {
                    return lostInBody(out, lineLimit <= sectionLimit
                            ? Http1Finding.LINE_TOO_LONG.at(ByteRange.of(dir, abs(p), MAX_LINE + 2), MAX_LINE)
                            : Http1Finding.HEAD_TOO_LARGE.at(ByteRange.of(dir, abs(pos), MAX_HEAD), MAX_HEAD));
                }
                return false;
            }
            p = line.end();
            if (line.empty()) {
                break;
            }
        }
        // trailer-section = *( field-line CRLF ), then CRLF (RFC 9112 §7.1.2)
        HeadReader reader = new HeadReader(buf, 0, bufBase, dir);
        HeadReader.FieldSection section = reader.readFields(pos, p, -1);
        if (!section.fields().isEmpty() || !section.findings().isEmpty()) {
            draft.trailer(section.fields(), reader.range(pos, p), section.findings());
        }
        pos = p;
        finish(out);
        return true;
    }

    private boolean lostInBody(List<HttpMessage> out, Finding why) {
        draft.bodyFinding(why);
        out.add(draft.build(false, abs(pos)));
        draft = null;
        stop(why);
        return false;
    }

    // ------------------------------------------------------------------ end of stream

    private void endInHead(List<HttpMessage> out) {
        if (pos >= len || (draft == null && onlyLineEndings())) {
            pos = len;
            return;
        }
        ParsedHead h = new HeadReader(buf, 0, bufBase, dir).read(pos, len, requests);
        MessageDraft d = new MessageDraft(h, new BodyPlan(BodyFraming.NONE, 0, false, false), dir);
        leadingFindings(d);
        // a message whose head ends before the empty line is incomplete (RFC 9112 §8)
        d.rootFinding(Http1Finding.TRUNCATED_HEAD.at(ByteRange.of(dir, abs(pos), len - pos), len - pos));
        pos = len;
        out.add(d.build(false, abs(len)));
    }

    private boolean onlyLineEndings() {
        for (int i = pos; i < len; i++) {
            if (buf[i] != '\r' && buf[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ buffer

    private long abs(int index) {
        return bufBase + index;
    }

    private void append(byte[] b, int from, int to) {
        int n = to - from;
        if (len + n > buf.length) {
            compact();
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
        System.arraycopy(b, from, buf, len, n);
        len += n;
    }

    /** Drops consumed bytes; body bytes are never kept past the call that brought them. */
    private void compact() {
        if (pos == 0) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        bufBase += pos;
        len -= pos;
        scan = Math.max(0, scan - pos);
        lineStart = Math.max(0, lineStart - pos);
        pos = 0;
        if (buf.length > 4 * MAX_HEAD && len < MAX_HEAD) {
            buf = Arrays.copyOf(buf, Math.max(1024, len * 2));
        }
    }
}
