package org.crisisdesk.desk.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings' usage section: the month's meter, and rates, cap, budget and warning share saved after a check. */
@ExtendWith(ApplicationExtension.class)
class UsageSettingsPaneTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T00:00:00Z"));
    private final Services services = TempDesk.open(TempDesk.newHome(), clock);

    @Start
    void start(Stage stage) {
        services.usageStore().record(UsageKind.READ, 400);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), clock, ZoneId.of("Asia/Seoul"));
        stage.setScene(new Scene(new StackPane(new UsageSettingsPane(ctx, services,
                new Background(services.background())).build()), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void showsTheMonthAndSavesCheckedSettings(FxRobot robot) throws Exception {
        Label meter = robot.lookup("#usage-settings-meter").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> meter.getText().startsWith("X read 400 (estimate) · $2.00 this month, estimated"));
        TextField read = robot.lookup("#usage-read-rate").queryAs(TextField.class);
        assertThat(read.getText()).isEqualTo("0.005");

        Label status = robot.lookup("#usage-settings-status").queryAs(Label.class);
        robot.interact(() -> {
            robot.lookup("#usage-billing-day").queryAs(TextField.class).setText("30");
        });
        robot.clickOn("#usage-settings-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("Not saved"));
        assertThat(status.getText()).contains("billing day must be 1 to 28");
        assertThat(UsageSettings.load(services.settings())).isEqualTo(UsageSettings.DEFAULTS);

        robot.interact(() -> {
            robot.lookup("#usage-billing-day").queryAs(TextField.class).setText("1");
            read.setText("0.01");
            robot.lookup("#usage-cap").queryAs(TextField.class).setText("500");
            robot.lookup("#usage-warn-at").queryAs(TextField.class).setText("75");
        });
        robot.clickOn("#usage-settings-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().equals("Saved."));
        UsageSettings saved = UsageSettings.load(services.settings());
        assertThat(saved.readRate()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(saved.monthlyCap()).isEqualTo(500);
        assertThat(saved.warnAt()).isEqualTo(0.75);
        assertThat(saved.defaultRates()).isFalse();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> meter.getText().startsWith("X read 400 / 500 (estimate) · $4.00"));
    }
}
