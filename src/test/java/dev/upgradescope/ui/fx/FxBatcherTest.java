package dev.upgradescope.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxBatcherTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private int drains;
    private final FxBatcher batcher = new FxBatcher((task, delay) -> {
        scheduled.add(task);
        delays.add(delay);
    }, Runnable::run, 50, () -> drains++);

    @Test
    void manyRequestsWithinOnePeriodScheduleOneDrain() {
        for (int i = 0; i < 10_000; i++) {
            batcher.request();
        }
        assertThat(scheduled).hasSize(1);
        assertThat(delays).containsExactly(50L);
        scheduled.get(0).run();
        assertThat(drains).isEqualTo(1);
    }

    @Test
    void aRequestAfterADrainSchedulesTheNextOne() {
        batcher.request();
        scheduled.get(0).run();
        batcher.request();
        batcher.request();
        assertThat(scheduled).hasSize(2);
        scheduled.get(1).run();
        assertThat(drains).isEqualTo(2);
    }

    @Test
    void nothingIsScheduledWithoutARequest() {
        assertThat(scheduled).isEmpty();
        assertThat(drains).isZero();
    }
}
