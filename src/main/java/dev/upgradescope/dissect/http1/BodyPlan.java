package dev.upgradescope.dissect.http1;

import java.util.ArrayList;
import java.util.List;

/**
 * How the body after a head is delimited (RFC 9112 §6.3), decided from the head and, for a
 * response, the request it answers. Findings about the framing fields are added to those fields.
 *
 * @param length   the Content-Length when {@code framing} is CONTENT_LENGTH
 * @param lost     the body cannot be delimited: the rest of the stream is not HTTP/1 any more
 * @param switches HTTP/1 ends after this message (101, or 2xx to CONNECT)
 */
record BodyPlan(BodyFraming framing, long length, boolean lost, boolean switches) {

    static BodyPlan forRequest(ParsedHead head) {
        return framedByFields(head, true);
    }

    static BodyPlan forResponse(ParsedHead head, int status, String requestMethod) {
        boolean interim = status >= 100 && status < 200;
        if (interim || status == 204 || status == 304) {
            // 1xx, 204 and 304 never have content (RFC 9112 §6.3 item 1); 1xx and 204 must not carry
            // Content-Length (RFC 9110 §8.6) nor Transfer-Encoding (RFC 9112 §6.1)
            if (status != 304) {
                for (String name : List.of("Content-Length", "Transfer-Encoding")) {
                    int i = head.indexOf(name);
                    if (i >= 0) {
                        head.addFieldFinding(i, Http1Finding.CONTENT_LENGTH_NOT_ALLOWED.at(
                                head.fields().get(i).line(), status));
                    }
                }
            }
            return new BodyPlan(BodyFraming.NONE, 0, false, status == 101);
        }
        if (requestMethod.equals("HEAD")) {
            return new BodyPlan(BodyFraming.NONE, 0, false, false);
        }
        if (requestMethod.equals("CONNECT") && status >= 200 && status < 300) {
            // a 2xx to CONNECT has no content; the connection becomes a tunnel (RFC 9112 §6.3 item 2)
            return new BodyPlan(BodyFraming.NONE, 0, false, true);
        }
        return framedByFields(head, false);
    }

    private static BodyPlan framedByFields(ParsedHead head, boolean request) {
        int te = head.indexOf("Transfer-Encoding");
        int cl = head.indexOf("Content-Length");
        if (te >= 0) {
            if (cl >= 0) {
                // Transfer-Encoding overrides Content-Length; sending both is a smuggling signal (RFC 9112 §6.3 item 3)
                head.addFieldFinding(cl, Http1Finding.TE_AND_CONTENT_LENGTH.at(head.fields().get(cl).line()));
            }
            HeaderList<ListElement> codings = HeaderLists.elements(
                    head.fields().stream().filter(f -> f.is("Transfer-Encoding")).toList());
            List<ListElement> list = codings.elements();
            if (!list.isEmpty() && list.get(list.size() - 1).text().equalsIgnoreCase("chunked")) {
                return new BodyPlan(BodyFraming.CHUNKED, 0, false, false);
            }
            // chunked not final: a request cannot be delimited, a response runs until close (RFC 9112 §6.3 item 4)
            String value = String.join(", ", list.stream().map(ListElement::text).toList());
            head.addFieldFinding(te, Http1Finding.TE_NOT_CHUNKED.at(head.fields().get(te).line(), value));
            return request ? new BodyPlan(BodyFraming.NONE, 0, true, false)
                    : new BodyPlan(BodyFraming.UNTIL_CLOSE, 0, false, false);
        }
        if (cl >= 0) {
            return contentLength(head, cl);
        }
        // a request without either has no body; a response runs until close (RFC 9112 §6.3 items 6, 7)
        return request ? new BodyPlan(BodyFraming.NONE, 0, false, false)
                : new BodyPlan(BodyFraming.UNTIL_CLOSE, 0, false, false);
    }

    private static BodyPlan contentLength(ParsedHead head, int first) {
        List<String> values = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < head.fields().size(); i++) {
            HeaderField f = head.fields().get(i);
            if (f.is("Content-Length")) {
                for (ListElement e : HeaderLists.elements(List.of(f)).elements()) {
                    values.add(e.text());
                    where.add(i);
                }
            }
        }
        for (int k = 0; k < values.size(); k++) {
            String v = values.get(k);
            // Content-Length = 1*DIGIT (RFC 9110 §8.6); otherwise unrecoverable (RFC 9112 §6.3 item 5)
            if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int i = where.get(k);
                head.addFieldFinding(i, Http1Finding.CONTENT_LENGTH_INVALID.at(head.fields().get(i).valueRange(), v));
                return new BodyPlan(BodyFraming.NONE, 0, true, false);
            }
        }
        if (values.isEmpty()) {
            head.addFieldFinding(first, Http1Finding.CONTENT_LENGTH_INVALID.at(head.fields().get(first).valueRange(), ""));
            return new BodyPlan(BodyFraming.NONE, 0, true, false);
        }
        long length = Long.parseLong(values.get(0));
        boolean same = values.stream().allMatch(v -> Long.parseLong(v) == length);
        if (!same) {
            head.addFieldFinding(first, Http1Finding.CONTENT_LENGTH_CONFLICT.at(head.fields().get(first).line(),
                    String.join(", ", values)));
        } else if (values.size() > 1) {
            // identical repeated values may be accepted as one (RFC 9110 §8.6)
            head.addFieldFinding(first, Http1Finding.CONTENT_LENGTH_REPEATED.at(head.fields().get(first).line(), length));
        }
        return new BodyPlan(BodyFraming.CONTENT_LENGTH, length, false, false);
    }
}
