package org.crisisdesk.desk;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.settings.DeskPrefs;
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
 * Blocking start-up work, run off the FX thread: decides drill or live, opens the database and prepares the source.
 * With X credentials in the home (twitter4j.properties), and unless the home is in the drill, the desk collects the
 * account's mentions live; without them, a desk given a team database (PostgreSQL, by --db or the settings) opens
 * that database with no source of its own, and refuses to start when it cannot reach it; otherwise it runs the
 * bundled demo crisis on scenario time as a drill: its own database (HOME/demo) and a publisher that cannot post
 * (issue 26).
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
        if (chosen.isEmpty() && !opened.services().drill()) {
            // the zone answered on the welcome screen becomes the live database's (the demo keeps its story's zone)
            chosen = DeskPrefs.load(options.home()).get(DeskPrefs.ACCOUNT_ZONE)
                    .flatMap(org.crisisdesk.settings.DeskSettings::zone);
            chosen.ifPresent(z -> opened.services().settings().put(org.crisisdesk.settings.DeskSettings.ZONE, z.getId()));
        }
        return chosen.map(z -> new Opened(opened.services(), opened.collector(), opened.replay(), z)).orElse(opened);
    }

    /**
     * Whether the desk opens live: only with an account's keys, when the demo was not asked for, and when the home's
     * last mode was not a drill (going from a drill to live is an explicit act: {@link #chooseLive}).
     */
    static boolean live(java.nio.file.Path home, XSettings x, boolean demo) {
        return !demo && x != null && !"drill".equals(DeskPrefs.load(home).get(DeskPrefs.MODE, null));
    }

    /** The person confirmed going live on the account: the next opening is live. */
    public static void chooseLive(java.nio.file.Path home) {
        DeskPrefs.load(home).put(DeskPrefs.MODE, "live");
        log.info("Mode: switched from the drill to live by the user");
    }

    private static Opened openSource(DeskOptions options, Clock wall, boolean demo) {
        XSettings x = demo ? null : connectedAccount(options.home());
        if (live(options.home(), x, demo)) {
            // A connected account: live mentions from X, on the wall clock, in the machine's zone.
            Services services = Services.openForDesk(options.home(), options.dbUrl(), wall);
            TwitterSource source = TwitterSource.create(x, wall, TwitterSource.DEFAULT_POLL,
                    services.usageRecorder(),
                    () -> org.crisisdesk.usage.UsageSettings.load(services.settings()).billingDay());
            // one collector per account on a shared database: the lease holder polls, the other desks read (issue 21)
            Collector collector = new Collector(source, services.pipeline("x"), services.mentions(), wall)
                    .withLease(new org.crisisdesk.source.CollectorLeaseStore(services.db(), wall,
                            org.crisisdesk.source.CollectorLeaseStore.processHolder(),
                            org.crisisdesk.source.CollectorLeaseStore.host()));
            log.info("Mode: live on {}; notices are posted to the connected account", services.db().displayLocation());
            return new Opened(services, collector, null, ZoneId.systemDefault());
        }
        String team = options.dbUrl() != null ? options.dbUrl() : DeskPrefs.dbUrl(options.home()).orElse(null);
        if (!demo && team != null && org.crisisdesk.store.TeamDatabase.isPostgres(team)) {
            // A team database and no account here: this desk works on what the team's collector stores (issue 21).
            // It opens that database or refuses to start; it never runs the demo on a local database instead.
            Services services = Services.openForDesk(options.home(), team, wall);
            log.info("Mode: team desk on {}; mentions come from the team's collector",
                    services.db().displayLocation());
            return new Opened(services, null, null, ZoneId.systemDefault());
        }
        // The demo is a drill: its own database (HOME/demo, whatever --db says) and a publisher that cannot post.
        DeskPrefs prefs = DeskPrefs.load(options.home());
        if (!"drill".equals(prefs.get(DeskPrefs.MODE, null))) {
            prefs.put(DeskPrefs.MODE, "drill");
        }
        Scenario scenario = Scenario.demo();
        ReplayClock clock = new ReplayClock(wall, scenario.start(), options.demoSpeed());
        Services services = Services.openDrillForDesk(options.home(), clock);
        log.info("Mode: drill (demo replay) on {}; notices go to the drill outbox, never to an account",
                services.db().displayLocation());
        ReplaySource replay = new ReplaySource(scenario, clock);
        Collector collector = new Collector(replay, services.pipeline("replay"), services.mentions(), clock);
        return new Opened(services, collector, replay, DEMO_ZONE);
    }
}
