package org.crisisdesk.desk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.handover.ReportFixture.at;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.handover.ReportFixture;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Correct shift times…" from the shift menu: checked as typed, saved off the FX thread, and the open review follows. */
@ExtendWith(ApplicationExtension.class)
class ShiftTimesTest {
    private Services services;
    private ReportFixture.Standard ids;
    private ShiftViewModel shiftModel;
    private Stage owner;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(at("09:30"));
        services = TempDesk.open(TempDesk.newHome(), clock);
        ids = ReportFixture.standard(services);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), clock, ZoneId.of("UTC"));
        Background background = new Background(services.background());
        shiftModel = new ShiftViewModel(services.shifts(), background, ctx.zone());
        stage.setScene(new Scene(new ToolBar(new ShiftControl(ctx, shiftModel, () -> {})), 600, 120));
        stage.show();
        owner = stage;
        HandoverWindow.open(stage, services, background, ctx, shiftModel, id -> {}, n -> {});
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void correctingTheEndOfTheDayShiftRebuildsTheReview(FxRobot robot) throws Exception {
        Label window = robot.lookup("#handover-window").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.getText().equals("2026-10-17 00:00 – 2026-10-17 09:00 (9h) · 김민지"));

        robot.interact(owner::toFront);
        robot.clickOn("#shift-control").clickOn("#shift-correct");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shift-times-end-time").tryQuery()
                .isPresent());
        TextField endTime = robot.lookup("#shift-times-end-time").queryAs(TextField.class);
        TextField startTime = robot.lookup("#shift-times-start-time").queryAs(TextField.class);
        Label error = robot.lookup("#shift-times-error").queryAs(Label.class);
        DialogPane pane = (DialogPane) endTime.getScene().getRoot();
        Button save = (Button) pane.lookupButton(pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).findFirst()
                .orElseThrow());
        // the most recent ended shift is picked, shown in the desk's zone
        assertThat(startTime.getText()).isEqualTo("00:00");
        assertThat(endTime.getText()).isEqualTo("09:00");
        assertThat(error.getText()).isEmpty();

        robot.interact(() -> endTime.setText("9h"));
        assertThat(error.getText()).isEqualTo("Check the dates and times (HH:mm)");
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> endTime.setText("23:59")); // later than the clock's 09:30
        assertThat(error.getText()).isEqualTo("A shift cannot be corrected to a time still ahead");
        robot.interact(() -> startTime.setText("08:45"));
        robot.interact(() -> endTime.setText("08:30"));
        assertThat(error.getText()).isEqualTo("The end must be after the start");
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> startTime.setText("00:00"));
        robot.clickOn(endTime);
        robot.interact(endTime::clear);
        robot.write("08:30");
        assertThat(endTime.getText()).isEqualTo("08:30");
        assertThat(error.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.getText().equals("2026-10-17 00:00 – 2026-10-17 08:30 (8h 30m) · 김민지"));
        var day = services.shifts().find(ids.dayShift()).orElseThrow();
        assertThat(day.endedAt()).isEqualTo(at("08:30"));
        assertThat(day.startedAt()).isEqualTo(at("00:00")); // untouched
        assertThat(day.boundaryEditedAt()).isNotNull();
        assertThat(shiftModel.problemProperty().get()).isEmpty();
    }
}
