package dev.upgradescope.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    /** Work waits here until {@link #drain()}; results come back at once (as on the FX thread). */
    private final List<Runnable> queued = new ArrayList<>();
    private final Background background = new Background(queued::add, Runnable::run);
    private final List<String> delivered = new ArrayList<>();

    private void drain() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    void workStartedAfterCloseIsIgnoredNotRejected() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Background threaded = new Background(Background.daemonWorker("test-worker"), Runnable::run);
        CountDownLatch first = new CountDownLatch(1);
        threaded.task(() -> ran.incrementAndGet()).onSuccess(r -> first.countDown()).start();
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

        threaded.close();
        threaded.task(() -> ran.incrementAndGet()).start(); // a late feed delivery while the window closes

        assertThat(ran).hasValue(1);
    }

    @Test
    void onlyTheNewestOfALatestIsDelivered() {
        Background.Latest latest = background.latest();
        latest.task(() -> "first").onSuccess(delivered::add).start();
        latest.task(() -> "second").onSuccess(delivered::add).start();

        drain();

        assertThat(delivered).containsExactly("second");
    }

    @Test
    void everyTaskOfAGenerationIsDeliveredUntilTheNext() {
        Background.Generation generation = background.generation();
        generation.task(() -> "page").onSuccess(delivered::add).start();
        generation.task(() -> "hover").onSuccess(delivered::add).start();
        drain();
        assertThat(delivered).containsExactly("page", "hover");

        generation.task(() -> "old session").onSuccess(delivered::add).start();
        generation.next();
        generation.task(() -> "new session").onSuccess(delivered::add).start();
        drain();

        assertThat(delivered).containsExactly("page", "hover", "new session");
    }

    @Test
    void aFailureIsHandedBackUnlessItsGenerationIsOver() {
        Background.Generation generation = background.generation();
        generation.task(() -> {
            throw new IOException("disk gone");
        }).onSuccess(r -> delivered.add("success")).onFailure(e -> delivered.add(e.getMessage())).start();
        generation.task(() -> {
            throw new IOException("late");
        }).onFailure(e -> delivered.add(e.getMessage())).start();
        queued.remove(0).run();
        generation.next();
        drain();

        assertThat(delivered).containsExactly("disk gone");
    }

    @Test
    void aClosedBackgroundStartsNothing() {
        background.close();
        background.task(() -> "late").onSuccess(delivered::add).start();

        assertThat(queued).isEmpty();
    }
}
