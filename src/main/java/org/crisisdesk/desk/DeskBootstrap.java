package org.crisisdesk.desk;

import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.replay.ReplayClock;
import org.crisisdesk.source.replay.ReplaySource;
import org.crisisdesk.source.replay.Scenario;

/**
 * Blocking start-up work, run off the FX thread: decides demo or live, opens the database and prepares the source.
 * With no X credentials in the home, the desk runs the bundled demo crisis on scenario time.
 */
public final class DeskBootstrap {
    public static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Seoul");

    private DeskBootstrap() {}

    /** Everything the FX side needs to build a {@link DeskSession}. */
    public record Opened(Services services, Collector collector, ReplaySource replay, ZoneId zone) {}

    public static Opened open(DeskOptions options) {
        return open(options, Clock.systemUTC());
    }

    public static Opened open(DeskOptions options, Clock wall) {
        boolean connected = Files.exists(options.home().resolve("twitter4j.properties"));
        if (connected) {
            // Live collection arrives with the X connector; until then a connected home still opens on its data.
            Services services = Services.open(options.home(), options.dbUrl(), wall);
            return new Opened(services, null, null, ZoneId.systemDefault());
        }
        Scenario scenario = Scenario.demo();
        ReplayClock clock = new ReplayClock(wall, scenario.start(), options.demoSpeed());
        Services services = Services.open(options.home(), options.dbUrl(), clock);
        ReplaySource replay = new ReplaySource(scenario, clock);
        Collector collector = new Collector(replay, services.pipeline("replay"), services.mentions(), clock);
        return new Opened(services, collector, replay, DEMO_ZONE);
    }
}
