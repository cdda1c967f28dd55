package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.source.SourceContext;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.testing.MutableClock;

/**
 * A source context over a real store whose sleeps move a {@link MutableClock} instead of waiting, so minutes of
 * pacing and back-off pass in milliseconds. It can also "crash" on a chosen delivery, before or after the commit.
 */
final class StoreContext implements SourceContext {
    /** Thrown from {@link #deliver} to play a process that dies there. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String m) {
            super(m);
        }
    }

    final Services services;
    final String key;
    final MutableClock clock;
    final IngestPipeline pipeline;
    final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    final List<String> positions = new ArrayList<>();
    Predicate<StoreContext> stopWhen;
    int deliveries;
    int crashBeforeCommitOn = -1;
    int crashAfterCommitOn = -1;

    StoreContext(Services services, String key, MutableClock clock, Predicate<StoreContext> stopWhen) {
        this.services = services;
        this.key = key;
        this.clock = clock;
        this.pipeline = services.pipeline("test");
        this.stopWhen = stopWhen;
    }

    @Override
    public Optional<String> checkpoint() {
        return services.mentions().checkpoint(key);
    }

    @Override
    public int deliver(List<Mention> batch, String newPosition) {
        deliveries++;
        if (deliveries == crashBeforeCommitOn) {
            throw new Crash("killed before commit of delivery " + deliveries);
        }
        List<StoredMention> stored = pipeline.ingest(batch, new Checkpoint(key, newPosition));
        positions.add(newPosition);
        if (deliveries == crashAfterCommitOn) {
            throw new Crash("killed after commit of delivery " + deliveries);
        }
        return stored.size();
    }

    @Override
    public void report(SourceStatus status) {
        statuses.add(status);
    }

    @Override
    public boolean stopping() {
        return stopWhen.test(this);
    }

    @Override
    public boolean sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
        return !stopping();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    long stored() {
        return services.mentions().count(MentionFilter.ALL);
    }

    /** Platform id → stored text, failing on a repeated id (which the schema forbids anyway). */
    Map<String, String> storedTexts() {
        Map<String, String> out = new HashMap<>();
        services.mentions().forEach(MentionFilter.ALL, m -> {
            if (out.put(m.platformId(), m.text()) != null) {
                throw new AssertionError("stored twice: " + m.platformId());
            }
        });
        return out;
    }

    SourceStatus last() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    List<SourceStatus> inState(SourceStatus.State state) {
        return statuses.stream().filter(s -> s.state() == state).toList();
    }
}
