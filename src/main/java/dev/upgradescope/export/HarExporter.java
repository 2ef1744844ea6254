package dev.upgradescope.export;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.SessionReader;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a session as HAR 1.2 in the shape Chrome DevTools exports, so Chrome and HTTP Toolkit can
 * open it: one entry per HTTP exchange with its headers, status, version and timings; a WebSocket
 * upgrade's entry has {@code _resourceType: "websocket"} and {@code _webSocketMessages}, one per
 * message as the application sent it (reassembled and inflated; text as UTF-8, binary as base64);
 * h2c and TLS upgrades are ordinary entries with status 101.
 */
public final class HarExporter {

    private static final int PAGE = 1000;
    private static final int BODY_CAP = 1 << 20;
    private static final String CREATOR_VERSION = "0.1.0";

    private final SessionReader reader;
    private final HarOptions options;

    /** An exporter with the {@link HarOptions#DEFAULTS defaults}: sanitized, messages cut at 1 MiB with a marker. */
    public HarExporter(SessionReader reader) {
        this(reader, HarOptions.DEFAULTS);
    }

    public HarExporter(SessionReader reader, HarOptions options) {
        this.reader = reader;
        this.options = options;
    }

    /**
     * Writes the HAR to {@code file} whole or not at all: into a temporary file beside it, then
     * moved into place, so a failure never leaves half a HAR behind.
     */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".upgradescope-", ".har");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the whole session as one HAR document to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        List<HarEntryPlan> plans = plan();
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeObjectFieldStart("log");
        json.writeStringField("version", "1.2");
        json.writeObjectFieldStart("creator");
        json.writeStringField("name", "UpgradeScope");
        json.writeStringField("version", CREATOR_VERSION);
        json.writeEndObject();
        json.writeArrayFieldStart("pages");
        json.writeEndArray();
        json.writeArrayFieldStart("entries");
        for (HarEntryPlan plan : plans) {
            writeEntry(json, plan);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
    }

    // ---------------------------------------------------------------- pairing requests and responses

    private List<HarEntryPlan> plan() throws IOException {
        List<HarEntryPlan> plans = new ArrayList<>();
        for (long skip = 0; ; skip += PAGE) {
            List<ConnectionRow> page = reader.connections(skip, PAGE);
            for (ConnectionRow c : page) {
                planConnection(c, plans);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        plans.sort(Comparator.comparingLong(HarEntryPlan::startedWallMicros)
                .thenComparingLong(p -> p.request().id()));
        return plans;
    }

    private void planConnection(ConnectionRow c, List<HarEntryPlan> plans) throws IOException {
        Deque<EventRow> waiting = new ArrayDeque<>();
        EventRow upgradeRequest = null;
        EventRow upgradeResponse = null;
        long after = 0;
        while (true) {
            List<EventRow> events = reader.events(c.id(), after, PAGE);
            for (EventRow e : events) {
                if (e.kind().equals(UnitKind.HTTP_REQUEST.code())) {
                    waiting.add(e);
                } else if (e.kind().equals(UnitKind.HTTP_RESPONSE.code()) && !waiting.isEmpty()) {
                    int status = number(e.attributes().get("status"));
                    if (status >= 100 && status < 200 && status != 101) {
                        continue; // an interim response: the final one follows (RFC 9110 §15.2)
                    }
                    EventRow request = waiting.poll();
                    if (status == 101) {
                        upgradeRequest = request;
                        upgradeResponse = e;
                    } else {
                        plans.add(new HarEntryPlan(c, request, e, -1, started(c, request)));
                    }
                } else if (e.kind().equals(EventRow.PROTOCOL_SWITCH) && upgradeRequest != null) {
                    boolean ws = "websocket".equalsIgnoreCase(String.valueOf(e.attributes().get("protocol")));
                    plans.add(new HarEntryPlan(c, upgradeRequest, upgradeResponse, ws ? e.id() : -1,
                            started(c, upgradeRequest)));
                    upgradeRequest = null;
                }
            }
            if (events.size() < PAGE) {
                break;
            }
            after = events.get(events.size() - 1).id();
        }
        if (upgradeRequest != null) { // a 101 without a recorded switch: still an exchange
            plans.add(new HarEntryPlan(c, upgradeRequest, upgradeResponse, -1, started(c, upgradeRequest)));
        }
        for (EventRow request : waiting) {
            plans.add(new HarEntryPlan(c, request, null, -1, started(c, request)));
        }
    }

    private long started(ConnectionRow c, EventRow e) throws IOException {
        return reader.wallMicrosAt(c.id(), e.dir(), e.offset()).orElse(e.wallMicros());
    }

    // ---------------------------------------------------------------- one entry

    private void writeEntry(JsonGenerator json, HarEntryPlan p) throws IOException {
        ConnectionRow c = p.connection();
        EventRow req = p.request();
        EventRow resp = p.response();
        double send = millis(req.wallMicros() - p.startedWallMicros());
        double wait = 0;
        double receive = 0;
        if (resp != null) {
            long firstByte = reader.wallMicrosAt(c.id(), resp.dir(), resp.offset()).orElse(resp.wallMicros());
            wait = millis(firstByte - req.wallMicros());
            receive = millis(resp.wallMicros() - firstByte);
        }
        json.writeStartObject();
        json.writeStringField("_connectionId", Long.toString(c.id()));
        json.writeObjectFieldStart("_initiator");
        json.writeStringField("type", "other");
        json.writeEndObject();
        json.writeStringField("_priority", "High");
        json.writeStringField("_resourceType", p.websocket() ? "websocket" : "other");
        json.writeObjectFieldStart("cache");
        json.writeEndObject();
        json.writeStringField("connection", Long.toString(c.id()));
        writeRequest(json, c, req, p.websocket());
        writeResponse(json, resp);
        String ip = host(c.target());
        if (ip.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) { // HAR wants an address, not a name
            json.writeStringField("serverIPAddress", ip);
        }
        json.writeStringField("startedDateTime", iso(p.startedWallMicros()));
        json.writeNumberField("time", send + wait + receive);
        json.writeObjectFieldStart("timings");
        json.writeNumberField("blocked", -1);
        json.writeNumberField("dns", -1);
        json.writeNumberField("ssl", -1);
        json.writeNumberField("connect", -1);
        json.writeNumberField("send", send);
        json.writeNumberField("wait", wait);
        json.writeNumberField("receive", receive);
        json.writeNumberField("_blocked_queueing", -1);
        json.writeEndObject();
        if (p.websocket()) {
            writeMessages(json, c, p.messagesAfter());
        }
        json.writeEndObject();
    }

    private void writeRequest(JsonGenerator json, ConnectionRow c, EventRow req, boolean websocket)
            throws IOException {
        Map<String, Object> a = req.attributes();
        List<List<String>> headers = headers(a);
        String url = url(c, String.valueOf(a.getOrDefault("target", "/")), headers, websocket);
        long[] sizes = sizes(req, headers);
        json.writeObjectFieldStart("request");
        json.writeStringField("method", String.valueOf(a.getOrDefault("method", "")));
        json.writeStringField("url", url);
        json.writeStringField("httpVersion", String.valueOf(a.getOrDefault("version", "")));
        writeHeaders(json, headers);
        json.writeArrayFieldStart("queryString");
        writeQuery(json, url);
        json.writeEndArray();
        HarCookies.write(json, headers, false, options.includeSensitive());
        json.writeNumberField("headersSize", sizes[0]);
        json.writeNumberField("bodySize", sizes[1]);
        json.writeEndObject();
    }

    private void writeResponse(JsonGenerator json, EventRow resp) throws IOException {
        Map<String, Object> a = resp == null ? Map.of() : resp.attributes();
        List<List<String>> headers = headers(a);
        long[] sizes = resp == null ? new long[] {-1, -1} : sizes(resp, headers);
        json.writeObjectFieldStart("response");
        json.writeNumberField("status", resp == null ? 0 : number(a.get("status")));
        json.writeStringField("statusText", String.valueOf(a.getOrDefault("reason", "")));
        json.writeStringField("httpVersion", String.valueOf(a.getOrDefault("version", "")));
        writeHeaders(json, headers);
        HarCookies.write(json, headers, true, options.includeSensitive());
        json.writeObjectFieldStart("content");
        json.writeNumberField("size", Math.max(0, sizes[1]));
        json.writeStringField("mimeType", header(headers, "content-type").orElse("x-unknown"));
        if (resp != null) {
            writeBody(json, resp, headers, sizes);
        }
        json.writeEndObject();
        json.writeStringField("redirectURL", header(headers, "location").orElse(""));
        json.writeNumberField("headersSize", sizes[0]);
        json.writeNumberField("bodySize", sizes[1]);
        json.writeNumberField("_transferSize", resp == null ? 0 : resp.length());
        if (resp == null) {
            json.writeStringField("_error", "no response was recorded");
        } else {
            json.writeNullField("_error");
        }
        json.writeEndObject();
    }

    /**
     * The body as recorded, when its length is known, it is not content-coded (HAR holds decoded
     * content) and it is at most {@value #BODY_CAP} bytes: text as is, anything else in base64.
     */
    private void writeBody(JsonGenerator json, EventRow message, List<List<String>> headers, long[] sizes)
            throws IOException {
        long body = sizes[1];
        String coding = header(headers, "content-encoding").orElse("identity").trim();
        if (body <= 0 || sizes[0] < 0 || body > BODY_CAP || !coding.equalsIgnoreCase("identity")) {
            return;
        }
        byte[] bytes = reader.bytes(message.conn(), message.dir(), message.offset() + sizes[0], (int) body);
        if (bytes.length != body) {
            return;
        }
        String mime = header(headers, "content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean text = mime.startsWith("text/") || mime.contains("json") || mime.contains("xml")
                || mime.contains("javascript") || mime.contains("x-www-form-urlencoded");
        if (text) {
            json.writeStringField("text", new String(bytes, StandardCharsets.UTF_8));
        } else {
            json.writeStringField("text", Base64.getEncoder().encodeToString(bytes));
            json.writeStringField("encoding", "base64");
        }
    }

    private void writeMessages(JsonGenerator json, ConnectionRow c, long afterEvent) throws IOException {
        json.writeArrayFieldStart("_webSocketMessages");
        long after = afterEvent;
        while (true) {
            List<EventRow> events = reader.events(c.id(), after, PAGE);
            for (EventRow e : events) {
                if (e.kind().equals(UnitKind.WS_MESSAGE.code())) {
                    writeMessage(json, e);
                }
            }
            if (events.size() < PAGE) {
                break;
            }
            after = events.get(events.size() - 1).id();
        }
        json.writeEndArray();
    }

    private void writeMessage(JsonGenerator json, EventRow e) throws IOException {
        Map<String, Object> a = e.attributes();
        Object text = a.get("text");
        int opcode = opcode(a, text != null);
        long size = Math.max(e.payloadSize(), a.get("length") instanceof Number n ? n.longValue() : -1);
        byte[] payload = text == null ? null : text.toString().getBytes(StandardCharsets.UTF_8);
        if (payload == null || payload.length < Math.min(size, options.readCap())) {
            byte[] known = payload;
            payload = reader.payload(e.id(), options.readCap())
                    .filter(p -> known == null || p.length > known.length)
                    .orElse(known == null ? new byte[0] : known);
        }
        MessageData data = MessageData.of(payload, opcode == 1, size, options.messageLimit());
        json.writeStartObject();
        json.writeStringField("type", e.dir() == Direction.C2S ? "send" : "receive");
        json.writeNumberField("time", e.wallMicros() / 1_000_000.0);
        json.writeNumberField("opcode", opcode);
        json.writeStringField("data", data.data());
        if (data.truncated()) { // HAR has no field for a cut message: Chrome's underscore extension style
            json.writeBooleanField("_truncated", true);
            json.writeNumberField("_size", data.size());
        }
        json.writeEndObject();
    }

    // ---------------------------------------------------------------- field values

    private static int opcode(Map<String, Object> a, boolean hasText) {
        Object o = a.get("opcode");
        if (o instanceof Number n) {
            return n.intValue();
        }
        String type = String.valueOf(o == null ? a.getOrDefault("type", "") : o).toLowerCase(Locale.ROOT);
        if (type.startsWith("text")) {
            return 1;
        }
        if (type.startsWith("binary")) {
            return 2;
        }
        return hasText ? 1 : 2;
    }

    /** The request's absolute URL: absolute-form as written, otherwise from the Host field. */
    static String url(ConnectionRow c, String target, List<List<String>> headers, boolean websocket) {
        String scheme = websocket ? "ws" : "http";
        if (target.contains("://")) {
            if (websocket && target.startsWith("http")) {
                return "ws" + target.substring(4);
            }
            return target;
        }
        String host = header(headers, "host").orElse(c.target());
        if (!target.startsWith("/")) { // authority-form (CONNECT) or asterisk-form
            return scheme + "://" + (target.equals("*") ? host + "/" : target + "/");
        }
        return scheme + "://" + host + target;
    }

    private static void writeQuery(JsonGenerator json, String url) throws IOException {
        int q = url.indexOf('?');
        if (q < 0) {
            return;
        }
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            json.writeStartObject();
            json.writeStringField("name", decode(eq < 0 ? pair : pair.substring(0, eq)));
            json.writeStringField("value", eq < 0 ? "" : decode(pair.substring(eq + 1)));
            json.writeEndObject();
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private void writeHeaders(JsonGenerator json, List<List<String>> headers) throws IOException {
        json.writeArrayFieldStart("headers");
        for (List<String> h : options.includeSensitive() ? headers : SensitiveHeaders.sanitize(headers)) {
            json.writeStartObject();
            json.writeStringField("name", h.get(0));
            json.writeStringField("value", h.size() > 1 ? h.get(1) : "");
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> headers(Map<String, Object> attributes) {
        Object h = attributes.get("headers");
        if (!(h instanceof List<?> list)) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>(list.size());
        for (Object pair : list) {
            if (pair instanceof List<?> p && !p.isEmpty()) {
                out.add(p.stream().map(String::valueOf).toList());
            }
        }
        return out;
    }

    private static Optional<String> header(List<List<String>> headers, String name) {
        return headers.stream().filter(h -> h.get(0).equalsIgnoreCase(name) && h.size() > 1)
                .map(h -> h.get(1)).findFirst();
    }

    /**
     * Head and body sizes of a message: without Content-Length or Transfer-Encoding the unit is all
     * head (an upgrade request, a 101); with Content-Length the body is that long; otherwise -1.
     */
    private static long[] sizes(EventRow e, List<List<String>> headers) {
        if (header(headers, "transfer-encoding").isPresent()) {
            return new long[] {-1, -1};
        }
        Optional<String> length = header(headers, "content-length");
        if (length.isEmpty()) {
            return new long[] {e.length(), 0};
        }
        try {
            long body = Long.parseLong(length.get().trim());
            return body <= e.length() ? new long[] {e.length() - body, body} : new long[] {-1, -1};
        } catch (NumberFormatException ex) {
            return new long[] {-1, -1};
        }
    }

    private static String host(String target) {
        int colon = target.lastIndexOf(':');
        String host = colon > 0 ? target.substring(0, colon) : target;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static double millis(long micros) {
        return Math.max(0, micros) / 1000.0;
    }

    private static String iso(long wallMicros) {
        return Instant.ofEpochSecond(wallMicros / 1_000_000, (wallMicros % 1_000_000) * 1000).toString();
    }
}
