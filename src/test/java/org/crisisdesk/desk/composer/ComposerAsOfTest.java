package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.notice.CoverageSummary;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #26: "as of" froze when the composer opened (a notice posted at 11:43 said "as of 11:11", and the column then
 * said "last notice 11:11 (47m ago)"). The as-of follows the desk's clock until the person types one; a typed one that
 * is old is asked about; "last notice" is the posting time.
 */
@ExtendWith(ApplicationExtension.class)
class ComposerAsOfTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T02:11:00Z"); // 11:11 Seoul

    Path home;
    Services services;
    ComposerViewModel vm;
    DeskContext ctx;
    MutableClock clock;
    Category delivery;
    Scene scene;

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
        robot.interact(() -> {
            ctx = new DeskContext(new I18n(I18n.KOREAN), clock, SEOUL);
            ctx.categories().put(delivery.id(), delivery);
            vm = new ComposerViewModel(services.notices(), ctx, new Background(services.background()),
                    new Background(services.outboxExecutor()), home.resolve("notices"));
            vm.setClipboard(s -> {});
            scene.setRoot(new ComposerView(vm));
        });
    }

    @AfterEach
    void close() {
        services.close();
    }

    /** The desk's clock moves on and the session's one-second tick reads it. */
    void minutesPass(FxRobot robot, int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
        robot.interact(ctx::tick);
    }

    @Test
    void asOfFollowsTheClockUntilTypedAndLastNoticeIsThePostingTime(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openFor(delivery));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.templates().isEmpty()
                && !vm.previousProperty().get().isEmpty());
        assertThat(vm.asOfProperty().get()).isEqualTo("11:11");
        assertThat(robot.lookup("#composer-asof-live").query().isVisible()).isTrue();

        minutesPass(robot, 32);
        assertThat(robot.lookup("#composer-asof").queryAs(TextField.class).getText()).isEqualTo("11:43");

        robot.interact(() -> {
            vm.departmentProperty().set("물류팀");
            vm.nextUpdateProperty().set("12:43");
            vm.linkProperty().set("https://example.com/notice/1");
            vm.post();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        StoredNotice kept = vm.outcomeProperty().get().notice();
        assertThat(kept.notice().text()).contains("11:43");

        minutesPass(robot, 4); // posted by hand four minutes later
        robot.interact(() -> {
            vm.markUrlProperty().set("https://x.com/desk/status/1850000000000000123");
            vm.markPosted();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get().posted());
        CoverageSummary s = services.notices().store().summary(delivery.id());
        assertThat(s.lastPostedAt()).isEqualTo(T0.plus(Duration.ofMinutes(36)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.summaryProperty().get().startsWith("마지막 안내 11:47"));
        assertThat(vm.summaryProperty().get()).contains("방금");

        // Typed by the person: theirs; it stays, and once old it is asked about.
        robot.clickOn("#composer-asof").eraseText(5).write("11:50");
        assertThat(vm.asOfLiveProperty().get()).isFalse();
        assertThat(robot.lookup("#composer-asof-follow").query().isVisible()).isTrue();
        minutesPass(robot, 10);
        assertThat(vm.asOfProperty().get()).isEqualTo("11:50");
        assertThat(vm.warnings()).noneMatch(w -> w.contains("11:50"));
        minutesPass(robot, 20); // 12:17: 27 minutes old
        assertThat(vm.asOfProperty().get()).isEqualTo("11:50");
        assertThat(vm.warnings()).anyMatch(w -> w.contains("11:50") && w.contains("27분"));

        robot.clickOn("#composer-asof-follow");
        assertThat(vm.asOfProperty().get()).isEqualTo("12:17");
        assertThat(vm.asOfLiveProperty().get()).isTrue();
        assertThat(vm.warnings()).noneMatch(w -> w.contains("분 전입니다"));
    }
}
