package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.crisisdesk.usage.ProjectUsage;

/**
 * Reads X's usage endpoint, {@code GET /2/usage/tweets}: {@code data.project_usage} (posts read this billing cycle,
 * a number written as a string), {@code data.project_cap}, {@code data.cap_reset_day} and, with {@code
 * usage.fields=daily_project_usage}, {@code data.daily_project_usage.usage[]} ({@code date}, {@code usage}). X's
 * documentation shows both numbers and strings for the counts, and a per-app form of the daily breakdown ({@code
 * usage[].tweets_consumed}); every form is read.
 */
public final class XUsage {
    static final String FIELDS = "cap_reset_day,daily_project_usage,project_cap,project_id,project_usage";
    /** Days of daily breakdown asked for: a whole billing month and a little. */
    public static final int DAYS = 35;

    private XUsage() {}

    /** As {@link #fetch(XSettings, Clock, AppOnlyToken)} with a token kept for this call only (a one-off command). */
    public static ProjectUsage.Result fetch(XSettings settings, Clock clock) {
        return fetch(settings, clock, new AppOnlyToken());
    }

    /**
     * X's answer for the settings' account, or why there is none: no account, v1.1, or X's refusal (an access level
     * without the endpoint, keys X will not make an app token from, a timeout). With the app's API key and secret the
     * endpoint is asked with the app's own bearer token, as X requires ({@code app} keeps it between calls, in memory);
     * without them (an OAuth 2.0 sign-in alone) with the user's authorization, which X refuses: the meter then
     * estimates. Blocks on HTTP.
     */
    public static ProjectUsage.Result fetch(XSettings settings, Clock clock, AppOnlyToken app) {
        if (settings == null || !settings.connected()) {
            return ProjectUsage.Result.none("no X account is connected");
        }
        if (settings.api() == ApiVersion.V1_1) {
            return fetch(XClient.create(settings, clock));
        }
        if (!AppOnlyToken.possible(settings)) {
            ProjectUsage.Result r = fetch(XClient.create(settings, clock));
            return r.usage() != null ? r : ProjectUsage.Result.none(r.why() + "; X's usage endpoint takes the app's "
                    + "own bearer token: enter the app's API key and API key secret to have X's count");
        }
        try {
            return ProjectUsage.Result.of(appOnly(settings, app));
        } catch (XApiException e) {
            return ProjectUsage.Result.none(e.getMessage());
        }
    }

    /** The usage endpoint with the app's bearer token; after a 401 (token invalidated or revoked) one new token, once. */
    static ProjectUsage appOnly(XSettings settings, AppOnlyToken app) throws XApiException {
        String token = app.get(settings);
        try {
            return V2Client.usageAppOnly(settings, token, DAYS);
        } catch (XApiException e) {
            if (e.httpStatus() != 401) {
                throw e;
            }
            app.invalidate(token);
            return V2Client.usageAppOnly(settings, app.get(settings), DAYS);
        }
    }

    /**
     * When the project's monthly cap resets, for a collector X answered 429 usage-capped: X's {@code cap_reset_day}
     * from the usage endpoint (app-only, which the cap does not block) when it answers, else {@code billingDay} (the
     * usage settings' day). The reset is taken at 00:00 UTC of that day. Blocks on HTTP; the collector's thread.
     */
    public static TwitterSource.CapReset capReset(XSettings settings, AppOnlyToken app,
            java.util.function.IntSupplier billingDay) {
        return now -> {
            Integer day = null;
            if (settings.api() == ApiVersion.V2 && AppOnlyToken.possible(settings)) {
                try {
                    day = appOnly(settings, app).capResetDay();
                } catch (XApiException e) {
                    day = null; // the settings' billing day then
                }
            }
            int d = day != null && day >= 1 && day <= 31 ? day : billingDay.getAsInt();
            return new TwitterSource.CapReset.Reset(
                    org.crisisdesk.usage.UsageMeter.nextReset(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), d)
                            .atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), day != null);
        };
    }

    /** As {@link #fetch(XSettings, Clock)}, with a client of the caller's (its thread). */
    public static ProjectUsage.Result fetch(XClient client) {
        try {
            return ProjectUsage.Result.of(client.usage(DAYS));
        } catch (XApiException e) {
            return ProjectUsage.Result.none(e.getMessage());
        }
    }

    static ProjectUsage parse(JsonNode root) {
        if (root == null || !root.path("data").isObject()) {
            throw new IllegalStateException("no data object");
        }
        JsonNode d = root.get("data");
        Map<LocalDate, Long> daily = new TreeMap<>();
        JsonNode dpu = d.path("daily_project_usage");
        JsonNode days = dpu.isArray() ? dpu : dpu.path("usage");
        for (JsonNode day : days) {
            LocalDate date = date(day.path("date").asText(""));
            if (date == null) {
                continue;
            }
            JsonNode u = day.path("usage");
            long n = 0;
            if (u.isArray()) {
                for (JsonNode app : u) {
                    Long c = number(app.has("tweets_consumed") ? app.get("tweets_consumed") : app.path("usage"));
                    n += c == null ? 0 : c;
                }
            } else {
                Long c = number(u);
                n = c == null ? 0 : c;
            }
            daily.merge(date, n, Long::sum);
        }
        Long capResetDay = number(d.path("cap_reset_day"));
        return new ProjectUsage(number(d.path("project_usage")), number(d.path("project_cap")),
                capResetDay == null ? null : (int) Math.max(0, Math.min(31, capResetDay)),
                d.path("project_id").isValueNode() ? d.get("project_id").asText() : null, daily);
    }

    /** A count X wrote as a number or as a string of digits; null when missing or not a count. */
    private static Long number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        String s = n.asText("").strip();
        return s.matches("\\d{1,18}") ? Long.parseLong(s) : null;
    }

    /** "2026-12-07" or "2026-12-07T00:00:00.000Z": the UTC day. */
    private static LocalDate date(String s) {
        if (s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
