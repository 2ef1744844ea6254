package dev.upgradescope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesViewModelTest {

    @Test
    void timesAreMillisecondsWithThreeDecimalsAsPrintfWouldWriteThem() {
        for (long nanos : new long[] {0, 999, 1_000, 1_500, 12_345_678, 1_000_000, 987_654_321_000L, -2_500_000}) {
            assertThat(MessagesViewModel.millis(nanos)).as("%d ns", nanos)
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", nanos / 1e6));
        }
    }
}
