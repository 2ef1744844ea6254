package dev.upgradescope.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.ui.session.SessionRows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeBadgeTest {

    @Test
    void theRecordedOutcomeNamesTheBadge() {
        assertThat(OutcomeBadge.of(SessionRows.connection(1, "a", List.of("websocket"), 101, "upgraded")))
                .isEqualTo(OutcomeBadge.of(UpgradeOutcome.UPGRADED));
        assertThat(OutcomeBadge.of(SessionRows.connection(1, "a", List.of("h2c"), 426, "refused"))).isEqualTo(OutcomeBadge.of(UpgradeOutcome.REFUSED));
        assertThat(OutcomeBadge.of(SessionRows.connection(1, "a", List.of("h2c"), 200, "ignored"))).isEqualTo(OutcomeBadge.of(UpgradeOutcome.IGNORED));
        assertThat(OutcomeBadge.of(SessionRows.connection(1, "a", List.of("websocket"), 101, "failed")))
                .isEqualTo(OutcomeBadge.of(UpgradeOutcome.FAILED));
    }

    @Test
    void withoutAVerdictTheBadgeSaysWaitingIncompleteOrNoUpgrade() {
        var open = SessionRows.connection(1, "a", List.of("websocket"), 0, "");
        assertThat(OutcomeBadge.of(open)).isEqualTo(OutcomeBadge.PENDING);
        assertThat(OutcomeBadge.of(SessionRows.closed(open))).isEqualTo(OutcomeBadge.of(UpgradeOutcome.INCOMPLETE));
        assertThat(OutcomeBadge.of(SessionRows.connection(1, "a", List.of(), 200, ""))).isEqualTo(OutcomeBadge.NONE);
    }

    @Test
    void everyBadgeHasItsOwnGlyphAndStyleSoColourIsNeverAlone() {
        Set<String> glyphs = new HashSet<>();
        Set<String> styles = new HashSet<>();
        for (OutcomeBadge o : OutcomeBadge.all()) {
            glyphs.add(o.glyph());
            styles.add(o.styleClass());
        }
        assertThat(glyphs).hasSize(OutcomeBadge.all().size());
        assertThat(styles).hasSize(OutcomeBadge.all().size());
    }
}
