package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The issue's "done when", in real time: a compatible server releases 1,300 mentions in bursts (550 within one
 * second), {@code crisisdesk collect} stores every one exactly once with full, unescaped text and receives no 429, in
 * both API modes. The server's rate windows are X's per-15-minute limits compressed into 15 seconds, so pacing is
 * exercised for real.
 */
class CollectCommandTest {

    /** Bursts: seconds after the first poll → how many, each spread over one second (at most 550 a second). */
    static final double[][] BURSTS = {{0.3, 550}, {2.5, 300}, {4.5, 250}, {6.5, 200}};

    static FakeXServer crisisServer(ApiVersion api) {
        return crisisServer(api, BURSTS);
    }

    static FakeXServer crisisServer(ApiVersion api, double[][] bursts) {
        FakeXServer server = new FakeXServer(Clock.systemUTC());
        server.limit("mentions", api == ApiVersion.V2 ? 300 : 75, Duration.ofSeconds(15));
        server.limit("me", 75, Duration.ofSeconds(15));
        int n = 0;
        for (double[] b : bursts) {
            Duration at = Duration.ofMillis((long) (b[0] * 1000));
            for (int i = 0; i < b[1]; i++, n++) {
                String text = n % 10 == 0
                        ? "@desk_official 긴 민원 #" + n + " & <전문>: " + "요금이 두 번 청구되었습니다. ".repeat(20) + "끝"
                        : "@desk_official 배송 지연 #" + n + " — 5 > 3 & 2 < 4, R&D &amp; 그대로";
                // spread each burst over (at most) one second
                server.afterFirstPoll(at.plusMillis(i * 1000L / (long) b[1]), text);
            }
        }
        return server;
    }

