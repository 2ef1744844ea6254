package dev.upgradescope.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.SessionChanges;
import dev.upgradescope.ui.session.SessionModel;
import dev.upgradescope.ui.session.SessionRows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionFilterTest {

    private final SessionModel model = new SessionModel();

    private ConnectionItem ws() {
        model.apply(new SessionChanges(List.of(SessionRows.connection(1, "echo.example:80", List.of("websocket"), 101,
                "upgraded")), Map.of(1L, Set.of("sec-websocket-key", "dghlihnhbxbszsbub25jzq==",
                "ws.accept.mismatch")), List.of(), null, 0));
        return model.item(1);
    }

    @Test
    void everyWordMustMatchSomewhereIgnoringCase() {
        ConnectionItem item = ws();
        assertThat(ConnectionFilter.parse("").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("ECHO").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("websocket 101").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("upgraded").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("websocket h2c").test(item)).isFalse();
    }

    @Test
    void headerNamesValuesAndFindingCodesMatch() {
        ConnectionItem item = ws();
        assertThat(ConnectionFilter.parse("Sec-WebSocket-Key").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("dGhlIHNhbXBsZSBub25jZQ==").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("ws.accept").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("HTTP2-Settings").test(item)).isFalse();
    }

    @Test
    void aWordWithAMinusMustNotMatch() {
        ConnectionItem item = ws();
        assertThat(ConnectionFilter.parse("-h2c").test(item)).isTrue();
        assertThat(ConnectionFilter.parse("-websocket").test(item)).isFalse();
    }

    @Test
    void theViewModelFiltersLiveAndCountsWhatIsHidden() {
        ws();
        model.apply(new SessionChanges(List.of(SessionRows.connection(2, "h2.example:80", List.of("h2c"), 0, "")),
                Map.of(), List.of(), null, 0));
        ConnectionsViewModel vm = new ConnectionsViewModel(model);
        model.filterProperty().set("h2c");
        assertThat(vm.rows()).extracting(ConnectionItem::id).containsExactly(2L);
        assertThat(vm.hidden()).isEqualTo(1);
        model.apply(new SessionChanges(List.of(SessionRows.connection(3, "other:80", List.of("h2c"), 0, "")),
                Map.of(), List.of(), null, 0));
        assertThat(vm.rows()).extracting(ConnectionItem::id).containsExactly(2L, 3L);
    }
}
