package dev.upgradescope.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.ui.Messages;
import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.RawWindow;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.ui.session.SessionRows;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {

    private final Selection selection = new Selection();

    private static ConnectionDetail detail(List<Finding> findings, List<NoteRow> notes) {
        return new ConnectionDetail(SessionRows.connection(1, "127.0.0.1:1", List.of("websocket"), 502, "no-upgrade"),
                List.of(), List.of(), findings, List.of(), new RawWindow(Direction.C2S, 0, new byte[0]),
                new RawWindow(Direction.S2C, 0, new byte[0]), notes);
    }

    @Test
    void failureNotesOfTheProxyAreListedWithTheFindingsWithoutAnRfc() {
        Finding info = new Finding("upgrade.asked", Severity.INFO, SpecRef.rfc(9110, "7.8"), List.of(),
                ByteRange.of(Direction.C2S, 0, 3));
        Finding error = new Finding("ws.key.missing", Severity.ERROR, SpecRef.rfc(6455, "4.1"), List.of(), null);
        NoteRow refused = new NoteRow(1, 1, "upstream.refused", "Connection refused", 5, 5);
        NoteRow tunnel = new NoteRow(2, 1, "tunnel.http", "", 6, 6);
        NoteRow idle = new NoteRow(3, 1, "idle.timeout", "60 s", 7, 7);
        FindingsViewModel vm = new FindingsViewModel(selection, Locale.ENGLISH, Messages.bundle(Locale.ENGLISH));
        selection.reset(detail(List.of(info, error), List.of(refused, tunnel, idle)));

        assertThat(vm.findings()).extracting(FindingRow::code)
                .containsExactly("ws.key.missing", "upstream.refused", "upgrade.asked", "idle.timeout");
        FindingRow note = vm.findings().get(1);
        assertThat(note.severity()).isEqualTo(Severity.WARNING);
        assertThat(note.isNote()).isTrue();
        assertThat(note.spec()).isNull();
        assertThat(note.range()).isNull();
        assertThat(note.message()).startsWith("The server refused the connection").endsWith("Connection refused");
        assertThat(vm.findings().get(3).severity()).isEqualTo(Severity.INFO);
        assertThat(vm.findings().get(0).spec()).isEqualTo(SpecRef.rfc(6455, "4.1"));

        vm.choose(note); // nothing to point at: the selection stays
        assertThat(selection.highlightProperty().get()).isNull();
    }

    @Test
    void theNotesTextFollowsTheWindowsLanguage() {
        FindingsViewModel vm = new FindingsViewModel(selection, Locale.TRADITIONAL_CHINESE,
                Messages.bundle(Locale.TRADITIONAL_CHINESE));
        selection.reset(detail(List.of(), List.of(new NoteRow(1, 1, "upstream.unknown-host", "nowhere.invalid", 5, 5))));
        assertThat(vm.findings()).singleElement().satisfies(r -> assertThat(r.message())
                .startsWith("無法解析伺服器的主機名稱").endsWith("nowhere.invalid"));
    }
}
