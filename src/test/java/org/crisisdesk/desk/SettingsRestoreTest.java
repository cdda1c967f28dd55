package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.HistoryEntry;
import org.crisisdesk.triage.TriageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole application, started twice on one home as a person would: the first start shows the welcome, the
 * settings are saved as they change, and the second start comes back with the same window, theme, zone and desk name
 * (which the move history carries).
 */
class SettingsRestoreTest {
    private final FxRobot robot = new FxRobot();
    private Path home;
    private Stage stage;
    private DeskApp app;

    @BeforeEach
    void setUp() throws Exception {
        home = TempDesk.newHome();
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private DeskApp startDesk() throws Exception {
        DeskApp.useOptions(new DeskOptions(home, null, 20));
        DeskApp started = (DeskApp) FxToolkit.setupApplication(DeskApp::new);
        await(() -> started.session() != null && stage.getScene().getRoot() instanceof MainWindow);
        return started;
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Files the oldest unsorted mention into the first category through the boards; returns its history. */
    private List<HistoryEntry> moveOne(DeskSession session) throws Exception {
        await(() -> !session.services().mentions().page(MentionFilter.category(null), 1).isEmpty());
        StoredMention m = session.services().mentions().page(MentionFilter.category(null), 1).get(0);
        // a category other than the one the mention sits in now (auto-filing may have filed it meanwhile)
        Long now = session.services().mentions().page(MentionFilter.ALL, 500).stream()
                .filter(x -> x.pk() == m.pk()).findFirst().map(StoredMention::categoryId).orElse(null);
        Long target = session.services().categories().active().stream().map(c -> c.id())
                .filter(id -> !id.equals(now)).findFirst().orElseThrow();
        robot.interact(() -> session.boards().move(List.of(m.pk()), target));
        await(() -> !session.services().triage().history(m.pk()).isEmpty());
        return session.services().triage().history(m.pk());
    }

    @Test
    void settingsAreSavedAsTheyChangeAndComeBackOnTheNextStart() throws Exception {
        app = startDesk();
        // first start on a fresh home: the welcome, and the demo waits behind it
        await(() -> robot.lookup("#welcome").tryQuery().isPresent());
        robot.clickOn("#welcome-demo");
        await(() -> robot.lookup("#welcome").tryQuery().isEmpty());

        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(760);
        });
        await(() -> DeskPrefs.load(home).get(DeskPrefs.WINDOW, "").equals("40,30,1100,760"));

        // the column layout: board column width (settings slider) and the feed | boards | detail dividers
        MainWindow window = (MainWindow) stage.getScene().getRoot();
        robot.interact(() -> {
            window.boardsView().setColumnWidth(380);
            window.split().setDividerPositions(0.3, 0.7);
        });
        await(() -> DeskPrefs.load(home).get(DeskPrefs.COLUMN_WIDTH, "").equals("380")
                && DeskPrefs.load(home).get(DeskPrefs.SPLIT, "").startsWith("0.3000,"));

        // Ctrl+, opens the settings
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await(() -> robot.lookup("#settings-window").tryQuery().isPresent());
        Label status = robot.lookup("#settings-status").queryAs(Label.class);

        robot.clickOn("#settings-desk-name").write("Minji Kim").type(KeyCode.ENTER);
        await(() -> status.getText().startsWith("저장됨") || status.getText().startsWith("Saved"));
        DeskSession first = app.session();
        assertThat(DeskPrefs.load(home).get(DeskPrefs.PERSON_NAME)).contains("Minji Kim"); // in the home (issue 22)

        robot.clickOn("#settings-theme-dark");
        await(() -> first.services().settings().get(DeskSettings.THEME).orElse("").equals("dark"));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());

        robot.clickOn("#settings-autofile");
        await(() -> first.services().engine().autoFileThreshold() <= 1.0);
        assertThat(first.services().settings().get(TriageEngine.AUTO_FILE_SETTING)).contains("0.99"); // the calibrated default (issue 24)

        ComboBox<String> zone = robot.lookup("#settings-zone").queryComboBox();
        robot.interact(() -> zone.setValue("Europe/Berlin"));
        await(() -> first.services().settings().get(DeskSettings.ZONE).orElse("").equals("Europe/Berlin"));

        // the name is what the history credits, at once
        assertThat(moveOne(first)).extracting(HistoryEntry::actor).contains("Minji Kim");
        robot.interact(() -> robot.lookup("#settings-window").query().getScene().getWindow().hide());

        FxToolkit.cleanupApplication(app);
        app = null;
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });

        // second start: no welcome; window, theme, zone and name as they were left
        app = startDesk();
        DeskSession second = app.session();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(760);
        assertThat(stage.getX()).isEqualTo(40);
        MainWindow reopened = (MainWindow) stage.getScene().getRoot();
        assertThat(reopened.boardsView().columnWidthProperty().get()).isEqualTo(380);
        assertThat(reopened.split().getDividerPositions()[0]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(second.context().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(second.context().deskName()).isEqualTo("Minji Kim");
        assertThat(second.services().engine().autoFileThreshold()).isEqualTo(0.99);
        assertThat(moveOne(second)).extracting(HistoryEntry::actor).contains("Minji Kim");
        assertThat(Window.getWindows()).noneMatch(w -> w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("settings-window"));
    }
}
