package org.crisisdesk.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.IngestListener;
import org.crisisdesk.source.SourceStatus;

/**
 * Hands stored mentions from the pipeline thread to the FX thread in coalesced batches: the pipeline only enqueues,
 * and a 100 ms timeline on the FX thread drains the queue into one list change per flush. A burst of thousands of
 * mentions therefore costs the UI a handful of updates, never one {@code runLater} per mention.
 */
public final class IngestBridge implements IngestListener {
    public static final Duration FLUSH_EVERY = Duration.millis(100);

    private final ConcurrentLinkedQueue<StoredMention> pending = new ConcurrentLinkedQueue<>();
    private volatile SourceStatus lastStatus;
    private volatile String lastSourceName;
    private SourceStatus shownStatus;
    private final List<Consumer<List<StoredMention>>> mentionSinks = new ArrayList<>();
    private final List<BiConsumer<String, SourceStatus>> statusSinks = new ArrayList<>();
    private final Timeline timeline;

    /** Create on the FX thread; sinks are called on the FX thread. */
    public IngestBridge() {
        timeline = new Timeline(new KeyFrame(FLUSH_EVERY, e -> flush()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void onMentions(Consumer<List<StoredMention>> sink) {
        mentionSinks.add(sink);
    }

    public void onStatus(BiConsumer<String, SourceStatus> sink) {
        statusSinks.add(sink);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    @Override
    public void ingested(List<StoredMention> mentions) {
        pending.addAll(mentions);
    }

    @Override
    public void status(String sourceName, SourceStatus status) {
        lastSourceName = sourceName;
        lastStatus = status;
    }

    /**
     * FX thread: mentions another process stored (issue 21: the team's collector), shown now as one batch, after
     * what this desk's own source handed over before them, the same way as those.
     */
    public void arrivedElsewhere(List<StoredMention> mentions) {
        flush();
        if (!mentions.isEmpty()) {
            List<StoredMention> view = List.copyOf(mentions);
            mentionSinks.forEach(s -> s.accept(view));
        }
    }

    /** Drains what arrived since the last flush. Package-visible so tests can flush without waiting. */
    void flush() {
        if (!pending.isEmpty()) {
            List<StoredMention> batch = new ArrayList<>();
            StoredMention m;
            while ((m = pending.poll()) != null) {
                batch.add(m);
            }
            List<StoredMention> view = List.copyOf(batch);
            mentionSinks.forEach(s -> s.accept(view));
        }
        SourceStatus st = lastStatus;
        if (st != null && st != shownStatus) {
            shownStatus = st;
            statusSinks.forEach(s -> s.accept(lastSourceName, st));
        }
    }
}
