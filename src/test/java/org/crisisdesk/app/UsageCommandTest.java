package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code crisisdesk usage} against the fake X server over real HTTP, after a real {@code collect} (issue 23 item 6). */
class UsageCommandTest {

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new CrisisDeskCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void collectCountsWhatItReadsAndUsageShowsXsCountAndTheDesks() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.burst(150, Instant.now().minusSeconds(30), "read");
            server.usageProject(2_000, 10_000, 1);
            server.usageNeedsAppOnly(true); // as X: only the app's bearer token may read it
            StringWriter collect = new StringWriter();
            assertThat(run(collect, "--home", home.toString(), "collect", "--twitter-api-base", server.base(),
                    "--poll-seconds", "0.5", "--duration", "3")).as(collect.toString()).isZero();
            assertThat(server.postsServed()).isEqualTo(150);

            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "usage", "--twitter-api-base", server.base(), "--json");
            assertThat(code).as(out.toString()).isZero();
            JsonNode j = new ObjectMapper().readTree(out.toString());
            assertThat(j.path("source").asText()).isEqualTo("x");
            assertThat(j.path("posts_read").asLong()).isEqualTo(2_150);
            assertThat(j.path("posts_read_by_desk").asLong()).isEqualTo(150);
            assertThat(j.path("cap").asLong()).isEqualTo(10_000);
            assertThat(j.path("cap_source").asText()).isEqualTo("x");
            // 2,150 posts × $0.005 + 98 users (the 97 authors of the 150 posts and the account) × $0.010
            assertThat(j.path("users_read").asLong()).isEqualTo(98);
            assertThat(j.path("posts_read_source").asText()).isEqualTo("measured");
            assertThat(j.path("users_read_source").asText()).isEqualTo("estimate");
            assertThat(j.path("cost_source").asText()).isEqualTo("estimate");
            assertThat(j.path("cost_usd").decimalValue()).isEqualByComparingTo("11.73");
            assertThat(j.path("rates_are_x_published_defaults").asBoolean()).isTrue();
            assertThat(j.path("level").asText()).isEqualTo("ok");
            assertThat(j.path("days").get(j.path("days").size() - 1).path("read").asLong()).isEqualTo(150);

            // the words, for a person: X's count, the desk's, the cap
            StringWriter text = new StringWriter();
            assertThat(run(text, "--home", home.toString(), "usage", "--twitter-api-base", server.base())).isZero();
            assertThat(text.toString()).contains("posts read as X counts them").contains("2,150 of 10,000 (22%, "
                    + "X's project cap); by this desk 150  [measured by X]").contains("X's published pay-per-use "
                    + "prices").contains("users read     98  [estimate").contains("[the desk's count]")
                    .doesNotContain("ESTIMATE");
        }
    }

    @Test
    void whenXRefusesTheEndpointItEstimatesAndTheExitStatusTellsTheLevel() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            s.usageStore().record(org.crisisdesk.usage.UsageKind.READ, 150);
            s.usageStore().record(org.crisisdesk.usage.UsageKind.CREATE_URL, 2);
        }
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.usageNeedsAppOnly(true);
            server.notEnrolled("usage");
            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "usage", "--twitter-api-base", server.base(),
                    "--set-cap", "200", "--set-warn-at", "70");
            assertThat(code).as(out.toString()).isEqualTo(UsageCommand.WARN);
            assertThat(out.toString()).contains("ESTIMATE: posts read are the desk's own count")
                    .contains("HTTP 403").contains("150 of 200 (75%, your cap)").contains("WARNING: 75%")
                    .contains("2 (2 with a link)");

            StringWriter over = new StringWriter();
            assertThat(run(over, "--home", home.toString(), "usage", "--offline", "--set-budget", "1"))
                    .as(over.toString()).isEqualTo(UsageCommand.OVER); // $1.15 of $1
            assertThat(over.toString()).contains("$1.15 of $1.00").contains("OVER").contains("not asked (--offline)");

            StringWriter bad = new StringWriter();
            assertThat(run(bad, "--home", home.toString(), "usage", "--offline", "--set-billing-day", "30"))
                    .isEqualTo(2);
            assertThat(bad.toString()).contains("billing day must be 1 to 28");
        }
    }

    @Test
    void collectSaysWhenTheUsedUpMonthlyCapResetsAndExits5() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.usageProject(0, 10_000, 3);
            server.usageNeedsAppOnly(true);
            server.usageCapped(true);
            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "collect", "--twitter-api-base", server.base(),
                    "--poll-seconds", "0.5", "--duration", "30");
            assertThat(code).as(out.toString()).isEqualTo(CollectCommand.USAGE_CAPPED);
            java.time.LocalDate reset = org.crisisdesk.usage.UsageMeter.nextReset(
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC), 3);
            assertThat(out.toString()).contains("USAGE_CAPPED until " + reset + "T00:00:01Z")
                    .contains("monthly cap reached; resets " + reset + " (UTC, X's reset day)");
            assertThat(server.cappedAnswers()).isEqualTo(1);
        }
    }
}
