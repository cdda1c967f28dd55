package org.crisisdesk.desk.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.desk.settings.DeskControls;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run welcome over a real desk on a fresh home: each choice is recorded before the screen goes. */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenTest {
    private Path home;
    private DeskSession session;
    private MainWindow window;
    private WelcomeView welcome;
    private final java.util.List<String> asked = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) {
        home = TempDesk.newHome();
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        window.setControls(new DeskControls() {
            @Override
            public boolean dark() {
                return false;
            }

            @Override
            public void setDark(boolean dark) {}

            @Override
            public void setLanguage(java.util.Locale locale) {}

            @Override
            public void reopen(boolean demo) {
                asked.add("reopen demo=" + demo);
            }

            @Override
            public void open(String uri) {}
        }, DeskPrefs.load(home));
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
        assertThat(WelcomeViewModel.firstRun(DeskPrefs.load(home))).isTrue();
        welcome = window.showWelcome();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tryingTheDemoIsRememberedAndTheReplayRunsOn(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#welcome").tryQuery()).isPresent();
        assertThat(session.replay().clock().paused()).as("the demo waits while the welcome shows").isTrue();
        robot.clickOn("#welcome-demo");
        await(() -> robot.lookup("#welcome").tryQuery().isEmpty());
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isTrue();
        assertThat(WelcomeViewModel.firstRun(DeskPrefs.load(home))).isFalse();
        assertThat(session.replay().clock().paused()).isFalse();
        assertThat(asked).as("already in the demo: nothing to reopen").isEmpty();
    }

    /** Issue 22: the first start asks who sits here; the name is kept in the home and credited from then on. */
    @Test
    void theWelcomeAsksWhoSitsHere(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-person").write("Minji Kim");
        javafx.scene.control.TextField handle = robot.lookup("#welcome-handle").queryAs(
                javafx.scene.control.TextField.class);
        await(() -> "minji".equals(handle.getPromptText())); // made from the name unless typed
        robot.clickOn("#welcome-demo");
        await(() -> robot.lookup("#welcome").tryQuery().isEmpty());
        assertThat(DeskPrefs.load(home).get(DeskPrefs.PERSON_NAME)).contains("Minji Kim");
        assertThat(DeskPrefs.load(home).get(DeskPrefs.PERSON_HANDLE)).contains("minji");
        assertThat(session.services().person().name()).isEqualTo("Minji Kim");
        assertThat(session.context().deskName()).isEqualTo("Minji Kim");
    }

    /** Issue 26: the first start asks the account's zone (default the computer's) and the live desk uses it. */
    @Test
    @SuppressWarnings("unchecked")
    void theWelcomeAsksTheAccountsZoneAndTheStatusBarShowsTheDesksZone(FxRobot robot) throws Exception {
        javafx.scene.control.ComboBox<?> zone = robot.lookup("#welcome-zone").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(zone.getValue()).isEqualTo(java.time.ZoneId.systemDefault().getId());
        assertThat(robot.lookup("#status-zone").queryAs(Label.class).getText()).isEqualTo("Asia/Seoul"); // the demo's
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) zone).setValue("Asia/Tokyo"));
        robot.clickOn("#welcome-demo");
        await(() -> robot.lookup("#welcome").tryQuery().isEmpty());
        assertThat(DeskPrefs.load(home).get(DeskPrefs.ACCOUNT_ZONE, null)).isEqualTo("Asia/Tokyo");
        // the demo keeps its story's zone; the live database takes the answered one when it opens
        assertThat(session.services().settings().get(org.crisisdesk.settings.DeskSettings.ZONE)).isEmpty();
        try (org.crisisdesk.source.twitter.FakeXServer x = new org.crisisdesk.source.twitter.FakeXServer(
                java.time.Clock.systemUTC())) {
            org.crisisdesk.source.twitter.TwitterProperties.save(home,
                    x.settings(org.crisisdesk.source.twitter.ApiVersion.V2));
            DeskBootstrap.chooseLive(home);
            DeskBootstrap.Opened live = DeskBootstrap.open(new DeskOptions(home, null, 10));
            try {
                assertThat(live.services().drill()).isFalse();
                assertThat(live.zone()).isEqualTo(java.time.ZoneId.of("Asia/Tokyo"));
                assertThat(live.services().settings().get(org.crisisdesk.settings.DeskSettings.ZONE))
                        .contains("Asia/Tokyo");
            } finally {
                live.services().close();
            }
        }
    }

    @Test
    void importingPreparedCategoriesFillsTheBoardAndAnInvalidFileChangesNothing(FxRobot robot) throws Exception {
        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"crisisdesk-categories/1\", \"categories\": ["
                + "{\"name\": \"Roaming\", \"keywords\": [\"roaming\"]},"
                + "{\"name\": \"Broken\", \"regex\": [\"(unclosed\"]}]}");
        robot.interact(() -> welcome.model().importCategories(bad, () -> {}));
        Label message = robot.lookup("#welcome-message").queryAs(Label.class);
        await(() -> message.getStyleClass().contains("error"));
        assertThat(message.getText()).contains("Broken");
        assertThat(session.services().categories().active()).extracting(Category::name).doesNotContain("Roaming");
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isFalse();

        Path good = home.resolve("launch.json");
        Files.writeString(good, "{\"format\": \"crisisdesk-categories/1\", \"categories\": ["
                + "{\"name\": \"Roaming\", \"color\": \"#1971C2\", \"keywords\": [\"roaming\", \"로밍\"]}]}");
        robot.interact(() -> welcome.model().importCategories(good, window.boardsView()::requestLayout));
        await(() -> message.getText().startsWith("Imported"));
        assertThat(message.getText()).contains("1 new");
        assertThat(message.getStyleClass()).doesNotContain("error");
        assertThat(session.services().categories().active()).extracting(Category::name).contains("Roaming");
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isTrue();
        robot.interact(() -> session.boards().reload());
        long roaming = session.services().categories().byName("Roaming").orElseThrow().id();
        await(() -> window.boardsView().column(roaming) != null); // a column of the board (in view or not)
        robot.interact(() -> window.boardsView().showColumn(roaming));
        await(() -> robot.lookup(".column-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Roaming")));
    }

    @Test
    void connectOpensTheConnectDialogAndCancellingKeepsTheWelcome(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-connect");
        await(() -> robot.lookup("#connect-dialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#connect-dialog").query().getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#welcome").tryQuery()).isPresent();
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void noLabelOnTheWelcomeIsCutAtTheSmallestSupportedWindow(FxRobot robot) {
        robot.interact(() -> {
            javafx.stage.Window w = window.getScene().getWindow();
            w.setWidth(1366);
            w.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> cut = robot.lookup("#welcome .label").queryAllAs(Label.class).stream()
                .filter(l -> !l.isWrapText() && l.getText() != null && !l.getText().isEmpty())
                .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text shown
                        && !shown.getText().equals(l.getText()))
                .map(Label::getText).toList();
        assertThat(cut).isEmpty();
    }

    @Test
    void laterClosesTheWelcomeForGood(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-later");
        await(() -> robot.lookup("#welcome").tryQuery().isEmpty());
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isTrue();
    }
}
