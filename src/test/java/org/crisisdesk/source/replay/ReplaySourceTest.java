package org.crisisdesk.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.source.SourceContext;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ReplaySourceTest {
    static Scenario scenario() throws Exception {
        StringBuilder sb = new StringBuilder();
        double[] release = {0.5, 1, 1, 30, 60, 60, 60, 600};
        for (int i = 0; i < release.length; i++) {
            long secs = (long) release[i];
            sb.append(String.format("{\"id\":\"%d\",\"created_at\":\"2026-10-17T09:%02d:%02d+09:00\",\"author\":\"u%d\","
                    + "\"text\":\"m%d\",\"release_s\":%s}%n", 100 + i, secs / 60, secs % 60, i, i, release[i]));
        }
        return Scenario.read("t", new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Records deliveries like the collector would store them. */
    static final class RecordingContext implements SourceContext {
        final List<List<Mention>> batches = new ArrayList<>();
        String position;
        final Clock clock;

        RecordingContext(Clock clock, String position) {
            this.clock = clock;
            this.position = position;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(position);
        }

        @Override
        public int deliver(List<Mention> batch, String newPosition) {
            batches.add(batch);
            position = newPosition;
            return batch.size();
        }

        @Override
        public void report(SourceStatus status) {}

        @Override
        public boolean stopping() {
            return false;
        }

        @Override
        public boolean sleep(Duration d) {
            return true;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        int delivered() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    @Test
    void releasesEachMentionWhenScenarioTimeReachesIt() throws Exception {
        Scenario s = scenario();
        MutableClock wall = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
        ReplayClock clock = new ReplayClock(wall, s.start(), 10);
        ReplaySource replay = new ReplaySource(s, clock);
        RecordingContext ctx = new RecordingContext(clock, null);
        replay.resume(ctx);

        assertThat(replay.releaseDue(ctx)).isZero();
        wall.advance(Duration.ofMillis(100)); // 1 s of scenario at 10x
        assertThat(replay.releaseDue(ctx)).isEqualTo(3);
        wall.advance(Duration.ofMillis(2_900)); // scenario 30 s
        assertThat(replay.releaseDue(ctx)).isEqualTo(1);
        wall.advance(Duration.ofSeconds(3)); // scenario 60 s
        assertThat(replay.releaseDue(ctx)).isEqualTo(3);
        assertThat(ctx.position).isEqualTo("7");
        assertThat(clock.wallTimeUntil(s.releaseTime(7))).isEqualTo(Duration.ofSeconds(54));
    }

    @Test
    void pausedClockReleasesNothingAndSpeedChangesKeepScenarioTimeContinuous() throws Exception {
        Scenario s = scenario();
        MutableClock wall = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
        ReplayClock clock = new ReplayClock(wall, s.start(), 1);
        ReplaySource replay = new ReplaySource(s, clock);
        RecordingContext ctx = new RecordingContext(clock, null);
        replay.resume(ctx);
        wall.advance(Duration.ofSeconds(2));
        assertThat(replay.releaseDue(ctx)).isEqualTo(3);
        clock.setPaused(true);
        wall.advance(Duration.ofHours(1));
        assertThat(replay.releaseDue(ctx)).isZero();
        clock.setPaused(false);
        clock.setSpeed(100);
        Instant before = clock.instant();
        assertThat(before).isEqualTo(s.start().plusSeconds(2));
        wall.advance(Duration.ofSeconds(1)); // +100 s scenario
        assertThat(replay.releaseDue(ctx)).isEqualTo(4);
    }

    @Test
    void resumesAfterTheCheckpointWithoutRepeatingOrSkipping() throws Exception {
        Scenario s = scenario();
        MutableClock wall = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
        ReplayClock clock = new ReplayClock(wall, s.start(), 10);
        ReplaySource replay = new ReplaySource(s, clock);
        RecordingContext ctx = new RecordingContext(clock, "4"); // four were stored before a restart
        replay.resume(ctx);
        assertThat(clock.instant()).isEqualTo(s.releaseTime(3));
        wall.advance(Duration.ofSeconds(100));
        replay.releaseDue(ctx);
        List<String> ids = ctx.batches.stream().flatMap(List::stream).map(Mention::platformId).toList();
        assertThat(ids).containsExactly("104", "105", "106", "107");
    }
}
