package dev.upgradescope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeAxisTest {

    @Test
    void mapsTimeToPixelsAndBack() {
        TimeAxis a = new TimeAxis(1_000_000, 1_000);
        assertThat(a.toX(1_000_000)).isEqualTo(0);
        assertThat(a.toX(1_500_000)).isEqualTo(500);
        assertThat(a.toNanos(250)).isEqualTo(1_250_000);
    }

    @Test
    void zoomKeepsTheTimeUnderThePointerInPlace() {
        TimeAxis a = new TimeAxis(0, 1_000);
        double before = a.toNanos(300);
        TimeAxis in = a.zoomAround(300, 0.5);
        assertThat(in.nanosPerPixel()).isEqualTo(500);
        assertThat(in.toNanos(300)).isCloseTo(before, within(1e-6));
        TimeAxis out = in.zoomAround(120, 4);
        assertThat(out.toNanos(120)).isCloseTo(in.toNanos(120), within(1e-6));
    }

    @Test
    void zoomIsBounded() {
        TimeAxis a = new TimeAxis(0, 20).zoomAround(0, 1e-9);
        assertThat(a.nanosPerPixel()).isEqualTo(TimeAxis.MIN_NANOS_PER_PIXEL);
        assertThat(new TimeAxis(0, 1e12).zoomAround(0, 1e9).nanosPerPixel()).isEqualTo(TimeAxis.MAX_NANOS_PER_PIXEL);
    }

    @Test
    void draggingRightShowsEarlierTimes() {
        TimeAxis a = new TimeAxis(10_000, 10).pan(100);
        assertThat(a.startNanos()).isEqualTo(9_000);
    }

    @Test
    void fitShowsTheWholeRange() {
        TimeAxis a = TimeAxis.fit(5_000, 15_000, 100);
        assertThat(a.toX(5_000)).isEqualTo(0);
        assertThat(a.toX(15_000)).isEqualTo(100);
    }
}
