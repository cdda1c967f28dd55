package org.crisisdesk.desk;

import java.time.Duration;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.boards.BoardsViewModel;
import org.crisisdesk.desk.feed.FeedViewModel;
import org.crisisdesk.desk.status.StatusViewModel;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.replay.ReplaySource;

/**
 * One open desk: the services, the running source and the view models, wired together. Created on the FX thread
 * once the services are open; {@link #close()} stops the source before the database closes.
 */
public final class DeskSession implements AutoCloseable {
    private final Services services;
    private final DeskContext ctx;
    private final Background background;
    private final IngestBridge bridge = new IngestBridge();
    private final FeedViewModel feed;
    private final BoardsViewModel boards;
    private final StatusViewModel status;
    private final Collector collector;
    private final ReplaySource replay;

    /**
     * @param replay the demo replay when no account is connected, else null
     * @param collector runs the source (not started yet)
     */
    public DeskSession(Services services, DeskContext ctx, Collector collector, ReplaySource replay) {
        this.services = services;
        this.ctx = ctx;
        this.collector = collector;
        this.replay = replay;
        this.background = new Background(services.background());
        this.feed = new FeedViewModel(services.mentions(), background);
        // who moves are credited to in the history: the desk's name from the settings, else the OS user
        this.boards = new BoardsViewModel(services.mentions(), services.categories(), services.triage(),
                services.background(), ctx,
                () -> services.settings().get("desk.name", System.getProperty("user.name", "desk")));
        this.status = new StatusViewModel(ctx.clock(), services.db().displayLocation());
        bridge.onMentions(boards::arrived);
        bridge.onMentions(feed::arrived);
        bridge.onMentions(status::arrived);
        boards.addChangeListener(feed::updated);
        boards.addReloadListener(feed::reload);
        bridge.onStatus(status::status);
        if (collector != null) {
            collector.addListener(bridge);
        }
    }

    /** Loads what is stored, then starts the source. */
    public void start() {
        boards.reload();
        feed.reload();
        bridge.start();
        if (collector != null) {
            collector.start();
        }
    }

    public Services services() {
        return services;
    }

    public DeskContext context() {
        return ctx;
    }

    public Background background() {
        return background;
    }

    public IngestBridge bridge() {
        return bridge;
    }

    public FeedViewModel feed() {
        return feed;
    }

    public BoardsViewModel boards() {
        return boards;
    }

    public StatusViewModel status() {
        return status;
    }

    /** The demo replay, or null when a live account feeds the desk. */
    public ReplaySource replay() {
        return replay;
    }

    public Collector collector() {
        return collector;
    }

    public void setReplayPaused(boolean paused) {
        if (replay != null) {
            replay.clock().setPaused(paused);
            collector.nudge();
        }
    }

    public void setReplaySpeed(double speed) {
        if (replay != null) {
            replay.clock().setSpeed(speed);
            collector.nudge();
        }
    }

    @Override
    public void close() {
        bridge.stop();
        boards.stop();
        if (collector != null) {
            collector.stop(Duration.ofSeconds(10));
        }
        services.close();
    }
}
