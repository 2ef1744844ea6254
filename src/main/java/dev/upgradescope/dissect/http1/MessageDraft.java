package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A message whose head has been read and whose body is being counted: collects the chunk nodes,
 * trailer fields and findings until the message is complete (or the stream ends), then builds the
 * record and its field tree.
 */
final class MessageDraft {

    /** Chunks listed one by one in the tree; later ones are summed up in one node (a long stream). */
    static final int MAX_CHUNK_NODES = 1000;

    private final ParsedHead head;
    private final BodyPlan plan;
    private final Direction dir;
    private final long bodyStart;
    private final List<Finding> rootFindings = new ArrayList<>();
    private final List<Finding> bodyFindings = new ArrayList<>();
    private final List<Field> chunks = new ArrayList<>();
    private long payload;
    private int chunkCount;
    private boolean bareLfSeen;

    // the chunk being read
    private Field.Builder chunk;
    private long chunkFrom;
    private long unlistedFrom = -1;
    private long unlistedEnd;
    private long unlistedCount;

    MessageDraft(ParsedHead head, BodyPlan plan, Direction dir) {
        this.head = head;
        this.plan = plan;
        this.dir = dir;
        this.bodyStart = head.head().end();
        rootFindings.addAll(head.findings());
        bareLfSeen = head.findings().stream().anyMatch(f -> f.code().equals(Http1Finding.BARE_LF.code()));
    }

    /** A bare LF ended a line of the body framing; reported once per message (RFC 9112 §2.2). */
    void bareLf(ByteRange.InStream at) {
        if (!bareLfSeen) {
            bodyFindings.add(Http1Finding.BARE_LF.at(at));
            bareLfSeen = true;
        }
    }

    ParsedHead head() {
        return head;
    }

    BodyPlan plan() {
        return plan;
    }

    long bodyStart() {
        return bodyStart;
    }

    long payload() {
        return payload;
    }

    void rootFinding(Finding f) {
        rootFindings.add(f);
    }

    void bodyFinding(Finding f) {
        bodyFindings.add(f);
    }

    void payloadBytes(long n) {
        payload += n;
    }

    /** A chunk-size line {@code [from, lineEnd)} announcing {@code size} bytes. */
    void chunkLine(ByteRange.InStream line, ByteRange.InStream sizeRange, String sizeText,
                   ByteRange.InStream extRange, String ext, long size) {
        chunkFrom = line.offset();
        chunk = Field.builder(size == 0 ? "Last chunk" : "Chunk", size + " bytes", line)
                .leaf("Chunk size", sizeText, sizeRange);
        if (extRange != null) {
            chunk.leaf("Chunk extension", ext, extRange);
        }
        if (size == 0) {
            listChunk(chunk.build());
            chunk = null;
        }
    }

    /** The current chunk's data is {@code [dataFrom, dataFrom + size)} and the chunk ends at {@code end}. */
    void chunkEnd(long dataFrom, long size, long end, Finding problem) {
        if (chunk == null) {
            return;
        }
        chunk.range(ByteRange.of(dir, chunkFrom, end - chunkFrom))
                .leaf("Chunk data", size + " bytes", ByteRange.of(dir, dataFrom, size));
        if (problem != null) {
            chunk.finding(problem);
        }
        listChunk(chunk.build());
        chunk = null;
        chunkCount++;
    }

    private void listChunk(Field node) {
        if (chunks.size() < MAX_CHUNK_NODES || !node.findings().isEmpty() || node.label().equals("Last chunk")) {
            chunks.add(node);
            return;
        }
        ByteRange.InStream r = (ByteRange.InStream) node.range();
        if (unlistedFrom < 0) {
            unlistedFrom = r.offset();
        }
        unlistedEnd = r.end();
        unlistedCount++;
    }

    void trailer(List<HeaderField> fields, ByteRange.InStream range, List<Finding> findings) {
        Field.Builder node = Field.builder("Trailer section", fields.size() + " fields", range);
        for (HeaderField f : fields) {
            node.add(fieldNode(f));
        }
        node.findings(findings);
        chunks.add(node.build());
    }

    static Field fieldNode(HeaderField f) {
        return Field.builder(f.name(), f.value(), f.line())
                .leaf("Name", f.name(), f.nameRange())
                .leaf("Value", f.value(), f.valueRange())
                .findings(f.findings()).build();
    }

    /** The finished message; the body spans {@code [bodyStart, bodyEnd)}. */
    HttpMessage build(boolean complete, long bodyEnd) {
        if (chunk != null) {
            chunks.add(chunk.build());
            chunk = null;
        }
        ByteRange.InStream wire = ByteRange.of(dir, bodyStart, bodyEnd - bodyStart);
        Body body = plan.framing() == BodyFraming.NONE ? Body.none(wire)
                : new Body(plan.framing(), wire, payload, complete);
        Headers headers = new Headers(head.fields());
        StartLine start = head.startLine();
        ByteRange.InStream whole = ByteRange.of(dir, head.head().offset(), bodyEnd - head.head().offset());
        String summary = summary(start);
        Field.Builder root = Field.builder(start instanceof StartLine.RequestLine ? "Request" : "Response", summary,
                whole).add(start.node());
        for (HeaderField f : head.fields()) {
            root.add(fieldNode(f));
        }
        if (body.present() || !bodyFindings.isEmpty()) {
            Field.Builder b = Field.builder("Body", bodyValue(body), wire).findings(bodyFindings);
            List<Field> listed = new ArrayList<>(chunks);
            if (unlistedCount > 0) {
                listed.add(Math.min(MAX_CHUNK_NODES, listed.size()), Field.leaf("Chunks not listed",
                        String.valueOf(unlistedCount), ByteRange.of(dir, unlistedFrom, unlistedEnd - unlistedFrom)));
            }
            listed.forEach(b::add);
            root.add(b.build());
        }
        Field tree = root.findings(rootFindings).build();
        List<Finding> findings = tree.allFindings();
        if (start instanceof StartLine.RequestLine r) {
            return new HttpRequest(r.method(), r.target(), r.version(), r.methodRange(), r.targetRange(),
                    r.versionRange(), r.range(), headers, head.head(), body, complete, tree, findings);
        }
        StartLine.StatusLine s = (StartLine.StatusLine) start;
        return new HttpResponse(s.version(), s.status(), s.reason(), s.versionRange(), s.statusRange(),
                s.reasonRange(), s.range(), headers, head.head(), body, complete, tree, findings);
    }

    private String bodyValue(Body body) {
        return switch (body.framing()) {
            case CHUNKED -> payload + " bytes in " + chunkCount + " chunks";
            case CONTENT_LENGTH -> payload + " bytes (Content-Length: " + plan.length() + ")";
            case UNTIL_CLOSE -> payload + " bytes (until close)";
            case NONE -> "";
        };
    }

    private static String summary(StartLine start) {
        if (start instanceof StartLine.RequestLine r) {
            return r.method() + " " + r.target() + " " + r.version();
        }
        StartLine.StatusLine s = (StartLine.StatusLine) start;
        return s.version() + " " + s.status() + (s.reason().isEmpty() ? "" : " " + s.reason());
    }
}
