package org.crisisdesk.desk;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.replay.ReplayClock;
import org.crisisdesk.source.replay.ReplaySource;
import org.crisisdesk.source.replay.Scenario;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.TwitterSource;
import org.crisisdesk.source.twitter.XSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking start-up work, run off the FX thread: decides demo or live, opens the database and prepares the source.
 * With X credentials in the home (twitter4j.properties), the desk collects the account's mentions live; without them
 * it runs the bundled demo crisis on scenario time.
 */
public final class DeskBootstrap {
    public static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Seoul");

    private static final Logger log = LoggerFactory.getLogger(DeskBootstrap.class);

    private DeskBootstrap() {}

    /** The X settings when twitter4j.properties (or the environment) holds all four keys, else null. */
    static XSettings connectedAccount(java.nio.file.Path home) {
        try {
            XSettings x = TwitterProperties.load(home);
            return x.connected() ? x : null;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot use {}: {}; the demo replay runs instead", TwitterProperties.file(home), e.getMessage());
            return null;
        }
    }

    /** Everything the FX side needs to build a {@link DeskSession}. */
    public record Opened(Services services, Collector collector, ReplaySource replay, ZoneId zone) {}

    public static Opened open(DeskOptions options) {
        return open(options, Clock.systemUTC());
    }

    public static Opened open(DeskOptions options, Clock wall) {
        return open(options, wall, false);
    }

    /**
     * @param demo run the demo replay even when an account is connected (the welcome screen's "Try the demo")
     */
    public static Opened open(DeskOptions options, Clock wall, boolean demo) {
        Opened opened = openSource(options, wall, demo);
        // The account's zone from the settings, when one was chosen, else the default of the mode.
        java.util.Optional<ZoneId> chosen = org.crisisdesk.settings.DeskSettings.zone(
                opened.services().settings().get(org.crisisdesk.settings.DeskSettings.ZONE, null));
        return chosen.map(z -> new Opened(opened.services(), opened.collector(), opened.replay(), z)).orElse(opened);
    }

    private static Opened openSource(DeskOptions options, Clock wall, boolean demo) {
        XSettings x = demo ? null : connectedAccount(options.home());
        if (x != null) {
            // A connected account: live mentions from X, on the wall clock, in the machine's zone.
            Services services = Services.openForDesk(options.home(), options.dbUrl(), wall);
            TwitterSource source = TwitterSource.create(x, wall, TwitterSource.DEFAULT_POLL);
            // one collector per account on a shared database: the lease holder polls, the other desks read (issue 21)
            Collector collector = new Collector(source, services.pipeline("x"), services.mentions(), wall)
                    .withLease(new org.crisisdesk.source.CollectorLeaseStore(services.db(), wall,
                            org.crisisdesk.source.CollectorLeaseStore.processHolder(),
                            org.crisisdesk.source.CollectorLeaseStore.host()));
            return new Opened(services, collector, null, ZoneId.systemDefault());
        }
        Scenario scenario = Scenario.demo();
        ReplayClock clock = new ReplayClock(wall, scenario.start(), options.demoSpeed());
        Services services = Services.openForDesk(options.home(), options.dbUrl(), clock);
        ReplaySource replay = new ReplaySource(scenario, clock);
        Collector collector = new Collector(replay, services.pipeline("replay"), services.mentions(), clock);
        return new Opened(services, collector, replay, DEMO_ZONE);
    }
}
