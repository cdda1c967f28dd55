package org.crisisdesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.notice.WritingStore;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.crisisdesk.desk.kit.ScrollInto;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 22's team settings in the desk's settings window: "notices need approval" and the collision window (minutes,
 * default 10) are stored in the database, so every desk on it follows them: the next queued notice waits for a second
 * person, and the composer's ask-first window is the new one.
 */
@ExtendWith(ApplicationExtension.class)
class TeamSettingsTest {
    private Path home;
    private DeskSession session;
    private SettingsDialog settings;

    @Start
    void start(Stage stage) throws Exception {
        home = TempDesk.newHome();
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 1), java.time.Clock.systemUTC(),
                true);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        window.setControls(DeskControls.NONE, DeskPrefs.load(home));
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
        settings = window.openSettings();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }


    private Services services() {
        return settings.model().services();
    }

    private StoredNotice queue(Category c, String key) {
        Notice facts = new Notice(c.id(), c.name(), services().clock().instant(), "물류팀",
                org.crisisdesk.notice.Stage.parse("1/4"), null, null, null, null, null, NoticeLang.KO, 0, null);
        Composition comp = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false,
                ZoneId.of("Asia/Seoul"));
        return services().notices().outbox().queue(comp.notice(), comp.parts(), key, Templates.KO_STANDARD, "김민지");
    }

    @Test
    void approvalAndTheCollisionWindowAreSavedToTheDatabaseAndFollowed(FxRobot robot) throws Exception {
        await(() -> settings.model().loadedProperty().get());
        CheckBox approval = robot.lookup("#settings-approval-required").queryAs(CheckBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> minutes = robot.lookup("#settings-collision-minutes").queryAs(Spinner.class);
        // a desk on its own H2 file: off, and the window is the default
        assertThat(approval.isSelected()).isFalse();
        assertThat(minutes.getValue()).isEqualTo(WritingStore.DEFAULT_WINDOW_MINUTES);

        ScrollInto.show(robot, "#settings-approval-required");
        robot.clickOn("#settings-approval-required");
        await(() -> services().notices().approvals().required());
        assertThat(services().settings().get(org.crisisdesk.notice.ApprovalStore.SETTING, null)).isEqualTo("true");
        Category delivery = services().categories().ensure("배송 지연");
        assertThat(queue(delivery, "team-settings-1").state()).as("the next notice waits for a second person")
                .isEqualTo(NoticeState.AWAITING_APPROVAL);

        ScrollInto.show(robot, "#settings-collision-minutes");
        robot.doubleClickOn(minutes.getEditor()).eraseText(4).write("25").type(KeyCode.ENTER);
        await(() -> services().notices().writing().windowMinutes() == 25);
        assertThat(services().settings().get(WritingStore.WINDOW_SETTING, null)).isEqualTo("25");
        // the composer's ask-first check reads it: the notice waiting since just now is, 20 minutes on, within the
        // new 25-minute window (it was not within the default 10)
        java.time.Instant later = services().clock().instant().plus(Duration.ofMinutes(20));
        assertThat(services().notices().writing().collision(services().notices().store(), delivery.id(), later)
                .recent()).isNotNull();
        assertThat(settings.model().statusProperty().get()).startsWith("Saved");

        // switched off again: the next notice is queued for posting straight away
        ScrollInto.show(robot, "#settings-approval-required");
        robot.clickOn("#settings-approval-required");
        await(() -> !services().notices().approvals().required());
        assertThat(queue(delivery, "team-settings-2").state()).isEqualTo(NoticeState.QUEUED);

        // a window reopened reads what is stored (as another desk's would)
        robot.interact(() -> settings.model().load());
        await(() -> settings.model().collisionMinutesProperty().get() == 25);
        assertThat(minutes.getValue()).isEqualTo(25);
        assertThat(approval.isSelected()).isFalse();
    }
}
