package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void workAskedForAfterTheDeskClosedIsDroppedQuietlyAndNeverReportedDone() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean reported = new AtomicBoolean();
        Background.Job<Void> job = new Background(executor).run(() -> ran.set(true));
        job.onSuccess(v -> reported.set(true)).onFailure(e -> reported.set(true));
        assertThat(ran).isFalse();
        assertThat(reported).isFalse();
    }
}
