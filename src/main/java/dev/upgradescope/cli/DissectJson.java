package dev.upgradescope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the {@code dissect --json} document (see docs/cli.md) with Jackson's streaming generator,
 * one unit at a time as it is dissected, in exactly the bytes {@link JsonOutput} prints for the
 * whole document, so memory stays flat however many units there are.
 */
final class DissectJson implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(SerializationFeature.CLOSE_CLOSEABLE);

    private final PrintWriter out;
    private final JsonGenerator json;

    /** Starts the document: the handshakes, then the opening of {@code units}. */
    DissectJson(PrintWriter out, List<HandshakeAnalysis> handshakes) {
        this.out = out;
        try {
            json = MAPPER.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeFieldName("handshake");
            MAPPER.writeValue(json, handshakes.isEmpty() ? null : HandshakeDocument.of(handshakes.get(0)));
            if (handshakes.size() > 1) {
                json.writeFieldName("handshakes");
                MAPPER.writeValue(json, handshakes.stream().map(HandshakeDocument::of).toList());
            }
            json.writeArrayFieldStart("units");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void unit(Unit unit) {
        try {
            MAPPER.writeValue(json, UnitDocument.of(unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the document and its line. */
    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
