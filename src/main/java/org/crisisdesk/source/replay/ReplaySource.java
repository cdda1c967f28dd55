package org.crisisdesk.source.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.source.MentionSource;
import org.crisisdesk.source.SourceContext;
import org.crisisdesk.source.SourceStatus;

/**
 * Releases a scenario's mentions when scenario time (a {@link ReplayClock}) reaches their release second. The
 * checkpoint is the number of mentions released, so a restarted desk carries on where it stopped, without
 * repeating or skipping any.
 */
public final class ReplaySource implements MentionSource {
    static final int MAX_BATCH = 500;
    private static final Duration IDLE_TICK = Duration.ofMillis(250);

    private final Scenario scenario;
    private final ReplayClock clock;
    private int next;

    public ReplaySource(Scenario scenario, ReplayClock clock) {
        this.scenario = scenario;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "replay:" + scenario.name();
    }

    @Override
    public String displayName() {
        return "Demo replay";
    }

    public ReplayClock clock() {
        return clock;
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void run(SourceContext ctx) throws InterruptedException {
        resume(ctx);
        while (!ctx.stopping() && next < scenario.size()) {
            int released = releaseDue(ctx);
            reportState(ctx);
            if (released == 0) {
                Duration wait = clock.paused() ? IDLE_TICK : clock.wallTimeUntil(scenario.releaseTime(next));
                ctx.sleep(wait.compareTo(IDLE_TICK) > 0 ? IDLE_TICK : wait);
            }
        }
        if (next >= scenario.size()) {
            ctx.report(SourceStatus.of(SourceStatus.State.FINISHED, scenario.size() + " mentions replayed"));
        }
    }

    /** Picks up from the stored checkpoint and moves scenario time to the last released mention. */
    void resume(SourceContext ctx) {
        next = ctx.checkpoint().map(Integer::parseInt).orElse(0);
        next = Math.max(0, Math.min(next, scenario.size()));
        if (next > 0) {
            Instant last = scenario.releaseTime(next - 1);
            if (clock.instant().isBefore(last)) {
                clock.jumpTo(last);
            }
        }
    }

    /** Delivers every mention whose release time has come, in batches; returns how many were released. */
    int releaseDue(SourceContext ctx) {
        Instant now = clock.instant();
        int released = 0;
        while (next < scenario.size() && !scenario.releaseTime(next).isAfter(now)) {
            List<Mention> batch = new ArrayList<>();
            int end = next;
            while (end < scenario.size() && batch.size() < MAX_BATCH && !scenario.releaseTime(end).isAfter(now)) {
                batch.add(scenario.mentions().get(end));
                end++;
            }
            ctx.deliver(batch, Integer.toString(end));
            released += batch.size();
            next = end;
        }
        return released;
    }

    private void reportState(SourceContext ctx) {
        SourceStatus.State state = clock.paused() ? SourceStatus.State.PAUSED : SourceStatus.State.LIVE;
        ctx.report(new SourceStatus(state, next + "/" + scenario.size(), null, null, clock.instant()));
    }

    public int released() {
        return next;
    }
}
