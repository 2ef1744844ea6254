package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a head already delimited in a buffer: the start line (RFC 9112 §3, §4) and the field
 * lines (§5) with their byte ranges, joining obs-fold continuation lines (§5.2). Text is decoded
 * one byte per character (ISO-8859-1) so character positions map to bytes.
 */
final class HeadReader {

    enum Start { HTTP, NOT_HTTP, NEED_MORE }

    private static final byte[] HTTP_SLASH = "HTTP/".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    private final byte[] buf;
    private final int base;
    private final long baseOffset;
    private final Direction dir;

    /** {@code buf[base]} is at absolute stream offset {@code baseOffset}. */
    HeadReader(byte[] buf, int base, long baseOffset, Direction dir) {
        this.buf = buf;
        this.base = base;
        this.baseOffset = baseOffset;
        this.dir = dir;
    }

    ByteRange.InStream range(int from, int to) {
        return ByteRange.of(dir, baseOffset + (from - base), Math.max(0, to - from));
    }

    String text(int from, int to) {
        return new String(buf, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the bytes {@code [from, to)} can begin an HTTP/1 start line. A request-line begins with
     * a token then SP (RFC 9112 §3); a status-line with {@code HTTP/} (§4, §2.3). Control bytes in
     * the first line and the HTTP/2 connection preface are not HTTP/1.
     */
    static Start start(byte[] buf, int from, int to, boolean request) {
        if (from >= to) {
            return Start.NEED_MORE;
        }
        HeadLine line = HeadLine.at(buf, from, to);
        // an incomplete line may end with the CR of its CRLF
        int end = line != null ? line.to() : (buf[to - 1] == '\r' ? to - 1 : to);
        for (int i = from; i < end; i++) {
            int c = buf[i] & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return Start.NOT_HTTP;
            }
        }
        if (request) {
            int i = from;
            while (i < end && HttpGrammar.isTchar(buf[i] & 0xFF)) {
                i++;
            }
            if (i == from || (i < end && buf[i] != ' ')) {
                return Start.NOT_HTTP;
            }
            if (line != null && new String(buf, from, end - from, StandardCharsets.ISO_8859_1)
                    .equals("PRI * HTTP/2.0")) {
                return Start.NOT_HTTP; // the HTTP/2 connection preface (RFC 9113 §3.4)
            }
            return line != null ? Start.HTTP : Start.NEED_MORE;
        }
        int n = Math.min(HTTP_SLASH.length, end - from);
        for (int i = 0; i < n; i++) {
            if (buf[from + i] != HTTP_SLASH[i]) {
                return Start.NOT_HTTP;
            }
        }
        if (line == null) {
            return Start.NEED_MORE;
        }
        return n == HTTP_SLASH.length ? Start.HTTP : Start.NOT_HTTP;
    }

    /** Reads the head in {@code [from, to)}; the last line may be unterminated (stream ended). */
    ParsedHead read(int from, int to, boolean request) {
        HeadLine first = HeadLine.atOrToEnd(buf, from, to);
        StartLine start = request ? requestLine(first) : statusLine(first);
        FieldSection section = readFields(first.end(), to, first.bareLf() ? first.to() : -1);
        return new ParsedHead(start, section.fields(), section.findings(), range(from, section.end()),
                section.terminated());
    }

    /** Field lines in order, up to and including the empty line that ends them. */
    record FieldSection(List<HeaderField> fields, List<Finding> findings, int end, boolean terminated) {
    }

    /** Reads field lines from {@code p} (a header section, or a trailer section of a chunked body). */
    FieldSection readFields(int p, int to, int bareLfAt) {
        List<Finding> findings = new ArrayList<>();
        int firstBareLf = bareLfAt;
        List<HeaderField> fields = new ArrayList<>();
        FieldDraft draft = null;
        boolean terminated = false;
        while (p < to) {
            HeadLine line = HeadLine.atOrToEnd(buf, p, to);
            if (line.bareLf() && firstBareLf < 0) {
                firstBareLf = line.to();
            }
            p = line.end();
            if (line.empty()) {
                terminated = line.terminated();
                break;
            }
            if (HttpGrammar.isOws(buf[line.from()])) {
                if (draft == null) {
                    // whitespace before the first field line (RFC 9112 §2.2): reject or ignore the line
                    findings.add(Http1Finding.FIELD_FOLD_WITHOUT_FIELD.at(range(line.from(), line.end())));
                } else {
                    draft.fold(line);
                }
                continue;
            }
            if (draft != null) {
                fields.add(draft.build());
            }
            draft = new FieldDraft(line);
        }
        if (draft != null) {
            fields.add(draft.build());
        }
        if (firstBareLf >= 0) {
            // a recipient MAY accept a bare LF as line terminator (RFC 9112 §2.2)
            findings.add(Http1Finding.BARE_LF.at(range(firstBareLf, firstBareLf + 1)));
        }
        return new FieldSection(fields, findings, p, terminated);
    }

    private StartLine requestLine(HeadLine line) {
        int s = line.from();
        int e = line.to();
        String all = text(s, e);
        int sp1 = all.indexOf(' ');
        int sp2 = all.lastIndexOf(' ');
        int methodEnd = sp1 < 0 ? e : s + sp1;
        int targetFrom = sp1 < 0 ? e : s + sp1 + 1;
        int targetEnd = sp2 <= sp1 ? e : s + sp2;
        int versionFrom = sp2 <= sp1 ? e : s + sp2 + 1;
        String method = text(s, methodEnd);
        String target = text(targetFrom, targetEnd);
        String version = text(versionFrom, e);
        List<Finding> findings = new ArrayList<>();
        // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
        if (sp1 < 0 || sp2 <= sp1 || target.isEmpty() || target.indexOf(' ') >= 0) {
            findings.add(Http1Finding.REQUEST_LINE_MALFORMED.at(range(s, e), all));
        }
        if (!HttpGrammar.isToken(method)) {
            findings.add(Http1Finding.METHOD_INVALID.at(range(s, methodEnd), method));
        }
        if (!version.isEmpty() && !VERSION.matcher(version).matches()) {
            findings.add(Http1Finding.VERSION_INVALID.at(range(versionFrom, e), version));
        }
        Field node = Field.builder("Request line", all, range(s, e))
                .leaf("Method", method, range(s, methodEnd))
                .leaf("Request-target", target, range(targetFrom, targetEnd))
                .leaf("HTTP-version", version, range(versionFrom, e))
                .findings(findings).build();
        return new StartLine.RequestLine(method, target, version, range(s, methodEnd), range(targetFrom, targetEnd),
                range(versionFrom, e), range(s, e), node);
    }

    private StartLine statusLine(HeadLine line) {
        int s = line.from();
        int e = line.to();
        String all = text(s, e);
        int sp1 = all.indexOf(' ');
        int versionEnd = sp1 < 0 ? e : s + sp1;
        int codeFrom = sp1 < 0 ? e : s + sp1 + 1;
        int codeEnd = codeFrom;
        while (codeEnd < e && buf[codeEnd] != ' ') {
            codeEnd++;
        }
        int reasonFrom = codeEnd < e ? codeEnd + 1 : e;
        String version = text(s, versionEnd);
        String code = text(codeFrom, codeEnd);
        boolean codeOk = code.length() == 3 && code.chars().allMatch(c -> c >= '0' && c <= '9');
        int status = codeOk ? Integer.parseInt(code) : 0;
        String reason = text(reasonFrom, e);
        List<Finding> findings = new ArrayList<>();
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]; status-code = 3DIGIT (RFC 9112 §4)
        if (!codeOk) {
            findings.add(Http1Finding.STATUS_LINE_MALFORMED.at(range(s, e), all));
        }
        if (!VERSION.matcher(version).matches()) {
            findings.add(Http1Finding.VERSION_INVALID.at(range(s, versionEnd), version));
        }
        Field node = Field.builder("Status line", all, range(s, e))
                .leaf("HTTP-version", version, range(s, versionEnd))
                .leaf("Status code", code, range(codeFrom, codeEnd))
                .leaf("Reason phrase", reason, range(reasonFrom, e))
                .findings(findings).build();
        return new StartLine.StatusLine(version, status, reason, range(s, versionEnd), range(codeFrom, codeEnd),
                range(reasonFrom, e), range(s, e), node);
    }

