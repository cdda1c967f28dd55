package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #5's "done when", end to end, on a live desk: a manager opens "Post update" on the 배송 지연 column,
 * writes a Korean progress notice, sees its exact weighted length, and posts it through the real X publisher
 * (twitter4j over HTTP) to a compatible server that drops the connection after accepting the post. It is posted once,
 * and the column shows it as covered.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeDoneWhenTest {
    private static final int FILED = 12;

    private final FakeXServer server = new FakeXServer(java.time.Clock.systemUTC());
    private Path home;
    private DeskSession session;
    private Category delivery;

    @Start
    void start(Stage stage) throws Exception {
        home = TempDesk.newHome();
        // A live desk: a demo is a drill and never posts to an account (issue 26), so this runs on the home's live
        // database with the account's keys, and the complaints are filed below as a live feed would have brought them.
        DeskBootstrap.Opened opened = new DeskBootstrap.Opened(
                org.crisisdesk.app.Services.openForDesk(home, null, java.time.Clock.systemUTC()), null, null,
                java.time.ZoneId.of("Asia/Seoul"));
        delivery = opened.services().categories().byName("배송 지연").orElseThrow();
        fileDeliveryComplaints(opened);
        // The account is connected while the demo runs; the outbox picks the keys up from the home.
        TwitterProperties.save(home, server.settings(ApiVersion.V2));

        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    /** Complaints the team already sorted into the column, written a few scenario minutes ago. */
    private void fileDeliveryComplaints(DeskBootstrap.Opened opened) {
        Instant now = opened.services().clock().instant();
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < FILED; i++) {
            Mention m = new Mention("test", "d" + i, now.minus(Duration.ofMinutes(20 - i)), "cust" + i, "고객 " + i, "ko",
                    "@desk_official 배송 언제 와요? 주문번호 " + (1000 + i), null, null, null);
            batch.add(new Filing(m, delivery.id(), "IMPORT", null, null, null));
        }
        opened.services().mentions().ingest(batch, null, "test");
    }

    @AfterEach
    void close() {
        session.close();
        server.close();
    }

    @Test
    void aKoreanNoticeFromTheDeliveryColumnIsPostedOnceThroughADroppedConnectionAndCoversTheColumn(FxRobot robot)
            throws Exception {
        String key = String.valueOf(delivery.id());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#column-menu-" + key).tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#column-since-" + key).endsWith(FILED + "건"));
        assertThat(label(robot, "#column-last-notice-" + key)).isEqualTo("공지 없음");
        server.fault(new FakeXServer.Fault("/2/tweets", FakeXServer.DROP_AFTER_ACCEPT, null, Duration.ZERO));

        robot.clickOn("#column-menu-" + key);
        robot.clickOn("진행 공지 작성…");
        ComposerViewModel vm = session.composer();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.categoryProperty().get() != null
                && vm.categoryProperty().get().id() == delivery.id() && vm.compositionProperty().get() != null);
        robot.interact(() -> {
            vm.departmentProperty().set("물류팀");
            vm.stepProperty().set(2);
            vm.totalProperty().set(4);
            vm.stageLabelProperty().set("재배송 준비");
            vm.nextUpdateProperty().set(java.time.LocalTime.now(java.time.ZoneId.of("Asia/Seoul")).plusHours(2)
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
            vm.linkProperty().set("https://example.com/notice/42");
        });
        WaitForAsyncUtils.waitForFxEvents();
        String text = vm.compositionProperty().get().text();
        assertThat(text).startsWith("[배송 지연 안내] ").contains(" 현재 물류팀이 4단계 중 2단계(재배송 준비)를 진행 중입니다.")
                .contains("https://example.com/notice/42");
        int weighted = TwitterTextParser.parseTweet(text).weightedLength;
        assertThat(label(robot, "#composer-counter")).isEqualTo(weighted + "/280");

        robot.clickOn("#composer-post");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null
                && vm.outcomeProperty().get().posted());

        // Once on the account, though the answer to the post never arrived whole.
        assertThat(server.ownPosts()).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo(text));
        StoredNotice posted = vm.outcomeProperty().get().notice();
        assertThat(posted.state()).isEqualTo(NoticeState.POSTED);
        assertThat(posted.postedBy()).isEqualTo("RECONCILED");
        assertThat(posted.platformId()).isEqualTo(Long.toString(server.ownPosts().get(0).id()));
        assertThat(server.requestCount("/2/tweets")).isEqualTo(1);

        // The column: the last notice is when it was posted (issue #26: one definition), nothing new since.
        String asOf = LocalTime.ofInstant(posted.postedAt(), session.context().zone()).toString().substring(0, 5);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> label(robot, "#column-last-notice-" + key).startsWith("마지막 공지 " + asOf + " ("));
        assertThat(label(robot, "#column-since-" + key)).isEqualTo("공지 후 새 멘션 0건");
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
