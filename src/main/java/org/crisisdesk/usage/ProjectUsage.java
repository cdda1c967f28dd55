package org.crisisdesk.usage;

import java.time.LocalDate;
import java.util.Map;

/**
 * What X's usage endpoint ({@code GET /2/usage/tweets}) said about the project: posts read this billing cycle against
 * the project's monthly cap, the day the cap resets and the posts read per UTC day. X counts every app of the project,
 * not only this desk. Any field X left out is null (daily: empty).
 *
 * @param capResetDay the day of the month the cap resets (X's {@code cap_reset_day})
 */
public record ProjectUsage(Long projectUsage, Long projectCap, Integer capResetDay, String projectId,
        Map<LocalDate, Long> daily) {
    public ProjectUsage {
        daily = daily == null ? Map.of() : Map.copyOf(daily);
    }

    /**
     * X's answer, or why there is none (the meter then estimates from the desk's own counts).
     *
     * @param why for no answer: e.g. "HTTP 403 … this access level has no usage endpoint"
     */
    public record Result(ProjectUsage usage, String why) {
        public static Result of(ProjectUsage u) {
            return new Result(u, null);
        }

        public static Result none(String why) {
            return new Result(null, why);
        }
    }
}
