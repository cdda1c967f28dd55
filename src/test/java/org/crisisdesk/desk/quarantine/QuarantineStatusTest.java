package org.crisisdesk.desk.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.status.StatusBarView;
import org.crisisdesk.desk.status.StatusViewModel;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20: posts that could not be stored are counted in the status bar ("3 posts set aside"), and the link opens
 * their list with the reason and the raw text shown safely (a bidi override or an escape sequence written out, never
 * acting); nothing shows while none are held.
 */
@ExtendWith(ApplicationExtension.class)
class QuarantineStatusTest {
    private final Path home = TempDesk.newHome();
    private final Services services = TempDesk.open(home, Clock.systemUTC());
    private final DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), Clock.systemUTC(), ZoneId.of("Asia/Seoul"));
    private final QuarantineViewModel model = new QuarantineViewModel(services.quarantine(),
            new Background(services.background()));
    private Hyperlink link;

    @Start
    void start(Stage stage) {
        StatusBarView bar = new StatusBarView(ctx, new StatusViewModel(Clock.systemUTC(), "/tmp/crisisdesk.mv.db"));
        link = QuarantineStatus.link(ctx, model, () -> QuarantineWindow.open(stage, ctx, model));
        bar.getRightItems().add(0, link);
        stage.setScene(new Scene(bar, 1000, 40));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void hold(String id, String text, String why) {
        services.quarantine().hold(new Mention("x", id, Instant.parse("2026-10-17T01:00:00Z"), "a", null, null, text,
                null, null, null), why);
    }

    @Test
    void heldPostsAreCountedInTheStatusBarAndListedWithTheirReasonAndTheirRawTextMadeHarmless(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(link.isVisible()).as("nothing held, nothing shown").isFalse();

        hold("1", "abc\u202Efdp.exe \u001B[2J cleared", "Value too long for column SUGGESTION_REASON");
        hold("2", "ha".repeat(30), "StackOverflowError in a rule");
        hold("3", "third", "database refused it");
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, link::isVisible);
        assertThat(link.getText()).isEqualTo("3 posts set aside");
        assertThat(link.getTooltip().getText()).contains("kept raw").contains("tries them again");

        // keyboard: focus the link and press Enter
        robot.interact(link::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantineWindow(robot) != null);
        ListView<?> list = robot.lookup("#quarantine-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        Label reason = robot.lookup("#quarantine-reason").queryAs(Label.class);
        TextArea raw = robot.lookup("#quarantine-raw").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !raw.getText().isEmpty());
        assertThat(reason.getText()).isEqualTo("Why it could not be stored: Value too long for column SUGGESTION_REASON");
        assertThat(raw.getText()).contains("abc<U+202E>fdp.exe \\u001B[2J cleared").doesNotContain("\u202E")
                .doesNotContain("\u001B");
        assertThat(raw.isEditable()).isFalse();
        assertThat(robot.lookup("#quarantine-intro").queryAs(Label.class).getText())
                .startsWith("3 posts could not be stored");

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reason.getText().contains("StackOverflowError"));
        assertThat(raw.getText()).contains("haha");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantineWindow(robot) == null);

        // a post stored after all leaves the count
        services.quarantine().release(services.quarantine().all().get(0).id());
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2 posts set aside".equals(link.getText()));
    }

    @Test
    void theWordsExistInKoreanToo() {
        I18n ko = new I18n(I18n.KOREAN);
        assertThat(ko.t("quarantine.status", 3)).isEqualTo("게시물 3건 보류됨");
        assertThat(new I18n(I18n.ENGLISH).t("quarantine.status", 1)).isEqualTo("1 post set aside");
    }

    private static Window quarantineWindow(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "Posts set aside".equals(s.getTitle())).findFirst().orElse(null);
    }
}
