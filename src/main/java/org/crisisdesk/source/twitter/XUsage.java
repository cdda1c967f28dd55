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

    /**
     * X's answer for the settings' account, or why there is none: no account, v1.1, or X's refusal (an access level
     * without the endpoint, user-context keys where X wants the app's bearer token, a timeout). Blocks on HTTP.
     */
    public static ProjectUsage.Result fetch(XSettings settings, Clock clock) {
        if (settings == null || !settings.connected()) {
            return ProjectUsage.Result.none("no X account is connected");
        }
        return fetch(XClient.create(settings, clock));
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
