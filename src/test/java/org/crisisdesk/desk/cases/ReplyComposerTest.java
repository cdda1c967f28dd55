package org.crisisdesk.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.DrillPublisher;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 25: Ctrl+R on the selected mention opens the reply composer with the template filled, its weighted length
 * and the says-something lint as one types; Ctrl+Enter sends it once through the outbox, and the mention's detail
 * shows the reply. On a drill desk the reply goes to the drill outbox: the account (a compatible X server whose keys
 * are in the home) gets nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ReplyComposerTest {
    private final FakeXServer server = new FakeXServer(java.time.Clock.systemUTC());
    private Path home;
    private DeskSession session;

    @Start
    void start(Stage stage) throws Exception {
        home = TempDesk.newH2Home();
        TwitterProperties.save(home, server.settings(ApiVersion.V2)); // the account's keys are there: still no post
        Services services = Services.openDrillForDesk(home, java.time.Clock.systemUTC());
        long centre = services.categories().active().stream().filter(c -> c.customerCentre()).findFirst()
                .orElseThrow().id();
        Instant now = Instant.now();
        List<StoredMention> stored = services.mentions().ingest(List.of(
                new Filing(new Mention("x", "777", now.minus(Duration.ofMinutes(3)), "minji", "김민지", "ko",
                        "@desk_official 환불이 안 돼요", null, null, null), centre, "IMPORT", null, null, null),
                new Filing(new Mention("x", "778", now.minus(Duration.ofMinutes(5)), "jihun", null, "ko",
                        "@desk_official 교환 문의", null, null, null), centre, "IMPORT", null, null, null),
                new Filing(new Mention("x", "779", now.minus(Duration.ofMinutes(6)), "sora", null, "ko",
                        "@desk_official 배송 문의", null, null, null), centre, "IMPORT", null, null, null)),
                null, "test");
        // two cases already have helpdesk tickets: their replies say something of their own
        for (StoredMention sm : stored.subList(1, 3)) {
            var store = services.cases().store();
            var t = store.enqueue(sm.pk(), "k-" + sm.pk(), "test");
            store.claim(t.id(), t.state(), "ZENDESK");
            store.markSent(t.id(), "ZENDESK", new org.crisisdesk.cases.Ticket("9" + sm.mention().platformId(),
                    "#9" + sm.mention().platformId(), null), "API");
        }
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), services.clock(), java.time.ZoneId.of("Asia/Seoul"));
        session = new DeskSession(services, ctx, null, null);
        MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.close();
        server.close();
    }

    @Test
    void ctrlROpensTheComposerAndCtrlEnterRepliesOnceToTheDrillOutboxAndTheDetailShowsIt(FxRobot robot)
            throws Exception {
        @SuppressWarnings("unchecked")
        ListView<StoredMention> feed = robot.lookup("#feed-list").queryAs(ListView.class);
        waitFor(() -> feed.getItems().size() == 3);
        robot.interact(() -> {
            feed.getSelectionModel().select(feed.getItems().stream()
                    .filter(m -> m.mention().author().equals("minji")).findFirst().orElseThrow());
            feed.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#reply-text").tryQuery().isPresent()
                && !robot.lookup("#reply-text").queryAs(TextArea.class).isDisabled());

        TextArea text = robot.lookup("#reply-text").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo("고객센터로 전달했습니다."); // no ticket, no notice yet: those sentences drop
        assertThat(label(robot, "#reply-note")).startsWith("Drill: ");
        assertThat(label(robot, "#reply-counter")).isEqualTo("Length " + weighted(text.getText()) + "/280");
        assertThat(label(robot, "#reply-warn")).contains("empty apology"); // nothing concrete in it yet

        robot.interact(() -> text.setText("고객센터로 전달했습니다. 주문 A-1 환불은 오늘 18:00까지 처리됩니다."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#reply-warn")).isEmpty();
        assertThat(label(robot, "#reply-counter")).isEqualTo("Length " + weighted(text.getText()) + "/280");
        robot.interact(() -> text.setText("가".repeat(141)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reply-send").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(label(robot, "#reply-counter")).isEqualTo("Length 282/280");
        String reply = "고객센터로 전달했습니다. 주문 A-1 환불은 오늘 18:00까지 처리됩니다.";
        robot.interact(() -> text.setText(reply));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(text).press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#reply-shown").tryQuery().isPresent());
        assertThat(label(robot, "#reply-shown")).isEqualTo(reply);
        assertThat(label(robot, "#reply-state")).startsWith("Posted ");
        assertThat(robot.lookup("#reply-composer").tryQuery()).isEmpty(); // the composer closed
        assertThat(robot.lookup("#reply-open").tryQuery()).isEmpty(); // one reply per mention

        Path drillOutbox = Services.drillHome(home).resolve(DrillPublisher.FILE_NAME);
        assertThat(Files.readAllLines(drillOutbox)).singleElement().satisfies(l -> assertThat(l).contains("777"));
        assertThat(server.ownPosts()).isEmpty();
        assertThat(server.requestCount("/2/tweets")).isZero();

        // Ctrl+R again: the composer says it was answered already and cannot send
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#reply-warn").tryQuery().isPresent()
                && label(robot, "#reply-warn").contains("already replied"));
        assertThat(robot.lookup("#reply-send").queryAs(Button.class).isDisabled()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void ctrlROnASelectionAsksFirstThenQueuesOneOwnReplyEachPacedAndSkipsTheOneThatSaysNothing(FxRobot robot)
            throws Exception {
        @SuppressWarnings("unchecked")
        ListView<StoredMention> feed = robot.lookup("#feed-list").queryAs(ListView.class);
        waitFor(() -> feed.getItems().size() == 3);
        robot.interact(() -> {
            feed.getSelectionModel().selectAll();
            feed.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#reply-selection-confirm").tryQuery().isPresent());
        assertThat(robot.lookup("#reply-selection-confirm .content").queryAs(Label.class).getText())
                .startsWith("Each of the 3 selected mentions gets its own reply").contains("20 s apart");
        Services services = session.services();
        assertThat(feed.getItems()).allSatisfy(m -> assertThat(services.replies().recorded(m.pk())).isEmpty());
        javafx.scene.control.DialogPane confirm = robot.lookup("#reply-selection-confirm")
                .queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(confirm.lookupButton(javafx.scene.control.ButtonType.OK));

        StoredMention minji = feed.getItems().stream().filter(m -> m.mention().author().equals("minji")).findFirst()
                .orElseThrow();
        List<StoredMention> cases = feed.getItems().stream().filter(m -> m != minji).toList();
        waitFor(() -> cases.stream().allMatch(m -> services.replies().recorded(m.pk()).isPresent()));
        assertThat(services.replies().recorded(minji.pk())).isEmpty(); // "고객센터로 전달했습니다." alone: skipped
        List<org.crisisdesk.notice.StoredNotice> replies = cases.stream()
                .map(m -> services.replies().replyOf(m.pk()).orElseThrow()).toList();
        assertThat(replies).extracting(n -> n.notice().text()).containsExactlyInAnyOrder(
                "고객센터로 전달했습니다. 접수번호 #9778.", "고객센터로 전달했습니다. 접수번호 #9779.");
        // paced: the second waits its turn in the outbox, 20 s after the first (never the same moment)
        Instant first = replies.stream().map(r -> r.nextAttemptAt() == null ? Instant.EPOCH : r.nextAttemptAt())
                .min(Instant::compareTo).orElseThrow();
        Instant second = replies.stream().map(r -> r.nextAttemptAt() == null ? Instant.EPOCH : r.nextAttemptAt())
                .max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(19));
        assertThat(server.ownPosts()).isEmpty();
    }

    private static int weighted(String s) {
        return com.twitter.twittertext.TwitterTextParser.parseTweet(s).weightedLength;
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return ok.getAsBoolean();
        });
    }
}
