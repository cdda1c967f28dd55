package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.HttpTestPublisher;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * "Logs contain no mention text at INFO": everything logged at INFO and above (the production level) while mentions
 * come from X (with a damaged answer among them that quotes a mention), are imported from a file (with a broken line),
 * filed into a board and answered by a posted notice, is searched for the mentions' text.
 */
class LogPrivacyTest {
    private static final String SECRET = "기밀민원 010-1234-5678 주소 서울시 비밀구";
    private static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    /** What the log must hold at INFO after the run (issue 26: operational events). */
    private final List<String> operational = new ArrayList<>();
    private Logger root;
    private Level before;

    @BeforeEach
    void captureAtInfo() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before = root.getLevel();
        root.setLevel(Level.INFO); // what logback.xml sets for the app
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        root.setLevel(before);
    }

    @Test
    void ingestMoveAndNoticeLogNoMentionTextAtInfo() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Path home = TempDesk.newHome();
        try (FakeXServer x = new FakeXServer(clock);
                org.crisisdesk.notice.FakeXServer posts = new org.crisisdesk.notice.FakeXServer(Clock.systemUTC());
                Services s = TempDesk.open(home, clock)) {
            // from X, with one damaged answer that carries a mention's text
            x.mention("@desk_official " + SECRET + " 배송 언제 와요", T0);
            x.fault("mentions", 200, "{\"data\":[{\"id\":\"1\",\"text\":\"" + SECRET + "\",\"author_id\":");
            x.rawFault(new FakeXServer.RawFault("mentions", 200, "text/html", ("<html>" + SECRET + "</html>")
                    .getBytes(StandardCharsets.UTF_8)));
            TwitterSource source = new TwitterSource(x.settings(ApiVersion.V2),
                    XClient.create(x.settings(ApiVersion.V2), clock), Duration.ofSeconds(10), new Random(1));
            StoreContext ctx = new StoreContext(s, source.key(), clock,
                    c -> clock.instant().isAfter(T0.plus(Duration.ofMinutes(3))));
            source.run(ctx);
            // from a file, with a broken line quoting it
            Path file = home.resolve("in.jsonl");
            Files.writeString(file, "{\"id\":\"f1\",\"created_at\":\"2026-10-17T05:00:00Z\",\"author\":\"a\",\"text\":\""
                    + SECRET + " 환불\"}\n{\"id\":\"f2\",\"text\":" + SECRET + "}\n", StandardCharsets.UTF_8);
            assertThat(s.importer("test").importFile(file).rejected()).hasSize(1);
            // filed, and answered with a notice posted over HTTP
            List<StoredMention> all = new ArrayList<>();
            s.mentions().forEach(MentionFilter.ALL, all::add);
            assertThat(all).hasSize(2).allSatisfy(m -> assertThat(m.mention().text()).contains(SECRET));
            Category delivery = s.categories().ensure("배송 지연");
            s.triage().move(all.stream().map(StoredMention::pk).toList(), delivery.id(), "desk");
            s.setPublisherProvider(() -> new HttpTestPublisher(posts.baseUrl(), Duration.ofSeconds(3)));
            Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", new Stage(1, 3, "확인 중"),
                    null, null, null, null, null, NoticeLang.KO, 2, null);
            Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false,
                    ZoneId.of("Asia/Seoul"));
            var n = s.notices().outbox().queue(c.notice(), c.parts(), "k1", Templates.KO_STANDARD);
            assertThat(s.notices().outbox().post(n.id()).posted()).isTrue();
            // issue 26: the operational events are in the log too: a hand-posted notice, an export, a shift that
            // starts and ends (with its automatic backup), the alert watch
            Notice second = new Notice(delivery.id(), delivery.name(), clock.instant().plusSeconds(600), "물류팀",
                    new Stage(2, 3, "재배송"), null, null, null, null, null, NoticeLang.KO, 2, null);
            Composition c2 = NoticeService.compose(second, Templates.standard(NoticeLang.KO).body(), false,
                    ZoneId.of("Asia/Seoul"));
            var hand = s.notices().outbox().queue(c2.notice(), c2.parts(), "k2", Templates.KO_STANDARD);
            s.notices().outbox().markPostedByHand(hand.id(), "https://x.com/desk_official/status/1850000000000000009");
            s.exporter().export(MentionFilter.ALL, org.crisisdesk.mention.MentionExporter.Format.CSV,
                    home.resolve("out.csv"), id -> delivery.name());
            s.shifts().start("김민지", "09-18", ZoneId.of("Asia/Seoul"));
            clock.advance(Duration.ofHours(1));
            s.shifts().endCurrent();
            clock.advance(Duration.ofHours(5)); // long past the notice's cadence: the watch has something to say
            // a replayed source through a collector: its state changes are logged, never what it carried
            Path scenario = home.resolve("mini.jsonl");
            Files.writeString(scenario, "{\"id\":\"r1\",\"created_at\":\"2026-10-17T05:00:00Z\",\"author\":\"b\","
                    + "\"text\":\"" + SECRET + " 재생\",\"release_s\":0}\n", StandardCharsets.UTF_8);
            var replayClock = new org.crisisdesk.source.replay.ReplayClock(Clock.systemUTC(), T0, 1000);
            var collector = new org.crisisdesk.source.Collector(new org.crisisdesk.source.replay.ReplaySource(
                    org.crisisdesk.source.replay.Scenario.read(scenario), replayClock), s.pipeline("replay"),
                    s.mentions(), replayClock);
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
            collector.addListener(new org.crisisdesk.source.IngestListener() {
                @Override
                public void ingested(List<StoredMention> mentions) {}

                @Override
                public void status(String name, org.crisisdesk.source.SourceStatus st) {
                    if (st.state() == org.crisisdesk.source.SourceStatus.State.FINISHED) {
                        finished.countDown();
                    }
                }
            });
            collector.start();
            assertThat(finished.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            collector.stop(Duration.ofSeconds(10));
            var tick = s.alerts().evaluate();
            tick.changes().forEach(ch -> operational.add("Alert #" + ch.alert().id() + " " + ch.kind()));
        }

        List<ILoggingEvent> events = captured.list;
        List<String> lines = events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        operational.addAll(List.of("queued", "posted (API)", "marked as posted by hand", "Export: 2 mentions",
                "started (planned 09-18)", "ended", "Backup (shift-end)", ": FINISHED"));
        for (String expected : operational) {
            assertThat(lines).as("an INFO line with \"%s\"", expected).anyMatch(l -> l.contains(expected));
        }
        XCredentials keys = FakeXServer.CREDENTIALS;
        assertThat(events).as("the run logs something at INFO, so the scan below means something")
                .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("connected"));
        for (ILoggingEvent e : events) {
            assertThat(e.getLevel().isGreaterOrEqual(Level.INFO)).isTrue();
            assertThat(e.getFormattedMessage()).as("%s %s", e.getLevel(), e.getLoggerName()).doesNotContain("기밀민원")
                    .doesNotContain("010-1234").doesNotContain("배송 언제 와요").doesNotContain("김민지")
                    .doesNotContain(keys.consumerSecret()).doesNotContain(keys.accessTokenSecret())
                    .doesNotContain(keys.accessToken()).doesNotContain(keys.consumerKey());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as("exception logged by %s", e.getLoggerName())
                        .doesNotContain("기밀민원");
            }
        }
        System.out.println("log privacy: " + events.size() + " events at INFO and above, none with mention text");
    }
}
