package dev.upgradescope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.SessionRows;
import dev.upgradescope.wire.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private final EventRow ping = SessionRows.event(1, 1, "ws-frame", Direction.S2C, Map.of("opcode", "PING"),
            List.of());

    @Test
    void directionAndTextMustBothMatch() {
        assertThat(EventFilter.NONE.test(ping)).isTrue();
        assertThat(new EventFilter(Direction.S2C, "ping").test(ping)).isTrue();
        assertThat(new EventFilter(Direction.C2S, "").test(ping)).isFalse();
        assertThat(new EventFilter(null, "WS-FRAME").test(ping)).isTrue();
        assertThat(new EventFilter(null, "pong").test(ping)).isFalse();
        assertThat(new EventFilter(null, "  ").isEmpty()).isTrue();
    }

    @Test
    void aTextMessageIsDecodedFromItsTextAttribute() {
        EventRow text = SessionRows.event(2, 1, "ws-message", Direction.C2S, Map.of("text", "{\"a\":1}"), List.of());
        assertThat(new String(MessagesViewModel.textOf(text), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
        assertThat(MessagesViewModel.textOf(ping)).isNull();
    }
}
