package dev.upgradescope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkCellsTest {

    private static LaneTrack track(long... times) {
        LaneTrack t = new LaneTrack();
        for (int i = 0; i < times.length; i++) {
            t.add(times[i], MarkKind.WS_TEXT, i + 1);
        }
        return t;
    }

    @Test
    void separateMarksAreSingleAtTheirExactPixel() {
        LaneTrack t = track(1_000, 50_000, 90_000);
        List<MarkCell> out = new ArrayList<>();
        MarkCells.query(t, Track.C2S, new TimeAxis(0, 1_000), 0, 0, 100, 3, out);
        assertThat(out).extracting(MarkCell::count).containsExactly(1, 1, 1);
        assertThat(out).extracting(MarkCell::x).containsExactly(1.0, 50.0, 90.0);
    }

    @Test
    void marksInOneColumnBecomeADensityBar() {
        LaneTrack t = track(30_000, 30_500, 31_000, 80_000);
        List<MarkCell> out = new ArrayList<>();
        MarkCells.query(t, Track.S2C, new TimeAxis(0, 1_000), 0, 0, 100, 3, out);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).count()).isEqualTo(3);
        assertThat(out.get(0).x()).isEqualTo(30.0);
        assertThat(out.get(0).width()).isEqualTo(3.0);
        assertThat(out.get(1).single()).isTrue();
    }

    @Test
    void onlyTheVisibleWindowIsReturned() {
        LaneTrack t = track(1_000, 200_000, 300_000);
        List<MarkCell> out = new ArrayList<>();
        MarkCells.query(t, Track.C2S, new TimeAxis(150_000, 1_000), 0, 0, 100, 3, out);
        assertThat(out).extracting(MarkCell::first).containsExactly(1);
    }

    @Test
    void denseAndSparseQueriesAgreeAndCountEveryMark() {
        Random r = new Random(7);
        long[] times = new long[200_000];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            t += r.nextInt(3) == 0 ? r.nextInt(200_000) : r.nextInt(500);
            times[i] = t;
        }
        LaneTrack track = track(times);
        TimeAxis axis = TimeAxis.fit(0, t, 1_000);
        List<MarkCell> zoomedOut = new ArrayList<>();
        MarkCells.query(track, Track.C2S, axis, 0, -10, 1_010, 3, zoomedOut);
        assertThat(zoomedOut.stream().mapToInt(MarkCell::count).sum()).isEqualTo(times.length);
        assertThat(zoomedOut.size()).isLessThanOrEqualTo(1_020 / 3 + 2);

        // the same columns computed by walking every mark (the sparse path) must match
        List<MarkCell> walked = new ArrayList<>();
        double colNanos = 3 * axis.nanosPerPixel();
        int i = 0;
        while (i < times.length) {
            long c = MarkCells.column(times[i], 0, colNanos);
            int j = i;
            while (j < times.length && MarkCells.column(times[j], 0, colNanos) == c) {
                j++;
            }
            walked.add(new MarkCell(0, 0, Track.C2S, j - i, i, MarkKind.WS_TEXT));
            i = j;
        }
        assertThat(zoomedOut).extracting(MarkCell::count).containsExactlyElementsOf(
                walked.stream().map(MarkCell::count).toList());
        assertThat(zoomedOut).extracting(MarkCell::first).containsExactlyElementsOf(
                walked.stream().map(MarkCell::first).toList());
    }

    @Test
    void panningKeepsColumnsAnchoredToTime() {
        LaneTrack t = track(30_000, 30_500, 31_000);
        List<MarkCell> a = new ArrayList<>();
        List<MarkCell> b = new ArrayList<>();
        MarkCells.query(t, Track.C2S, new TimeAxis(0, 1_000), 0, 0, 100, 3, a);
        MarkCells.query(t, Track.C2S, new TimeAxis(0, 1_000).pan(-1.5), 0, 0, 100, 3, b);
        assertThat(b.get(0).count()).isEqualTo(a.get(0).count());
        assertThat(b.get(0).x()).isEqualTo(a.get(0).x() - 1.5);
    }

    @Test
    void outOfOrderMarksAreKeptSorted() {
        LaneTrack t = new LaneTrack();
        t.add(100, MarkKind.WS_TEXT, 1);
        t.add(300, MarkKind.WS_TEXT, 2);
        t.add(200, MarkKind.WS_PING, 3);
        assertThat(t.nanos(1)).isEqualTo(200);
        assertThat(t.kind(1)).isEqualTo(MarkKind.WS_PING);
        assertThat(t.indexOf(3)).isEqualTo(1);
        assertThat(t.indexOf(2)).isEqualTo(2);
    }
}
