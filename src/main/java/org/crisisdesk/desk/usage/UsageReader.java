package org.crisisdesk.desk.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.twitter.AppOnlyToken;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XUsage;
import org.crisisdesk.usage.ProjectUsage;
import org.crisisdesk.usage.UsageSettings;

/**
 * What the status bar's meter reads, on the background executor: the settings and the database's counts every time,
 * X's usage endpoint at most every {@link #ASK_X_EVERY} (X allows 50 calls per 15 minutes per app, shared with
 * every desk and script of the project). Blocking; one call at a time (the model never starts a second).
 */
public final class UsageReader implements Supplier<UsageMeterModel.Reading> {
    static final Duration ASK_X_EVERY = Duration.ofMinutes(15);
    private final Services services;
    private final Clock wall = Clock.systemUTC();
    /** The app's bearer token for X's usage endpoint, kept in memory for the desk's life (never stored). */
    private final AppOnlyToken appToken = new AppOnlyToken();
    private ProjectUsage.Result x;
    private Instant askedAt = Instant.MIN;

    public UsageReader(Services services) {
        this.services = services;
    }

    @Override
    public synchronized UsageMeterModel.Reading get() {
        Instant now = wall.instant();
        if (x == null || !now.isBefore(askedAt.plus(ASK_X_EVERY))) {
            askedAt = now;
            if (services.drill()) {
                x = ProjectUsage.Result.none("drill");
            } else {
                try {
                    x = XUsage.fetch(TwitterProperties.load(services.home()), wall, appToken);
                } catch (java.io.IOException | IllegalArgumentException e) {
                    x = ProjectUsage.Result.none(e.getMessage());
                }
            }
        }
        UsageSettings s = UsageSettings.load(services.settings());
        return new UsageMeterModel.Reading(services.usageMeter().report(s, x), s);
    }
}