    /** A field line being read, which obs-fold continuation lines may still extend. */
    private final class FieldDraft {
        private final String name;
        private final int nameFrom;
        private final int nameTo;
        private final int lineFrom;
        private int lineEnd;
        private int valueFrom;
        private int valueTo;
        private final StringBuilder value = new StringBuilder();
        private final List<Finding> findings = new ArrayList<>();
        private boolean folded;

        FieldDraft(HeadLine line) {
            lineFrom = line.from();
            lineEnd = line.end();
            int colon = -1;
            for (int i = line.from(); i < line.to(); i++) {
                if (buf[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) {
                // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5)
                findings.add(Http1Finding.FIELD_NO_COLON.at(range(line.from(), line.to()), text(line.from(), line.to())));
                nameFrom = line.from();
                nameTo = trimEnd(line.from(), line.to());
                valueFrom = line.to();
                valueTo = line.to();
                name = text(nameFrom, nameTo);
                return;
            }
            nameFrom = line.from();
            nameTo = trimEnd(line.from(), colon);
            name = text(nameFrom, nameTo);
            if (nameTo < colon) {
                // no whitespace is allowed between the field name and colon (RFC 9112 §5.1)
                findings.add(Http1Finding.FIELD_SPACE_BEFORE_COLON.at(range(nameTo, colon), name));
            }
            if (!HttpGrammar.isToken(name)) {
                findings.add(Http1Finding.FIELD_INVALID_NAME.at(range(nameFrom, nameTo), name));
            }
            valueFrom = colon + 1;
            while (valueFrom < line.to() && HttpGrammar.isOws(buf[valueFrom])) {
                valueFrom++;
            }
            valueTo = trimEnd(valueFrom, line.to());
            value.append(text(valueFrom, valueTo));
        }

        void fold(HeadLine line) {
            if (!folded) {
                // obs-fold is deprecated; a recipient replaces it with SP (RFC 9112 §5.2)
                findings.add(Http1Finding.FIELD_OBS_FOLD.at(range(line.from(), line.end()), name));
                folded = true;
            }
            lineEnd = line.end();
            int s = line.from();
            while (s < line.to() && HttpGrammar.isOws(buf[s])) {
                s++;
            }
            int e = trimEnd(s, line.to());
            if (s < e) {
                if (value.length() > 0) {
                    value.append(' ');
                } else {
                    valueFrom = s;
                }
                value.append(text(s, e));
                valueTo = e;
            }
        }

        HeaderField build() {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    // CR, LF and NUL are invalid in field values (RFC 9110 §5.5)
                    findings.add(Http1Finding.FIELD_INVALID_VALUE.at(range(valueFrom, valueTo), name));
                    break;
                }
            }
            return new HeaderField(name, value.toString(), range(lineFrom, lineEnd), range(nameFrom, nameTo),
                    range(valueFrom, valueTo), findings);
        }

        private int trimEnd(int from, int to) {
            int e = to;
            while (e > from && HttpGrammar.isOws(buf[e - 1])) {
                e--;
            }
            return e;
        }
    }
}
