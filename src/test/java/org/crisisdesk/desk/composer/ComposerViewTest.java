package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.twitter.twittertext.TwitterTextParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.notice.FakeXServer;
import org.crisisdesk.notice.HttpTestPublisher;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The composer in a real window: the live weighted counter, the blocking, the confirmation and posting. */
@ExtendWith(ApplicationExtension.class)
class ComposerViewTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z"); // 14:00 Seoul

    Path home;
    Services services;
    ComposerViewModel vm;
    MutableClock clock;
    Category delivery;
    final AtomicReference<String> clipboard = new AtomicReference<>();

    Scene scene;

    /** Only the window here: TestFX times its setup, and a loaded machine can be slow to open a database. */
    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene = new Scene(new StackPane(), 640, 760);
        scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        services = TempDesk.open(home, clock);
        delivery = services.categories().ensure("배송 지연");
        robot.interact(this::newComposer);
    }

    /** A composer on the open database, as a desk (re)opening builds it. FX thread. */
    void newComposer() {
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, SEOUL);
        ctx.categories().put(delivery.id(), delivery);
        vm = new ComposerViewModel(services.notices(), ctx, new Background(services.background()),
                new Background(services.outboxExecutor()), home.resolve("notices"));
        ComposerView view = new ComposerView(vm);
        vm.setClipboard(clipboard::set);
        scene.setRoot(view);
    }

    @AfterEach
    void close() {
        services.close();
    }

    /** Opens the composer for the category and fills a complete Korean notice. */
    void openAndFill(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openFor(delivery));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.templates().isEmpty()
                && vm.previousProperty().get() != null && !vm.previousProperty().get().isEmpty());
        robot.interact(() -> {
            vm.departmentProperty().set("물류팀");
            vm.stepProperty().set(2);
            vm.totalProperty().set(4);
            vm.stageLabelProperty().set("재배송 준비");
            vm.etaProperty().set("18:00");
            vm.nextUpdateProperty().set("16:00");
            vm.linkProperty().set("https://example.com/notice/42");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    String counter(FxRobot robot) {
        return robot.lookup("#composer-counter").queryAs(Label.class).getText();
    }

    boolean postDisabled(FxRobot robot) {
        return robot.lookup("#composer-post").queryAs(Button.class).isDisabled();
    }

    @Test
    void theLiveCounterTurnsInvalidAndThePostButtonBlocks(FxRobot robot) throws Exception {
        openAndFill(robot);
        String text = vm.compositionProperty().get().text();
        assertThat(text).isEqualTo("[배송 지연 안내] 14:00 현재 물류팀이 4단계 중 2단계(재배송 준비)를 진행 중입니다. "
                + "다음 안내 16:00, 완료 예상 18:00. 자세히: https://example.com/notice/42");
        int weighted = TwitterTextParser.parseTweet(text).weightedLength;
        assertThat(counter(robot)).isEqualTo(weighted + "/280");
        assertThat(postDisabled(robot)).isFalse();
        assertThat(robot.lookup("#composer-preview-flow").queryAll()).hasSize(1);

        // Fill the done line with Hangul (2 each) up to 279 or 280, then type past the limit.
        robot.interact(() -> {
            int k = 0;
            while (true) {
                vm.doneProperty().set("가".repeat(k + 1));
                if (vm.compositionProperty().get().measure().weighted() > 280) {
                    vm.doneProperty().set("가".repeat(k));
                    break;
                }
                k++;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        int before = vm.compositionProperty().get().measure().weighted();
        assertThat(before).isBetween(279, 280);
        assertThat(postDisabled(robot)).isFalse();
        robot.clickOn("#composer-done").press(KeyCode.END).release(KeyCode.END).write("abc");
        WaitForAsyncUtils.waitForFxEvents();

        int after = vm.compositionProperty().get().measure().weighted();
        assertThat(after).isEqualTo(before + 3).isGreaterThan(280);
        Label counterLabel = robot.lookup("#composer-counter").queryAs(Label.class);
        assertThat(counterLabel.getText()).isEqualTo(after + "/280");
        assertThat(counterLabel.getStyleClass()).contains("over");
        assertThat(postDisabled(robot)).isTrue();
        Text overflow = robot.lookup("#composer-overflow").queryAs(Text.class);
        String posted = vm.compositionProperty().get().text();
        int cut = TwitterTextParser.parseTweet(posted).validTextRange.end + 1;
        assertThat(overflow.getText()).isEqualTo(posted.substring(cut));
        assertThat(overflow.getStyleClass()).contains("preview-overflow");
        assertThat(robot.lookup("#composer-block").queryAs(Label.class).getText()).contains("280");

        // Ctrl+Enter does nothing while it is blocked.
        robot.clickOn("#composer-done").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.notices().store().recent(10)).isEmpty();

        // A thread is allowed: every part fits.
        robot.clickOn("#composer-split");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(postDisabled(robot)).isFalse();
        assertThat(vm.compositionProperty().get().parts()).hasSizeGreaterThan(1);
        robot.clickOn("#composer-split");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(postDisabled(robot)).isTrue();

        // Deleting the extra characters makes it valid again.
        robot.clickOn("#composer-done").press(KeyCode.END).release(KeyCode.END);
        robot.type(KeyCode.BACK_SPACE, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(counterLabel.getText()).isEqualTo(before + "/280");
        assertThat(counterLabel.getStyleClass()).doesNotContain("over");
        assertThat(postDisabled(robot)).isFalse();
        assertThat(robot.lookup("#composer-overflow").tryQuery()).isEmpty();
    }

    @Test
    void anInvalidLinkBlocksAndTheFinalUrlIsShown(FxRobot robot) throws Exception {
        openAndFill(robot);
        // Typing goes through the field: most of the text is put in at once, the last key is typed.
        TextField field = robot.lookup("#composer-link").queryAs(TextField.class);
        robot.interact(() -> field.setText("javascript:alert(1"));
        robot.interact(field::requestFocus); // the composer scrolls a focused field into view
        robot.press(KeyCode.END).release(KeyCode.END).write(")");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.linkProperty().get()).isEqualTo("javascript:alert(1)");
        assertThat(postDisabled(robot)).isTrue();
        Label status = robot.lookup("#composer-link-status").queryAs(Label.class);
        assertThat(status.getStyleClass()).contains("invalid");

        robot.interact(() -> field.setText("http://example.com/notic"));
        robot.clickOn("#composer-link").press(KeyCode.END).release(KeyCode.END).write("e");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(postDisabled(robot)).isTrue();
        assertThat(status.getStyleClass()).contains("invalid");
        assertThat(status.getText()).contains("https를 쓰세요");

        robot.interact(() -> field.setText("Example.com/notic"));
        robot.clickOn("#composer-link").press(KeyCode.END).release(KeyCode.END).write("e");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getStyleClass()).doesNotContain("invalid");
        assertThat(postDisabled(robot)).isFalse();
        assertThat(status.getText()).contains("https://example.com/notice");
        assertThat(vm.compositionProperty().get().text()).endsWith("자세히: https://example.com/notice");
    }

    @Test
    void warningsAskOnceThenNotConnectedKeepsItForPostingByHand(FxRobot robot) throws Exception {
        openAndFill(robot);
        robot.interact(() -> {
            vm.etaProperty().set("");
            vm.nextUpdateProperty().set("");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#composer-warnings").queryAs(javafx.scene.layout.VBox.class).isVisible()).isTrue();

        robot.clickOn("#composer-done").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#composer-confirm").query().isVisible()).isTrue();
        assertThat(services.notices().store().recent(10)).as("nothing posted before confirming").isEmpty();

        robot.clickOn("#composer-post-anyway");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        StoredNotice kept = vm.outcomeProperty().get().notice();
        assertThat(kept.state()).isEqualTo(NoticeState.FAILED);
        assertThat(kept.failureKind()).isEqualTo(StoredNotice.FailureKind.NOT_CONNECTED);
        assertThat(clipboard.get()).isEqualTo(kept.notice().text());
        assertThat(robot.lookup("#composer-outcome").queryAs(Label.class).getText()).contains("연결되어 있지 않습니다");

        // Opened again (as after a restart), the composer shows the kept notice so it can be finished.
        robot.interact(() -> {
            vm.outcomeProperty().set(null);
            vm.openFor(delivery);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        assertThat(vm.outcomeProperty().get().notice().id()).isEqualTo(kept.id());
        assertThat(robot.lookup("#composer-mark-url").query().isVisible()).isTrue();

        robot.clickOn("#composer-mark-url").write("https://x.com/desk/status/1850000000000000123");
        robot.clickOn("#composer-mark-posted");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get().posted());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.timeline().isEmpty());
        StoredNotice marked = services.notices().store().find(kept.id()).orElseThrow();
        assertThat(marked.state()).isEqualTo(NoticeState.POSTED);
        assertThat(marked.platformId()).isEqualTo("1850000000000000123");
        assertThat(vm.progressProperty().get()).contains("2/4");
    }

    @Test
    void postsOnceThroughTheOutboxAndTheNextNoticeMovesTheStageOn(FxRobot robot) throws Exception {
        try (FakeXServer server = new FakeXServer(java.time.Clock.systemUTC())) {
            HttpTestPublisher publisher = new HttpTestPublisher(server.baseUrl(), Duration.ofSeconds(5));
            services.setPublisherProvider(() -> publisher);
            openAndFill(robot);
            robot.clickOn("#composer-post");
            robot.clickOn("#composer-post"); // a double click must not post twice
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null
                    && vm.outcomeProperty().get().posted());
            assertThat(server.posts()).hasSize(1);
            assertThat(robot.lookup("#composer-outcome-link").queryAs(javafx.scene.control.Hyperlink.class).isVisible())
                    .isTrue();

            robot.interact(() -> vm.openFor(delivery));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 3);
            assertThat(vm.departmentProperty().get()).isEqualTo("물류팀");
            assertThat(vm.totalProperty().get()).isEqualTo(4);
            assertThat(vm.previousProperty().get()).contains("2/4 재배송 준비");
        }
    }

    @Test
    void whatIsBeingWrittenIsKeptAsADraftThatComesBackAfterARestartUntilItIsPosted(FxRobot robot) throws Exception {
        openAndFill(robot);
        robot.interact(() -> vm.doneProperty().set("택배사와 재배차 합의"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.notices().store().draft(delivery.id())
                .map(d -> "택배사와 재배차 합의".equals(d.notice().doneLine())).orElse(false));

        robot.interact(this::newComposer); // the desk closed and opened again
        robot.interact(() -> vm.openFor(delivery));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "택배사와 재배차 합의".equals(vm.doneProperty().get()));
        assertThat(vm.departmentProperty().get()).isEqualTo("물류팀");
        assertThat(vm.stepProperty().get()).isEqualTo(2);
        assertThat(vm.stageLabelProperty().get()).isEqualTo("재배송 준비");
        assertThat(vm.nextUpdateProperty().get()).isEqualTo("16:00");
        assertThat(vm.linkProperty().get()).isEqualTo("https://example.com/notice/42");
        assertThat(robot.lookup("#composer-info").queryAs(Label.class).getText()).startsWith("쓰던 초안을 불러왔습니다");

        // Posted (here kept for posting by hand), the draft is gone: it does not come back over the next notice.
        robot.interact(() -> vm.post());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        assertThat(services.notices().store().forCategory(delivery.id()))
                .noneMatch(n -> n.state() == NoticeState.DRAFT);
        assertThat(services.notices().store().draft(delivery.id())).isEmpty();
    }
}
