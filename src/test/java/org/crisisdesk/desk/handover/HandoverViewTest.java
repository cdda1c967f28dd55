package org.crisisdesk.desk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.handover.ReportFixture.at;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.ReportFixture;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The review screen over the shared scenario: it opens on the shift just ended, shows its counts and records notes. */
@ExtendWith(ApplicationExtension.class)
class HandoverViewTest {
    private Path home;
    private Services services;
    private boolean closed;
    private ReportFixture.Standard ids;
    private HandoverViewModel model;
    private ShiftViewModel shiftModel;
    private volatile Long shownCategory;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(at("09:30"));
        home = TempDesk.newHome();
        services = TempDesk.open(home, clock);
        ids = ReportFixture.standard(services);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), clock, ZoneId.of("UTC"));
        Background background = new Background(services.background());
        model = new HandoverViewModel(services.handover(), services.shifts(), background, ctx);
        shiftModel = new ShiftViewModel(services.shifts(), background, ctx.zone());
        model.setOnDeskTaken(shiftModel::changed);
        HandoverView view = new HandoverView(ctx, model);
        view.setOnShowCategory(id -> shownCategory = id);
        stage.setScene(new Scene(view, 1200, 900));
        stage.show();
        model.load();
    }

    @AfterEach
    void close() {
        if (!closed) {
            services.close();
        }
    }

    @Test
    void opensOnTheShiftJustEndedAndShowsItsCounts(FxRobot robot) throws Exception {
        loaded();
        Label summary = robot.lookup("#handover-summary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("24 mentions (+11 (+85%) vs previous shift) · 5 notices · "
                + "4 overdue promises · 3 customer-centre cases not exported · 8 unsorted");
        assertThat(robot.lookup("#handover-window").queryAs(Label.class).getText())
                .isEqualTo("2026-10-17 00:00 – 2026-10-17 09:00 (9h) · 김민지");

        TableView<CategoryTotal> totals = robot.lookup("#handover-totals").queryTableView();
        CategoryTotal delivery = totals.getItems().stream()
                .filter(t -> Long.valueOf(ids.delivery()).equals(t.category().id())).findFirst().orElseThrow();
        assertThat(delivery.count()).isEqualTo(12);
        assertThat(delivery.previous()).isEqualTo(5);

        StackedAreaChart<Number, Number> chart = robot.lookup("#handover-chart").query();
        HandoverReport report = model.reportProperty().get();
        assertThat(chart.getData()).hasSize(report.volume().series().size());
        XYChart.Series<Number, Number> first = chart.getData().get(0);
        assertThat(first.getName()).isEqualTo("배송 지연");
        assertThat(first.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum()).isEqualTo(12);

        assertThat(robot.lookup("#handover-notices").queryTableView().getItems()).hasSize(5);
        // a postponed ETA reads as revised, not kept, and its row is coloured as such
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "revised in time · ETA moved to 04:00 by the notice at 01:45".equals(c.getText())).tryQuery())
                .isPresent();
        assertThat(robot.lookup("#handover-notices .table-row-cell.eta-REVISED").queryAll()).hasSize(1);
        assertThat(robot.lookup("#handover-uncovered").queryTableView().getItems()).hasSize(2);
        assertThat(robot.lookup("#handover-alerts").queryTableView().getItems()).hasSize(5);
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "03:05 dismissed by Night <Owl>".equals(c.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup("#handover-handoffs").queryTableView().getItems()).hasSize(4);
        TableView<HandoverReport.Theme> themes = robot.lookup("#handover-themes").queryTableView();
        assertThat(themes.getItems().get(0)).isEqualTo(new HandoverReport.Theme("인증", 5));
        assertThat(robot.lookup("#handover-unsorted").queryAs(Label.class).getText())
                .isEqualTo("8 · oldest 10-16 14:00 · 6 in this window");
        assertThat(robot.lookup("#handover-ack-status").queryAs(Label.class).getText())
                .isEqualTo("Nobody has acknowledged this handover yet");
        assertThat(robot.lookup("#handover-began").queryAs(Label.class).getText())
                .isEqualTo("김민지 took over from the previous shift (Night <Owl>) at 00:02");
        // hostile text is plain text in a table cell
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                && c.getText().startsWith("<script>alert('x')</script>")).tryQuery()).isPresent();

        // a category row leads to the boards
        robot.clickOn(robot.lookup("#handover-totals .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownCategory).isEqualTo(totals.getItems().get(1).category().id());
    }

    @Test
    void notesAreSavedAsTheyTypeAndTheAcknowledgementSurvivesAReopen(FxRobot robot) throws Exception {
        loaded();
        javafx.scene.control.ScrollPane scroll = robot.lookup("#handover-scroll").query();
        robot.interact(() -> scroll.setVvalue(scroll.getVmax())); // notes and acknowledgement are at the end
        TextArea notes = robot.lookup("#handover-notes").query();
        robot.clickOn(notes);
        robot.interact(notes::end);
        robot.write(" Call Kim at 10.");
        robot.interact(() -> notes.appendText(" 물류팀 확인"));
        Label status = robot.lookup("#handover-notes-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Saved"));
        assertThat(services.shifts().find(ids.dayShift()).orElseThrow().notes())
                .endsWith("Call Kim at 10. 물류팀 확인").startsWith("배터리 가설 배제함");

        robot.clickOn("#handover-ack-name").write("Alex Park");
        robot.clickOn("#handover-ack");
        Label ack = robot.lookup("#handover-ack-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> ack.getText().equals("Alex Park acknowledged the handover at 2026-10-17 09:30"));
        assertThat(shiftModel.currentProperty().get().manager()).isEqualTo("Alex Park");

        services.close();
        closed = true;
        try (Services reopened = TempDesk.open(home, new MutableClock(at("10:00")))) {
            Shift day = reopened.shifts().find(ids.dayShift()).orElseThrow();
            assertThat(day.acknowledgedBy()).isEqualTo("Alex Park");
            assertThat(day.acknowledgedAt()).isEqualTo(at("09:30"));
            assertThat(day.notes()).endsWith("물류팀 확인");
            assertThat(reopened.shifts().current().orElseThrow().manager()).isEqualTo("Alex Park");
        }
    }

    @Test
    void exportWritesTheReportWithTheNotesOnScreen(FxRobot robot) throws Exception {
        loaded();
        Path html = TempDesk.newHome().resolve("handover.html");
        Path md = html.resolveSibling("handover.md");
        robot.interact(() -> {
            model.notesProperty().set("<img src=x onerror=alert(1)> 새 메모");
            model.export(html, ReportFormat.HTML);
            model.export(md, ReportFormat.MARKDOWN);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.exists(html) && Files.exists(md));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.exportStatusProperty().get().startsWith("Saved"));
        assertThat(Files.readString(html)).contains("&lt;img src=x onerror=alert(1)&gt; 새 메모")
                .doesNotContain("<img").contains("<svg");
        assertThat(Files.readString(md)).contains("&lt;img src=x onerror=alert(1)&gt; 새 메모");
        // the notes edited before the export were saved too
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.shifts().find(ids.dayShift()).orElseThrow()
                .notes().endsWith("새 메모"));
    }

    private void loaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.reportProperty().get() != null && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
