package org.crisisdesk.desk.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XCredentials;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Connect X account" dialog against the fake X server, typed into like a person would. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {
    private static final XCredentials KEYS = FakeXServer.CREDENTIALS;
    private FakeXServer server;
    private Path home;
    private ExecutorService io;
    private ConnectDialog dialog;

    @Start
    void start(Stage stage) {
        server = new FakeXServer(Clock.systemUTC());
        home = TempDesk.newHome();
        io = Executors.newSingleThreadExecutor();
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), Clock.systemUTC(), ZoneOffset.UTC);
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
        dialog = ConnectDialog.open(ctx, new Background(io), home, stage);
    }

    @AfterEach
    void stop() {
        server.close();
        io.shutdownNow();
    }

    /** Types one key like a person (the rest is pasted into the fields: typing is slow on a headless robot). */
    private void fillIn(FxRobot robot, ApiVersion api) {
        robot.clickOn("#connect-consumer-key").write(KEYS.consumerKey());
        robot.interact(() -> {
            robot.lookup("#connect-consumer-secret").queryAs(TextField.class).setText(KEYS.consumerSecret());
            robot.lookup("#connect-access-token").queryAs(TextField.class).setText(KEYS.accessToken());
            robot.lookup("#connect-access-secret").queryAs(TextField.class).setText(KEYS.accessTokenSecret());
            robot.lookup("#connect-base").queryAs(TextField.class).setText(server.base());
            dialog.model().apiProperty().set(api);
        });
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void verifyShowsTheAccountAndSaveWritesOwnerOnlyKeys(FxRobot robot) throws Exception {
        fillIn(robot, ApiVersion.V1_1);
        assertThat(robot.lookup("#connect-access-secret-mask").queryAs(Label.class).getText())
                .isEqualTo("••••0001");

        robot.clickOn("#connect-verify");
        Label result = robot.lookup("#connect-result").queryAs(Label.class);
        await(() -> result.getText().contains("@desk_official"));
        assertThat(result.getStyleClass()).contains("connect-ok");
        assertThat(server.requests()).anyMatch(r -> r.startsWith("GET /1.1/account/verify_credentials.json"));

        robot.clickOn("#connect-save");
        Path file = home.resolve("twitter4j.properties");
        await(() -> !dialog.isShowing());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        XSettings saved = TwitterProperties.load(home, new Properties(), Map.of());
        assertThat(saved.credentials()).isEqualTo(KEYS);
        assertThat(saved.api()).isEqualTo(ApiVersion.V1_1);
        assertThat(saved.apiBase()).isEqualTo(server.base());
    }

    @Test
    void refusedKeysShowTheApisOwnWords(FxRobot robot) throws Exception {
        server.revoke("Invalid or expired token.");
        fillIn(robot, ApiVersion.V2);
        robot.clickOn("#connect-verify");
        Label result = robot.lookup("#connect-result").queryAs(Label.class);
        await(() -> result.getText().startsWith("X refused the keys"));
        assertThat(result.getText()).contains("HTTP 401").contains("Invalid or expired token.")
                .doesNotContain(KEYS.consumerSecret(), KEYS.accessTokenSecret());
        assertThat(result.getStyleClass()).contains("connect-error");
        assertThat(Files.exists(home.resolve("twitter4j.properties"))).isFalse();
    }

    @Test
    void verifyAndSaveWaitForAllFourKeys(FxRobot robot) {
        robot.clickOn("#connect-consumer-key").write("key");
        assertThat(robot.lookup("#connect-verify").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#connect-save").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void labelsAndFieldsKeepClearOfTheDialogsEdges(FxRobot robot) {
        javafx.scene.Node pane = robot.lookup("#connect-dialog").query();
        javafx.geometry.Bounds dialog = pane.localToScene(pane.getLayoutBounds());
        javafx.scene.Node label = robot.from(pane).lookup(".label")
                .match((javafx.scene.control.Label l) -> "Consumer key".equals(l.getText()) || l.getText() != null
                        && l.getText().startsWith("API key")).tryQuery().orElse(null);
        javafx.scene.Node field = robot.lookup("#connect-consumer-key").query();
        javafx.scene.Node left = label != null ? label : field;
        assertThat(left.localToScene(left.getLayoutBounds()).getMinX() - dialog.getMinX())
                .isGreaterThanOrEqualTo(ConnectDialog.EDGE - 1);
        javafx.scene.Node mask = robot.lookup("#connect-consumer-secret-mask").query();
        javafx.scene.Node widest = mask.isVisible() ? mask : field;
        assertThat(dialog.getMaxX() - widest.localToScene(widest.getLayoutBounds()).getMaxX())
                .isGreaterThanOrEqualTo(ConnectDialog.EDGE - 1);
    }

    @Test
    void verifyShowsWhichEndpointsTheKeysReachWithoutPosting(FxRobot robot) throws Exception {
        server.notEnrolled("search");
        fillIn(robot, ApiVersion.V2);
        robot.clickOn("#connect-verify");
        Label reach = robot.lookup("#connect-reach").queryAs(Label.class);
        await(() -> reach.getText().contains("POST /2/tweets"));
        assertThat(reach.getText()).contains("✔ GET /2/users/:id/mentions")
                .contains("✘ GET /2/tweets/search/recent: not in your access level").contains("✔ POST /2/tweets");
        assertThat(server.ownPosts()).isEmpty();
    }

    @Test
    void choosingV11WarnsAndItsCode453SaysSo(FxRobot robot) throws Exception {
        server.retireV11();
        fillIn(robot, ApiVersion.V1_1);
        Label warning = robot.lookup("#connect-api-warning").queryAs(Label.class);
        assertThat(warning.getText()).contains("v1.1 is legacy").contains("453");
        robot.clickOn("#connect-verify");
        Label result = robot.lookup("#connect-result").queryAs(Label.class);
        await(() -> result.getText().contains("453"));
        assertThat(result.getText()).startsWith("X no longer serves API v1.1").contains("Choose v2")
                .doesNotContain("refused the keys");
        robot.interact(() -> dialog.model().apiProperty().set(ApiVersion.V2));
        assertThat(warning.getText()).isEmpty();
    }

    @Test
    void aUsedUpCapIsNotCalledWrongKeys(FxRobot robot) throws Exception {
        server.usageCapped(true);
        fillIn(robot, ApiVersion.V2);
        robot.clickOn("#connect-verify");
        Label result = robot.lookup("#connect-result").queryAs(Label.class);
        await(() -> result.getText().contains("usage cap"));
        assertThat(result.getText()).contains("billing day").doesNotContain("refused the keys");
    }

    @Test
    void signInWithXSavesTheTokensOwnerOnlyAndShowsWhatTheyReach(FxRobot robot) throws Exception {
        try (org.crisisdesk.source.twitter.FakeXAuthServer auth = new org.crisisdesk.source.twitter.FakeXAuthServer(
                Clock.systemUTC())) {
            server.acceptBearer(auth.liveAccessTokens::contains);
            java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
            dialog.model().oauth2(auth.authorizeUri(), auth.tokenUri(), uri -> {
                try {
                    browser.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            robot.interact(() -> robot.lookup("#connect-base").queryAs(TextField.class).setText(server.base()));
            robot.clickOn("#connect-client-id").write(org.crisisdesk.source.twitter.FakeXAuthServer.CLIENT_ID);
            robot.clickOn("#connect-sign-in");
            Label result = robot.lookup("#connect-result").queryAs(Label.class);
            await(() -> result.getText().contains("@desk_official"));
            assertThat(result.getText()).contains("OAuth 2.0");
            Path tokens = home.resolve("x-oauth2.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
            assertThat(robot.lookup("#connect-reach").queryAs(Label.class).getText())
                    .contains("✔ GET /2/users/:id/mentions");
            // the next start connects with the sign-in (no OAuth 1.0a keys in the home)
            XSettings loaded = TwitterProperties.load(home, new Properties(), Map.of());
            assertThat(loaded.connected()).isTrue();
            assertThat(loaded.oauth2()).isNotNull();
            assertThat(loaded.sourceKey()).isEqualTo("x:" + FakeXServer.ACCOUNT_ID);

            auth.consent = org.crisisdesk.source.twitter.FakeXAuthServer.Consent.DENY;
            robot.clickOn("#connect-sign-in");
            await(() -> result.getText().startsWith("Not signed in"));
        }
    }
}
