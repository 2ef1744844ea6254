package dev.upgradescope.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.ui.session.SessionRows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void theRecordedOutcomeNamesTheBadge() {
        assertThat(Outcome.of(SessionRows.connection(1, "a", List.of("websocket"), 101, "upgraded")))
                .isEqualTo(Outcome.UPGRADED);
        assertThat(Outcome.of(SessionRows.connection(1, "a", List.of("h2c"), 426, "refused"))).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(SessionRows.connection(1, "a", List.of("h2c"), 200, "ignored"))).isEqualTo(Outcome.IGNORED);
        assertThat(Outcome.of(SessionRows.connection(1, "a", List.of("websocket"), 101, "failed")))
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void withoutAVerdictTheBadgeSaysWaitingIncompleteOrNoUpgrade() {
        var open = SessionRows.connection(1, "a", List.of("websocket"), 0, "");
        assertThat(Outcome.of(open)).isEqualTo(Outcome.PENDING);
        assertThat(Outcome.of(SessionRows.closed(open))).isEqualTo(Outcome.INCOMPLETE);
        assertThat(Outcome.of(SessionRows.connection(1, "a", List.of(), 200, ""))).isEqualTo(Outcome.NONE);
    }

    @Test
    void everyBadgeHasItsOwnGlyphAndStyleSoColourIsNeverAlone() {
        Set<String> glyphs = new HashSet<>();
        Set<String> styles = new HashSet<>();
        for (Outcome o : Outcome.values()) {
            glyphs.add(o.glyph());
            styles.add(o.styleClass());
        }
        assertThat(glyphs).hasSize(Outcome.values().length);
        assertThat(styles).hasSize(Outcome.values().length);
    }
}
