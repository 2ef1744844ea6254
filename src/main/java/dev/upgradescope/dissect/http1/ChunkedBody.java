package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.List;

/**
 * The chunked transfer coding of a message body (RFC 9112 §7.1), read by {@link Http1Parser} from
 * its buffer: chunk-size lines with their extensions, chunk data (counted, not kept), the CRLF after
 * each chunk, and the trailer section. Each step returns false when it needs more bytes.
 */
final class ChunkedBody {

    private ChunkedBody() {
    }

    /** A chunk-size line (RFC 9112 §7.1); false when more bytes are needed or framing was lost. */
    static boolean chunkLine(Http1Parser p, List<HttpMessage> out) {
        HeadLine line = HeadLine.at(p.buf, p.pos, Math.min(p.len, p.pos + Http1Parser.MAX_LINE + 2));
        if (line == null) {
            if (p.len - p.pos >= Http1Parser.MAX_LINE + 2) {
                return p.lostInBody(out, Http1Finding.LINE_TOO_LONG.at(ByteRange.of(p.dir, p.abs(p.pos), Http1Parser.MAX_LINE + 2),
                        Http1Parser.MAX_LINE));
            }
            return false;
        }
        if (line.bareLf()) {
            p.draft.bareLf(ByteRange.of(p.dir, p.abs(line.to()), 1));
        }
        // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; chunk-size = 1*HEXDIG (RFC 9112 §7.1)
        int s = line.from();
        int e = s;
        while (e < line.to() && Character.digit(p.buf[e], 16) >= 0) {
            e++;
        }
        int rest = e;
        while (rest < line.to() && HttpGrammar.isOws(p.buf[rest])) {
            rest++;
        }
        if (e == s || e - s > 15 || (rest < line.to() && p.buf[rest] != ';')) {
            String text = new String(p.buf, s, line.to() - s, java.nio.charset.StandardCharsets.ISO_8859_1);
            return p.lostInBody(out, Http1Finding.CHUNK_SIZE_INVALID.at(ByteRange.of(p.dir, p.abs(s), line.to() - s), text));
        }
        String sizeText = new String(p.buf, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
        long size = Long.parseLong(sizeText, 16);
        ByteRange.InStream ext = rest < line.to() ? ByteRange.of(p.dir, p.abs(rest), line.to() - rest) : null;
        String extText = ext == null ? null
                : new String(p.buf, rest, line.to() - rest, java.nio.charset.StandardCharsets.ISO_8859_1);
        p.draft.chunkLine(ByteRange.of(p.dir, p.abs(s), line.end() - s), ByteRange.of(p.dir, p.abs(s), e - s), sizeText,
                ext, extText, size);
        p.pos = line.end();
        if (size == 0) {
            p.state = Http1Parser.State.TRAILER;
            p.scan = p.pos;
        } else {
            p.chunkSize = size;
            p.remaining = size;
            p.chunkDataFrom = p.abs(p.pos);
            p.state = Http1Parser.State.CHUNK_DATA;
        }
        return true;
    }

    /** Chunk data: counted, not kept. */
    static boolean chunkData(Http1Parser p) {
        long n = Math.min(p.remaining, p.len - p.pos);
        p.pos += (int) n;
        p.remaining -= n;
        p.draft.payloadBytes(n);
        if (p.remaining == 0) {
            p.state = Http1Parser.State.CHUNK_DATA_END;
            return true;
        }
        return false;
    }

    /** The CRLF after chunk data. */
    static boolean chunkDataEnd(Http1Parser p) {
        if (p.pos >= p.len) {
            return false;
        }
        Finding problem = null;
        if (p.buf[p.pos] == '\n') {
            p.draft.bareLf(ByteRange.of(p.dir, p.abs(p.pos), 1));
            p.pos++;
        } else if (p.buf[p.pos] == '\r' && p.pos + 1 >= p.len) {
            return false;
        } else if (p.buf[p.pos] == '\r' && p.buf[p.pos + 1] == '\n') {
            p.pos += 2;
        } else {
            // chunk-data is followed by CRLF (RFC 9112 §7.1); read on as if it were there
            problem = Http1Finding.CHUNK_MISSING_CRLF.at(ByteRange.of(p.dir, p.abs(p.pos), 1));
        }
        p.draft.chunkEnd(p.chunkDataFrom, p.chunkSize, p.abs(p.pos), problem);
        p.state = Http1Parser.State.CHUNK_LINE;
        return true;
    }

    /** The trailer section after the last chunk, then the message is complete. */
    static boolean trailer(Http1Parser p, List<HttpMessage> out) {
        int at = Math.max(p.scan, p.pos);
        while (true) {
            // a line ends within Http1Parser.MAX_LINE + 2 bytes, the section within Http1Parser.MAX_HEAD bytes
            int lineLimit = at + Http1Parser.MAX_LINE + 2;
            int sectionLimit = p.pos + Http1Parser.MAX_HEAD;
            HeadLine line = HeadLine.at(p.buf, at, Math.min(p.len, Math.min(lineLimit, sectionLimit)));
            if (line == null) {
                p.scan = at;
                if (p.len >= Math.min(lineLimit, sectionLimit)) {
                    return p.lostInBody(out, lineLimit <= sectionLimit
                            ? Http1Finding.LINE_TOO_LONG.at(ByteRange.of(p.dir, p.abs(at), Http1Parser.MAX_LINE + 2), Http1Parser.MAX_LINE)
                            : Http1Finding.HEAD_TOO_LARGE.at(ByteRange.of(p.dir, p.abs(p.pos), Http1Parser.MAX_HEAD), Http1Parser.MAX_HEAD));
                }
                return false;
            }
            at = line.end();
            if (line.empty()) {
                break;
            }
        }
        // trailer-section = *( field-line CRLF ), then CRLF (RFC 9112 §7.1.2)
        HeadReader reader = new HeadReader(p.buf, 0, p.bufBase, p.dir);
        HeadReader.FieldSection section = reader.readFields(p.pos, at, -1);
        if (!section.fields().isEmpty() || !section.findings().isEmpty()) {
            p.draft.trailer(section.fields(), reader.range(p.pos, at), section.findings());
        }
        p.pos = at;
        p.finish(out);
        return true;
    }
}
