package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XCredentials;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Connect your X account" on the welcome screen takes effect without a restart: once the keys are saved the desk
 * reopens on the account (against a fake X API) instead of the demo.
 */
class WelcomeConnectTest {
    private final FxRobot robot = new FxRobot();
    private FakeXServer server;
    private Path home;
    private Stage stage;
    private DeskApp app;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeXServer(Clock.systemUTC());
        home = TempDesk.newHome();
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        server.close();
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void savedKeysSwitchTheDeskToTheAccountWithoutARestart() throws Exception {
        DeskApp.useOptions(new DeskOptions(home, null, 10));
        app = (DeskApp) FxToolkit.setupApplication(DeskApp::new);
        await(() -> app.session() != null && robot.lookup("#welcome").tryQuery().isPresent());
        assertThat(app.session().replay()).as("no keys yet: the demo").isNotNull();
        // the drill says so: banner, status bar and window title (issue 26)
        assertThat(robot.lookup("#drill-banner").tryQuery()).isPresent();
        assertThat(robot.lookup("#status-mode").queryAs(javafx.scene.control.Label.class).getText())
                .contains("DRILL");
        assertThat(stage.getTitle()).contains("DRILL");

        robot.clickOn("#welcome-connect");
        await(() -> robot.lookup("#connect-dialog").tryQuery().isPresent());
        XCredentials keys = FakeXServer.CREDENTIALS;
        robot.interact(() -> {
            robot.lookup("#connect-consumer-key").queryAs(TextField.class).setText(keys.consumerKey());
            robot.lookup("#connect-consumer-secret").queryAs(TextField.class).setText(keys.consumerSecret());
            robot.lookup("#connect-access-token").queryAs(TextField.class).setText(keys.accessToken());
            robot.lookup("#connect-access-secret").queryAs(TextField.class).setText(keys.accessTokenSecret());
            robot.lookup("#connect-base").queryAs(TextField.class).setText(server.base());
            robot.lookup("#connect-api").queryAs(javafx.scene.control.ChoiceBox.class).setValue(ApiVersion.V2);
        });
        robot.clickOn("#connect-save");

        // from the drill to live only through a confirmation naming the account (issue 26)
        await(() -> robot.lookup("#go-live-confirm").tryQuery().isPresent());
        javafx.scene.control.DialogPane confirm = robot.lookup("#go-live-confirm").queryAs(
                javafx.scene.control.DialogPane.class);
        assertThat(confirm.getHeaderText()).contains("@" + FakeXServer.HANDLE);
        assertThat(app.session().replay()).as("not live before the yes").isNotNull();
        robot.clickOn("#go-live-yes");

        // the keys are written, the choice is remembered, and the desk reopens live on the account
        await(() -> app.session() != null && app.session().replay() == null);
        assertThat(TwitterProperties.connected(home)).isTrue();
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isTrue();
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(robot.lookup("#demo-badge").tryQuery()).isEmpty();
        assertThat(robot.lookup("#drill-banner").tryQuery()).isEmpty();
        assertThat(app.session().services().drill()).isFalse();
        assertThat(DeskPrefs.load(home).get(DeskPrefs.MODE, null)).isEqualTo("live");
        StatusBar status = robot.lookup("#status-bar").query();
        await(() -> status.getText().contains("@" + FakeXServer.HANDLE));
    }
}
