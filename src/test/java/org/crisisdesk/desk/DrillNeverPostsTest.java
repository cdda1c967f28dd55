package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 1: with the account's keys saved in the home, a notice written during the demo replay must never
 * reach X. The demo runs on a database of its own, with a publisher that only records what would have been posted.
 */
class DrillNeverPostsTest {

    @Test
    void aNoticePostedDuringTheDemoNeverReachesTheAccountAndStaysOutOfTheLiveDatabase() throws Exception {
        Path home = TempDesk.newHome();
        try (FakeXServer x = new FakeXServer(Clock.systemUTC())) {
            TwitterProperties.save(home, x.settings(ApiVersion.V2)); // the real account is connected
            // the welcome screen's "Try the demo"
            DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 100), Clock.systemUTC(), true);
            Services demo = opened.services();
            StoredNotice posted;
            try {
                assertThat(opened.replay()).isNotNull();
                opened.collector().start();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (demo.mentions().count(MentionFilter.ALL) == 0 && Instant.now().isBefore(deadline)) {
                    Thread.onSpinWait();
                    Thread.sleep(20);
                }
                assertThat(demo.mentions().count(MentionFilter.ALL)).as("the replay stored mentions").isPositive();

                Category c = demo.categories().active().get(0);
                Instant asOf = demo.clock().instant();
                Notice facts = new Notice(c.id(), c.name(), asOf, "물류팀", Stage.parse("2/4 재배송 준비"),
                        asOf.plus(Duration.ofHours(4)), asOf.plus(Duration.ofHours(2)), null, null, null,
                        NoticeLang.KO, 0, null);
                Composition comp = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false,
                        DeskBootstrap.DEMO_ZONE);
                Outbox outbox = demo.notices().outbox();
                StoredNotice n = outbox.queue(comp.notice(), comp.parts(), "drill-test", Templates.KO_STANDARD);
                Outbox.Outcome o = outbox.post(n.id());
                posted = o.notice();

                assertThat(x.ownPosts()).as("nothing reached the account").isEmpty();
                assertThat(x.requestCount("POST /2/tweets")).isZero();
                assertThat(demo.drill()).isTrue();
                // the drill's outbox records what would have gone out, so the drill goes on as a live desk would
                assertThat(o.kind()).isEqualTo(Outbox.Outcome.Kind.POSTED);
                assertThat(posted.platformUrl()).startsWith("https://drill.invalid/");
                assertThat(java.nio.file.Files.readString(demo.dataHome().resolve("drill-outbox.jsonl")))
                        .contains("물류팀");
            } finally {
                opened.collector().stop(Duration.ofSeconds(10));
                demo.close();
            }
            assertThat(x.ownPosts()).isEmpty();
        }
        // the live database holds none of the demo's rows
        try (Services live = Services.open(home, null, Clock.systemUTC())) {
            assertThat(live.drill()).isFalse();
            assertThat(live.mentions().count(MentionFilter.ALL)).isZero();
            assertThat(live.notices().store().recent(10)).isEmpty();
        }
    }
}
