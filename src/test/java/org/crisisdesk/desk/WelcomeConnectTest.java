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

        // the keys are written, the choice is remembered, and the desk reopens live on the account
        await(() -> app.session() != null && app.session().replay() == null);
        assertThat(TwitterProperties.connected(home)).isTrue();
        assertThat(DeskPrefs.load(home).flag(DeskPrefs.WELCOME_DONE)).isTrue();
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(robot.lookup("#demo-badge").tryQuery()).isEmpty();
        StatusBar status = robot.lookup("#status-bar").query();
        await(() -> status.getText().contains("@" + FakeXServer.HANDLE));
    }
}