    static Map<String, String> storedTexts(Path home) {
        Map<String, String> texts = new HashMap<>();
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            s.mentions().forEach(MentionFilter.ALL, m -> {
                if (texts.put(m.platformId(), m.text()) != null) {
                    throw new AssertionError("stored twice: " + m.platformId());
                }
            });
        }
        return texts;
    }

    static void assertEveryMentionExactlyOnce(FakeXServer server, Path home) {
        List<FakeXServer.Post> all = server.allMentions();
        assertThat(all).hasSize(1300);
        Map<String, String> stored = storedTexts(home);
        assertThat(stored).hasSize(1300);
        for (FakeXServer.Post p : all) {
            assertThat(stored.get(Long.toString(p.id()))).as("mention %s", p.id()).isEqualTo(p.text());
        }
        assertThat(server.tooManyRequests()).isZero();
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new CrisisDeskCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void collectsABurstyCrisisExactlyOnceWithoutA429(ApiVersion api) throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = crisisServer(api)) {
            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "collect", "--source", "twitter", "--api", api.label(),
                    "--twitter-api-base", server.base(), "--poll-seconds", "0.2", "--duration", "14");

            assertThat(code).as(out.toString()).isZero();
            assertThat(server.firstPoll()).as("collect polled").isNotNull();
            assertThat(Duration.between(server.firstPoll(), Instant.now())).as(out.toString())
                    .isGreaterThan(Duration.ofSeconds(8)); // it ran past the last burst
            try {
                assertEveryMentionExactlyOnce(server, home);
            } catch (AssertionError e) {
                throw new AssertionError("collect printed:\n" + out, e);
            }
            assertThat(out.toString()).contains("poll 1:").contains("1300 new mentions stored")
                    .containsPattern("rate \\d+/" + (api == ApiVersion.V2 ? 300 : 75));
        }
    }

    @Test
    void withoutCredentialsItSaysWhatToDo() {
        StringWriter out = new StringWriter();
        int code = run(out, "--home", TempDesk.newHome().toString(), "collect");
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("no X account is connected").contains("twitter4j.properties");
    }

    @Test
    void rejectedCredentialsEndWithStatus3() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.revoke("Token revoked.");
            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "collect", "--twitter-api-base", server.base(),
                    "--duration", "20");
            assertThat(code).as(out.toString()).isEqualTo(3);
            assertThat(out.toString()).contains("CREDENTIALS_REJECTED").contains("Token revoked.");
        }
    }

    @Test
    void replaysAScenarioHeadless() throws Exception {
        Path home = TempDesk.newHome();
        Path scenario = home.resolve("mini.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(String.format("{\"id\":\"%d\",\"created_at\":\"2026-10-17T09:00:%02d+09:00\",\"author\":\"u%d\","
                    + "\"text\":\"replayed %d\",\"release_s\":%d}%n", 100 + i, i, i, i, i / 10));
        }
        java.nio.file.Files.writeString(scenario, sb.toString());
        StringWriter out = new StringWriter();
        int code = run(out, "--home", home.toString(), "collect", "--source", "replay", "--replay",
                scenario.toString(), "--speed", "100", "--duration", "20");
        assertThat(code).as(out.toString()).isZero();
        // a replay is a drill: into the drill database, never the live one (issue 26)
        try (Services drill = Services.openDrill(home, null, Clock.systemUTC())) {
            assertThat(drill.mentions().count(MentionFilter.ALL)).isEqualTo(30);
        }
        assertThat(storedTexts(home)).isEmpty();
        assertThat(out.toString()).contains("FINISHED");
    }

    /** One run of collect against a server set up by {@code setup}; returns the exit code and the printed text. */
    private static Map.Entry<Integer, String> collectAgainst(java.util.function.Consumer<FakeXServer> setup, String api,
            String seconds) throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.mention("@desk_official 문의", Instant.now().minusSeconds(5));
            setup.accept(server);
            StringWriter out = new StringWriter();
            int code = run(out, "--home", home.toString(), "collect", "--api", api, "--twitter-api-base",
                    server.base(), "--poll-seconds", "0.2", "--duration", seconds);
            return Map.entry(code, out.toString());
        }
    }

    @Test
    void anEndpointOutsideTheAccessLevelEndsWithStatus4AndNamesIt() throws Exception {
        var r = collectAgainst(s -> s.notEnrolled("mentions"), "v2", "20");
        assertThat(r.getKey()).as(r.getValue()).isEqualTo(CollectCommand.ACCESS_LEVEL);
        assertThat(r.getValue()).contains("ACCESS_LEVEL").contains("client-not-enrolled")
                .contains("GET /2/users/:id/mentions");
    }

    @Test
    void v11RefusedWith453EndsWithStatus4AndSaysV11IsLegacy() throws Exception {
        var r = collectAgainst(FakeXServer::retireV11, "v1.1", "20");
        assertThat(r.getKey()).as(r.getValue()).isEqualTo(CollectCommand.ACCESS_LEVEL);
        assertThat(r.getValue()).contains("warning: API v1.1 is legacy").contains("code 453")
                .contains("account/verify_credentials").contains("choose v2");
    }

    @Test
    void aUsedUpMonthlyCapEndsWithStatus5() throws Exception {
        var r = collectAgainst(s -> s.usageCapped(true), "v2", "20");
        assertThat(r.getKey()).as(r.getValue()).isEqualTo(CollectCommand.USAGE_CAPPED);
        // the reset day X's usage endpoint names (UsageCapTest covers the wait and the billing-day fallback)
        assertThat(r.getValue()).contains("USAGE_CAPPED")
                .containsPattern("monthly cap reached; resets \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void stoppedWhileWaitingOutA429EndsWithStatus6AndSaysUntilWhen() throws Exception {
        var r = collectAgainst(s -> s.fault("mentions", 429,
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}"), "v2", "3");
        assertThat(r.getKey()).as(r.getValue()).isEqualTo(CollectCommand.RATE_LIMITED);
        assertThat(r.getValue()).containsPattern("RATE_LIMITED until \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z")
                .contains("15-minute window");
    }
}
