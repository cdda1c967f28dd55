package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.crisisdesk.alert.delivery.AlertChannel;
import org.crisisdesk.alert.delivery.ChannelSettings;
import org.crisisdesk.alert.delivery.DeliveryConfig;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.crisisdesk.desk.kit.ScrollInto;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → Delivery in a real window (issue 25): the SMTP server and addresses, a webhook with its secret URL, and
 * the test button's result, against a real SMTP server (GreenMail) and a real local webhook receiver. The URL and
 * the password reach the owner-only file, never the database or the fields once saved.
 */
@ExtendWith(ApplicationExtension.class)
class DeliverySettingsPaneTest {
    private static final String HOOK_PATH = "/services/T1/B2/TOKEN-IN-URL";
    private final Path home = TempDesk.newHome();
    private final Services services = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")));
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private GreenMail mail;

    @Start
    void start(Stage stage) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(HOOK_PATH, ex -> {
            try (ex) {
                received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mail.setUser("desk@acme.example", "alerts", "smtp-pw-SECRET");
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), services.clock(), ZoneId.of("Asia/Seoul"));
        DeliverySettingsPane pane = new DeliverySettingsPane(ctx, new ChannelSettings(services.settings(), home),
                services::alertDelivery, new Background(services.background()), false);
        stage.setScene(new Scene(new ScrollPane(pane.build()), 800, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        receiver.stop(0);
        mail.stop();
        services.close();
    }

    @Test
    void mailAndAWebhookAreSavedWithSecretsInTheOwnerOnlyFileAndTheTestButtonSaysItWentOut(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            robot.lookup("#delivery-smtp-host").queryTextInputControl().setText("127.0.0.1");
            robot.lookup("#delivery-smtp-port").queryTextInputControl().setText(
                    String.valueOf(mail.getSmtp().getPort()));
            @SuppressWarnings("unchecked")
            ChoiceBox<String> security = robot.lookup("#delivery-smtp-security").queryAs(ChoiceBox.class);
            security.setValue("NONE");
            robot.lookup("#delivery-smtp-user").queryTextInputControl().setText("alerts");
            robot.lookup("#delivery-smtp-from").queryTextInputControl().setText("desk@acme.example");
            robot.lookup("#delivery-mail-to").queryTextInputControl().setText("lead@acme.example, duty@acme.example");
        });
        ScrollInto.click(robot, "#delivery-smtp-password").write("smtp-pw-SECRET");
        ScrollInto.click(robot, "#delivery-mail-save");
        waitFor(() -> text(robot, "#delivery-status").equals("E-mail settings saved"));
        assertThat(robot.lookup("#delivery-smtp-password").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(robot.lookup("#delivery-smtp-password").queryAs(PasswordField.class).getPromptText())
                .isEqualTo("stored (type only to change it)");

        ScrollInto.click(robot, "#delivery-hook-name").write("slack");
        robot.interact(() -> robot.lookup("#delivery-hook-url").queryTextInputControl().setText(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + HOOK_PATH));
        ScrollInto.click(robot, "#delivery-hook-add");
        waitFor(() -> robot.lookup("#delivery-hook-remove-slack").tryQuery().isPresent());
        assertThat(robot.lookup("#delivery-hooks").lookup(".label").queryAs(Label.class).getText())
                .isEqualTo("slack (SLACK) · URL stored · not signed");

        // the test button on each channel, its result shown
        robot.interact(() -> robot.lookup("#delivery-test-channel").queryAs(ChoiceBox.class).setValue("slack"));
        ScrollInto.click(robot, "#delivery-test");
        waitFor(() -> text(robot, "#delivery-test-result").startsWith("Sent on slack"));
        assertThat(received).singleElement().satisfies(b -> assertThat(b).startsWith("{\"text\":\"*[CrisisDesk] ")
                .contains("slack"));
        robot.interact(() -> robot.lookup("#delivery-test-channel").queryAs(ChoiceBox.class)
                .setValue(DeliverySettingsPane.MAIL_CHANNEL));
        ScrollInto.click(robot, "#delivery-test");
        waitFor(() -> text(robot, "#delivery-test-result").startsWith("Sent on mail"));
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();

        DeliveryConfig stored = DeliveryConfig.load(services.settings());
        assertThat(stored.channels()).extracting(AlertChannel::name).containsExactly("mail", "slack");
        assertThat(stored.route("VOLUME")).hasValueSatisfying(r -> assertThat(r.channels())
                .containsExactly("mail", "slack"));
        String row = services.settings().get(DeliveryConfig.SETTING).orElseThrow();
        assertThat(row).doesNotContain("TOKEN-IN-URL").doesNotContain("smtp-pw-SECRET");
        assertThat(Files.readString(home.resolve(DeliveryConfig.SECRET_FILE))).contains("TOKEN-IN-URL")
                .contains("smtp-pw-SECRET");

        // a receiver that is gone: the result says so, in the receiver's words
        receiver.stop(0);
        robot.interact(() -> robot.lookup("#delivery-test-channel").queryAs(ChoiceBox.class).setValue("slack"));
        ScrollInto.click(robot, "#delivery-test");
        waitFor(() -> text(robot, "#delivery-test-result").startsWith("Not sent on slack: "));
        assertThat(text(robot, "#delivery-test-result")).contains("could not be reached").doesNotContain("TOKEN");

        ScrollInto.click(robot, "#delivery-hook-remove-slack");
        waitFor(() -> robot.lookup("#delivery-hook-remove-slack").tryQuery().isEmpty());
        assertThat(Files.readString(home.resolve(DeliveryConfig.SECRET_FILE))).doesNotContain("TOKEN-IN-URL");
    }

    @Test
    void routesAreEditedInTheSettingsRuleByRuleWithQuietHoursAndEscalation(FxRobot robot) throws Exception {
        for (String hook : List.of("slack", "pager")) { // each new channel joins the route of every rule
            robot.interact(() -> {
                robot.lookup("#delivery-hook-name").queryTextInputControl().setText(hook);
                robot.lookup("#delivery-hook-url").queryTextInputControl().setText("https://hooks.example/" + hook);
            });
            ScrollInto.click(robot, "#delivery-hook-add");
            waitFor(() -> robot.lookup("#delivery-hook-remove-" + hook).tryQuery().isPresent());
        }
        waitFor(() -> robot.lookup("#delivery-route-line-any").tryQuery().isPresent());
        assertThat(text(robot, "#delivery-route-line-any")).isEqualTo("Any rule without its own route: slack → pager "
                + "from level 1");
        assertThat(robot.lookup("#delivery-route-channels").queryTextInputControl().getText())
                .isEqualTo("slack, pager");

        // a rule of its own: a spike from level 2 pages, quiet at night unless urgent, slack after 10 min
        robot.interact(() -> {
            robot.lookup("#delivery-route-rule").queryAs(ChoiceBox.class).setValue("SPIKE");
            robot.lookup("#delivery-route-channels").queryTextInputControl().setText("pager, slack");
            robot.lookup("#delivery-route-min-level").queryAs(ChoiceBox.class).setValue(2);
            robot.lookup("#delivery-route-quiet-from").queryTextInputControl().setText("23:00");
            robot.lookup("#delivery-route-quiet-to").queryTextInputControl().setText("7:00");
            robot.lookup("#delivery-route-escalate").queryTextInputControl().setText("10");
        });
        fire(robot, "#delivery-route-save");
        waitFor(() -> text(robot, "#delivery-status").equals("Route for Spike saved"));
        waitFor(() -> robot.lookup("#delivery-route-line-spike").tryQuery().isPresent());
        assertThat(text(robot, "#delivery-route-line-spike")).isEqualTo("Spike: pager → slack from level 2 · quiet "
                + "23:00–07:00 (level 3 and up told anyway) · next channel after 10 min unacknowledged");
        assertThat(DeliveryConfig.load(services.settings()).route("SPIKE")).hasValueSatisfying(r -> {
            assertThat(r.channels()).containsExactly("pager", "slack");
            assertThat(r.minLevel()).isEqualTo(2);
            assertThat(r.quietFrom()).isEqualTo(java.time.LocalTime.of(23, 0));
            assertThat(r.quietTo()).isEqualTo(java.time.LocalTime.of(7, 0));
            assertThat(r.urgentLevel()).isEqualTo(3);
            assertThat(r.escalateAfter()).isEqualTo(java.time.Duration.ofMinutes(10));
        });
        // other rules keep the catch-all route
        assertThat(DeliveryConfig.load(services.settings()).route("VOLUME")).hasValueSatisfying(r ->
                assertThat(r.channels()).containsExactly("slack", "pager"));

        // the editor shows a stored route again; wrong input is refused in words, nothing is stored
        robot.interact(() -> robot.lookup("#delivery-route-rule").queryAs(ChoiceBox.class).setValue("VOLUME"));
        fire(robot, "#delivery-route-edit-spike");
        waitFor(() -> robot.lookup("#delivery-route-escalate").queryTextInputControl().getText().equals("10"));
        assertThat(robot.lookup("#delivery-route-quiet-from").queryTextInputControl().getText()).isEqualTo("23:00");
        robot.interact(() -> robot.lookup("#delivery-route-quiet-to").queryTextInputControl().setText("25:00"));
        fire(robot, "#delivery-route-save");
        waitFor(() -> text(robot, "#delivery-status").startsWith("Not saved: Quiet hours are HH:MM"));
        robot.interact(() -> {
            robot.lookup("#delivery-route-quiet-to").queryTextInputControl().setText("07:00");
            robot.lookup("#delivery-route-channels").queryTextInputControl().setText("pager, nope");
        });
        fire(robot, "#delivery-route-save");
        waitFor(() -> text(robot, "#delivery-status").equals("Not saved: No channel named nope"));
        assertThat(DeliveryConfig.load(services.settings()).route("SPIKE").orElseThrow().channels())
                .containsExactly("pager", "slack");

        fire(robot, "#delivery-route-remove-spike");
        waitFor(() -> robot.lookup("#delivery-route-line-spike").tryQuery().isEmpty());
        assertThat(DeliveryConfig.load(services.settings()).routes()).extracting(r -> r.reason())
                .containsExactly("*");
    }

    /** Presses a button wherever the pane is scrolled (the route list sits above the editor). */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return ok.getAsBoolean();
        });
    }
}
