package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.IngestListener;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.TwitterSource;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** With keys in the home the desk collects live from X; without them it opens the demo. */
class DeskBootstrapTest {

    @Test
    void aConnectedHomeCollectsLiveFromX() throws Exception {
        Path home = TempDesk.newHome();
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.mention("@desk_official 개통 문의 & 확인", Instant.now());
            TwitterProperties.save(home, server.settings(ApiVersion.V2));
            DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
            List<String> names = new CopyOnWriteArrayList<>();
            List<SourceStatus> states = new CopyOnWriteArrayList<>();
            try {
                assertThat(opened.replay()).isNull();
                assertThat(opened.collector().source()).isInstanceOf(TwitterSource.class);
                opened.collector().addListener(new IngestListener() {
                    @Override
                    public void ingested(List<StoredMention> mentions) {}

                    @Override
                    public void status(String sourceName, SourceStatus status) {
                        names.add(sourceName);
                        states.add(status);
                    }
                });
                opened.collector().start();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                // The LIVE status naming the account may arrive just after the first stored batch.
                while ((opened.services().mentions().count(MentionFilter.ALL) < 1 || !names.contains("X v2 @desk_official")
                        || states.stream().noneMatch(s -> s.state() == SourceStatus.State.LIVE && s.rateRemaining() != null))
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertThat(opened.services().mentions().count(MentionFilter.ALL)).isEqualTo(1);
                assertThat(names).contains("X v2 @desk_official");
                assertThat(states).anyMatch(s -> s.state() == SourceStatus.State.LIVE && s.rateRemaining() != null);
            } finally {
                opened.collector().stop(Duration.ofSeconds(10));
                opened.services().close();
            }
        }
    }

    /** Issue 26: keys saved during a drill do not make the next start live; only the explicit switch does. */
    @Test
    void aHomeThatRanTheDrillStaysInTheDrillUntilThePersonGoesLive() throws Exception {
        Path home = TempDesk.newHome();
        DeskBootstrap.Opened first = DeskBootstrap.open(new DeskOptions(home, null, 10));
        assertThat(first.replay()).isNotNull();
        assertThat(first.services().drill()).isTrue();
        first.services().close();
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            TwitterProperties.save(home, server.settings(ApiVersion.V2));
            DeskBootstrap.Opened again = DeskBootstrap.open(new DeskOptions(home, null, 10));
            try {
                assertThat(again.replay()).as("still the drill").isNotNull();
                assertThat(again.services().drill()).isTrue();
                assertThat(again.services().publisher().connected()).isTrue();
                assertThat(again.services().publisher()).isInstanceOf(org.crisisdesk.notice.DrillPublisher.class);
            } finally {
                again.services().close();
            }
            DeskBootstrap.chooseLive(home);
            DeskBootstrap.Opened live = DeskBootstrap.open(new DeskOptions(home, null, 10));
            try {
                assertThat(live.replay()).isNull();
                assertThat(live.services().drill()).isFalse();
                assertThat(live.services().dataHome()).isEqualTo(home);
            } finally {
                live.services().close();
            }
        }
    }

    @Test
    void incompleteKeysMeanNoLiveSource() throws Exception {
        Path home = TempDesk.newHome();
        java.nio.file.Files.writeString(home.resolve("twitter4j.properties"), "oauth.consumerKey=only-this\n");
        assertThat(DeskBootstrap.connectedAccount(home)).isNull();
    }
}
