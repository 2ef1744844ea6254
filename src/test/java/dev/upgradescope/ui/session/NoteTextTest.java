package dev.upgradescope.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.proxy.NoteCode;
import dev.upgradescope.ui.Messages;
import dev.upgradescope.wire.Severity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NoteTextTest {

    /** Every note code the proxy and the recorder make. */
    static List<String> codes() throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : NoteCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        out.add(Recorder.NOTE_GAP);
        out.add(Recorder.NOTE_DISSECTOR_FAILED);
        return out;
    }

    static Stream<Locale> locales() {
        return Stream.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.TRADITIONAL_CHINESE);
    }

    @ParameterizedTest
    @MethodSource("locales")
    void everyNoteCodeHasItsOwnTextInEveryLanguage(Locale locale) throws Exception {
        ResourceBundle bundle = Messages.bundle(locale);
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        for (String code : codes()) {
            assertThat(bundle.containsKey("note." + code)).as(code + " in " + locale).isTrue();
            String text = NoteText.text(bundle, new NoteRow(1, 1, code, "", 0, 0));
            assertThat(text).isNotBlank().doesNotContain(code);
            if (!locale.equals(Locale.ENGLISH)) {
                assertThat(text).as("translated " + code).isNotEqualTo(english.getString("note." + code));
            }
        }
    }

    @Test
    void theLineEndsWithTheTechnicalDetailOnOneLine() {
        ResourceBundle en = Messages.bundle(Locale.ENGLISH);
        NoteRow refused = new NoteRow(1, 1, "upstream.refused", "Connection refused:\n/127.0.0.1:1", 0, 0);
        assertThat(NoteText.line(en, refused)).startsWith("The server refused the connection")
                .endsWith(" — Connection refused: /127.0.0.1:1").doesNotContain("\n");
        assertThat(NoteText.line(en, new NoteRow(2, 1, "client.closed", "", 0, 0)))
                .isEqualTo(en.getString("note.client.closed"));
    }

    @Test
    void anUnknownCodeIsShownByItsCode() {
        ResourceBundle es = Messages.bundle(Locale.forLanguageTag("es"));
        assertThat(NoteText.text(es, new NoteRow(1, 1, "future.thing", "", 0, 0))).isEqualTo("Nota del proxy future.thing");
    }

    @Test
    void failuresAreWarningsOrInfoAndPlainObservationsAreNotFindings() {
        assertThat(NoteText.severity(NoteCode.UPSTREAM_REFUSED)).hasValue(Severity.WARNING);
        assertThat(NoteText.severity(NoteCode.UPSTREAM_UNKNOWN_HOST)).hasValue(Severity.WARNING);
        assertThat(NoteText.severity(NoteCode.HEAD_TOO_LARGE)).hasValue(Severity.WARNING);
        assertThat(NoteText.severity(NoteCode.NOT_HTTP)).hasValue(Severity.WARNING);
        assertThat(NoteText.severity(Recorder.NOTE_GAP)).hasValue(Severity.WARNING);
        assertThat(NoteText.severity(NoteCode.IDLE_TIMEOUT)).hasValue(Severity.INFO);
        assertThat(NoteText.severity(NoteCode.TUNNEL_TLS)).isEmpty();
        assertThat(NoteText.severity(NoteCode.TUNNEL_HTTP)).isEmpty();
        assertThat(NoteText.severity(NoteCode.SWITCHED)).isEmpty();
        assertThat(NoteText.severity(NoteCode.CLIENT_CLOSED)).isEmpty();
        assertThat(NoteText.severity(NoteCode.UPSTREAM_CLOSED)).as("the end of every conversation").isEmpty();
        assertThat(NoteText.severity("upstream.something-new")).hasValue(Severity.INFO);
    }
}
