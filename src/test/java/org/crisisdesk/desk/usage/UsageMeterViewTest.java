package org.crisisdesk.desk.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.usage.ProjectUsage;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's X usage meter in a real window over a real database: the month's reads against the cap, the cost
 * and its projection, "estimate" when X did not say, amber at the warning share and red at the cap, each said once in
 * the window (issue 23 item 6).
 */
@ExtendWith(ApplicationExtension.class)
class UsageMeterViewTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T00:00:00Z"));
    private final Services services = TempDesk.open(TempDesk.newHome(), clock);
    private final List<UsageMeterModel.Warning> warnings = new CopyOnWriteArrayList<>();
    private UsageMeterModel model;
    private UsageMeterView view;
    private volatile int reads;

    @Start
    void start(Stage stage) {
        UsageSettings settings = UsageSettings.DEFAULTS.withMonthlyCap(1_000);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), clock, ZoneId.of("Asia/Seoul"));
        model = new UsageMeterModel(ctx, new Background(services.background()), () -> {
            reads++;
            return new UsageMeterModel.Reading(services.usageMeter().report(settings,
                    ProjectUsage.Result.none("HTTP 403: Unsupported Authentication")), settings);
        });
        model.onWarning(warnings::add);
        view = new UsageMeterView(model);
        stage.setScene(new Scene(new StackPane(view), 900, 60));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void refreshed(FxRobot robot) throws Exception {
        int before = reads;
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reads > before);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.getText().isEmpty());
    }

    @Test
    void theMeterTurnsAmberAtTheWarningShareAndRedAtTheCapAndSaysSoOnce(FxRobot robot) throws Exception {
        services.usageStore().record(UsageKind.READ, 799);
        services.usageStore().record(UsageKind.CREATE_URL, 1);
        refreshed(robot);
        // 799 × $0.005 + 1 × $0.200; ten days of thirty gone
        assertThat(view.getText())
                .isEqualTo("X read 799 / 1,000 (estimate) · $4.20 this month, estimated ($12.60 projected)");
        assertThat(view.getTooltip().getText()).contains("the desk's own count, an estimate")
                .contains("Unsupported Authentication").contains("Your monthly cap of 1,000 posts: 80%")
                .contains("X's published pay-per-use prices (post read $0.005, user read $0.01, post created "
                        + "$0.015, post created with a link $0.2)").contains("Users read (the posts' authors X "
                        + "returns with them): 0, the desk's own count");
        assertThat(view.getStyleClass()).doesNotContain("usage-warn", "usage-over");
        assertThat(warnings).isEmpty();

        services.usageStore().record(UsageKind.READ, 1);
        refreshed(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getStyleClass().contains("usage-warn"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.over()).isFalse();
            assertThat(w.text()).contains("80% of this month's X cap is used (warning at 80%)");
        });
        refreshed(robot);
        assertThat(warnings).hasSize(1); // said once, not on every refresh

        services.usageStore().record(UsageKind.READ, 200);
        refreshed(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getStyleClass().contains("usage-over"));
        assertThat(view.getStyleClass()).doesNotContain("usage-warn");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1).over()).isTrue();
        assertThat(warnings.get(1).text()).contains("cap is used up (100%)");
        assertThat(view.getText()).contains("monthly cap reached; resets ");
    }
}
