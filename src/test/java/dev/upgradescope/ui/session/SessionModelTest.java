package dev.upgradescope.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionModelTest {

    private final SessionModel model = new SessionModel();

    private static SessionChanges rows(ConnectionRow... rows) {
        return new SessionChanges(List.of(rows), Map.of(), List.of(), null, 0);
    }

    @Test
    void anUpdateChangesTheRowInPlaceSoTheSelectionStays() {
        model.apply(rows(SessionRows.connection(1, "a:80", List.of("websocket"), 0, "")));
        ConnectionItem item = model.connections().get(0);
        model.selectedProperty().set(item);
        model.apply(rows(SessionRows.connection(1, "a:80", List.of("websocket"), 101, "upgraded"),
                SessionRows.connection(2, "b:80", List.of(), 200, "")));
        assertThat(model.connections()).hasSize(2);
        assertThat(model.connections().get(0)).isSameAs(item);
        assertThat(item.row().status()).isEqualTo(101);
        assertThat(model.selectedProperty().get()).isSameAs(item);
    }

    @Test
    void clearHidesTheConnectionsSeenSoFarEvenWhenTheyAreUpdatedLater() {
        model.apply(rows(SessionRows.connection(1, "a:80", List.of(), 0, "")));
        model.clear();
        model.apply(rows(SessionRows.connection(1, "a:80", List.of(), 200, ""),
                SessionRows.connection(2, "b:80", List.of(), 0, "")));
        assertThat(model.connections()).extracting(ConnectionItem::id).containsExactly(2L);
    }

    @Test
    void replaceAllStartsOverWithTheOpenedSessionAndItsFilterWords() {
        model.apply(rows(SessionRows.connection(1, "a:80", List.of(), 0, "")));
        model.clear();
        model.replaceAll(List.of(SessionRows.connection(1, "x:80", List.of(), 0, "")), Map.of(1L, Set.of("upgrade")));
        assertThat(model.connections()).hasSize(1);
        assertThat(model.connections().get(0).keywords()).containsExactly("upgrade");
    }

    @Test
    void liveEventsGoOnlyToTheSelectedConnectionsViewer() {
        List<EventRow> seen = new ArrayList<>();
        model.onLiveEvents(seen::addAll);
        model.apply(rows(SessionRows.connection(1, "a:80", List.of(), 0, ""),
                SessionRows.connection(2, "b:80", List.of(), 0, "")));
        model.selectedProperty().set(model.item(2));
        model.apply(new SessionChanges(List.of(), Map.of(), List.of(
                SessionRows.event(5, 1, "ws-frame", Direction.C2S, Map.of(), List.of()),
                SessionRows.event(6, 2, "ws-frame", Direction.S2C, Map.of(), List.of())), null, 0));
        assertThat(seen).extracting(EventRow::id).containsExactly(6L);
    }
}
