package dev.upgradescope.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.ui.timeline.Track;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderLayoutTest {

    @Test
    void threeLifelinesLeftToRightWithTheProxyInTheMiddle() {
        LadderLayout l = LadderLayout.of(800);
        assertThat(l.client()).isGreaterThan(l.timeColumn());
        assertThat(l.proxy()).isEqualTo((l.client() + l.server()) / 2);
        assertThat(l.server()).isLessThan(800);
    }

    @Test
    void clientUnitsTravelThroughTheProxyToTheServer() {
        LadderLayout l = LadderLayout.of(800);
        List<LadderLayout.Segment> s = l.segments(Track.C2S);
        assertThat(s).containsExactly(new LadderLayout.Segment(l.client(), l.proxy(), true),
                new LadderLayout.Segment(l.proxy(), l.server(), true));
        List<LadderLayout.Segment> back = l.segments(Track.S2C);
        assertThat(back).containsExactly(new LadderLayout.Segment(l.server(), l.proxy(), true),
                new LadderLayout.Segment(l.proxy(), l.client(), true));
        assertThat(l.segments(Track.CENTRE)).isEmpty();
    }

    @Test
    void labelsFitTheirFirstSegment() {
        LadderLayout l = LadderLayout.of(800);
        double[] c2s = l.labelBox(Track.C2S);
        assertThat(c2s[0]).isGreaterThan(l.client());
        assertThat(c2s[0] + c2s[1]).isLessThan(l.proxy());
        double[] s2c = l.labelBox(Track.S2C);
        assertThat(s2c[0]).isGreaterThan(l.proxy());
        assertThat(s2c[0] + s2c[1]).isLessThan(l.server());
        double[] note = l.labelBox(Track.CENTRE);
        assertThat(note[0] + note[1] / 2).isEqualTo(l.proxy());
    }

    @Test
    void aNarrowViewKeepsRoomForArrows() {
        LadderLayout l = LadderLayout.of(50);
        assertThat(l.server() - l.client()).isGreaterThanOrEqualTo(100);
    }
}
