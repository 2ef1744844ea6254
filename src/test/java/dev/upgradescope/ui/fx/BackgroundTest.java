package dev.upgradescope.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void workStartedAfterCloseIsIgnoredNotRejected() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Background background = new Background(Background.daemonWorker("test-worker"), Runnable::run);
        CountDownLatch first = new CountDownLatch(1);
        background.task(() -> ran.incrementAndGet()).onSuccess(r -> first.countDown()).start();
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

        background.close();
        background.task(() -> ran.incrementAndGet()).start(); // a late feed delivery while the window closes

        assertThat(ran).hasValue(1);
    }
}
