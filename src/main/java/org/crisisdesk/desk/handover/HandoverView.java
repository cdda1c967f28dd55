package org.crisisdesk.desk.handover;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.handover.HandoverReport.ReportAlert;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Promise;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Theme;
import org.crisisdesk.handover.HandoverReport.Uncovered;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.render.Escape;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;

/**
 * The handover review screen: what happened (volume chart and totals, notices), what was promised, what is still open,
 * customer-centre hand-offs, unsorted themes, the outgoing manager's notes and "I have the desk". Builds nodes and
 * binds them to a {@link HandoverViewModel}; clicking a category asks the desk to show its board column.
 */
public final class HandoverView extends BorderPane {
    private final DeskContext ctx;
    private final HandoverViewModel model;
    private final VBox content = new VBox(14);
    private final StackedAreaChart<Number, Number> chart;
    private final Label windowLabel = new Label();
    private final Label summary = new Label();
    private final Label began = new Label();
    private final ComboBox<Shift> shiftPicker = new ComboBox<>();
    private Consumer<Long> onShowCategory = id -> {};
    private Consumer<PostedNotice> onShowNotice = n -> {};
    private ReportText words;

    private final TableView<CategoryTotal> totals = new TableView<>();
    private final TableColumn<CategoryTotal, String> previousColumn =
            col("", t -> Long.toString(t.previous()), 120);
    private final TableView<PostedNotice> notices = new TableView<>();
    private final VBox promised = new VBox(2);
    /** Issue 22: approvals and sendings back in the window. */
    private final VBox decisions = new VBox(2);
    private final VBox overdue = new VBox(2);
    private final Label nextUpdate = new Label();
    private final TableView<Uncovered> uncovered = new TableView<>();
    private final TableView<ReportAlert> alerts = new TableView<>();
    private final Label unsorted = new Label();
    private final Label handOffSummary = new Label();
    private final TableView<HandOff> handOffs = new TableView<>();
    private final TableView<Theme> themes = new TableView<>();
    private final Label ackStatus = new Label();

    private Runnable onClose = () -> {};

    public HandoverView(DeskContext ctx, HandoverViewModel model) {
        this.ctx = ctx;
        this.model = model;
        this.words = new ReportText(ctx.i18n().locale(), ctx.zone());
        setId("handover-view");
        getStyleClass().add("handover-view");

        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(ctx.t("handover.chart.mentions"));
        chart = new StackedAreaChart<>(x, y);
        chart.setId("handover-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(280);
        chart.setMinHeight(220);
        chart.setLegendVisible(true);

        setTop(header());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("handover-scroll");
        scroll.setFitToWidth(true);
        content.setPadding(new Insets(12, 16, 24, 16));
        content.getStyleClass().add("handover-content");
        buildSections();

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("handover-progress");
        spinner.progressProperty().bind(model.progressProperty());
        spinner.setMaxSize(72, 72);
        Label loadingLabel = new Label(ctx.t("handover.loading"));
        VBox loadingBox = new VBox(10, spinner, loadingLabel);
        loadingBox.setAlignment(Pos.CENTER);
        loadingBox.getStyleClass().add("handover-loading");
        loadingBox.visibleProperty().bind(model.loadingProperty());
        loadingBox.managedProperty().bind(model.loadingProperty());
        setCenter(new StackPane(scroll, loadingBox));

        Label problem = new Label();
        problem.setId("handover-problem");
        problem.getStyleClass().add("handover-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label exportStatus = new Label();
        exportStatus.setId("handover-export-status");
        exportStatus.textProperty().bind(model.exportStatusProperty());
        Region bottomGap = new Region();
        HBox.setHgrow(bottomGap, Priority.ALWAYS);
        // Esc closes the window too (HandoverWindow); the button says so for the mouse (issue #26)
        Button close = new Button(ctx.t("handover.close"));
        close.setId("handover-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        HBox bottom = new HBox(12, problem, exportStatus, bottomGap, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 12, 6, 12));
        setBottom(bottom);

        model.reportProperty().addListener((o, a, r) -> show(r));
        if (model.reportProperty().get() != null) {
            show(model.reportProperty().get());
        }
    }

    private Node header() {
        Label title = new Label(ctx.t("handover.title"), Icons.of("mdi2h-handshake-outline"));
        title.getStyleClass().add("handover-title");
        windowLabel.setId("handover-window");
        windowLabel.getStyleClass().add("handover-meta");
        shiftPicker.setId("handover-shift-picker");
        shiftPicker.setPromptText(ctx.t("handover.shiftPicker"));
        shiftPicker.setItems(model.recentShifts());
        shiftPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Shift s) {
                return s == null ? "" : s.manager() + " · " + words.dateTime(s.startedAt()) + "–"
                        + (s.endedAt() == null ? ctx.t("handover.shift.open") : words.time(s.endedAt()));
            }

            @Override
            public Shift fromString(String s) {
                return null;
            }
        });
        shiftPicker.setOnAction(e -> {
            Shift s = shiftPicker.getValue();
            HandoverReport r = model.reportProperty().get();
            if (s != null && (r == null || r.shift() == null || r.shift().id() != s.id())) {
                model.loadShift(s);
            }
        });
        Button refresh = new Button(null, Icons.of("mdi2r-refresh"));
        refresh.setId("handover-refresh");
        refresh.setTooltip(new Tooltip(ctx.t("handover.refresh")));
        refresh.setOnAction(e -> {
            HandoverReport r = model.reportProperty().get();
            if (r != null && r.shift() != null) {
                model.loadShift(r.shift()); // the same shift, up to now while it is open
            } else {
                model.load(r == null ? null : r.window());
            }
        });
        Button html = new Button(ctx.t("handover.export.html"), Icons.of("mdi2f-file-document-outline"));
        html.setId("handover-export-html");
        html.setOnAction(e -> chooseAndExport(ReportFormat.HTML));
        Button md = new Button(ctx.t("handover.export.md"), Icons.of("mdi2l-language-markdown-outline"));
        md.setId("handover-export-md");
        md.setOnAction(e -> chooseAndExport(ReportFormat.MARKDOWN));
        html.disableProperty().bind(model.reportProperty().isNull());
        md.disableProperty().bind(model.reportProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, windowLabel, spacer, shiftPicker, refresh, html, md);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 16, 6, 16));
        summary.setId("handover-summary");
        summary.getStyleClass().add("handover-summary");
        summary.setWrapText(true);
        began.setId("handover-began");
        began.getStyleClass().add("handover-meta");
        began.managedProperty().bind(began.visibleProperty());
        began.setVisible(false);
        VBox box = new VBox(4, top, summary, began);
        VBox.setMargin(began, new Insets(0, 16, 0, 16));
        box.setPadding(new Insets(0, 0, 6, 0));
        VBox.setMargin(summary, new Insets(0, 16, 0, 16));
        box.getStyleClass().add("handover-header");
        return box;
    }

    private void chooseAndExport(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ctx.t(format == ReportFormat.HTML ? "handover.export.html" : "handover.export.md"));
        chooser.setInitialFileName("handover." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        org.crisisdesk.desk.kit.SaveFolder.prepare(chooser);
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        org.crisisdesk.desk.kit.SaveFolder.chosen(f);
        if (f != null) {
            Path p = f.toPath();
            model.export(p, format);
        }
    }

    private void buildSections() {
        // volume
        totals.setId("handover-totals");
        totals.getColumns().setAll(List.of(
                col(ctx.t("handover.col.category"), t -> words.category(t.category()), 200),
                col(ctx.t("handover.col.now"), t -> Long.toString(t.count()), 90),
                previousColumn,
                col(ctx.t("handover.col.change"), t -> words.change(t), 130)));
        clickable(totals, t -> t.category().id());
        // notices
        notices.setId("handover-notices");
        decisions.setId("handover-decisions");
        notices.getColumns().setAll(List.of(
                col(ctx.t("handover.col.posted"), n -> words.time(n.postedAt()), 80),
                col(ctx.t("handover.col.category"), n -> words.noticeCategory(n.category()), 140),
                col(words.t("report.notices.author"), n -> words.noticePeople(n), 130),
                col(ctx.t("handover.col.department"), n -> nz(n.department()), 110),
                col(ctx.t("handover.col.stage"), n -> words.stage(n), 100),
                col(ctx.t("handover.col.eta"), n -> words.time(n.eta()), 80),
                col(ctx.t("handover.col.nextUpdate"), n -> words.time(n.nextUpdate()), 90),
                col(ctx.t("handover.col.outcome"), n -> words.t("report.outcome." + n.outcome().name())
                        + (words.outcomeDetail(n).isEmpty() ? "" : " · " + words.outcomeDetail(n)), 200),
                col(ctx.t("handover.col.text"), n -> oneLine(n.text()), 320)));
        notices.setRowFactory(v -> {
            TableRow<PostedNotice> row = new TableRow<>() {
                @Override
                protected void updateItem(PostedNotice item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("eta-KEPT", "eta-REVISED", "eta-MISSED", "eta-PENDING",
                            "eta-NO_ETA");
                    if (!empty && item != null) {
                        getStyleClass().add("eta-" + item.outcome().name());
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 2) {
                    onShowNotice.accept(row.getItem());
                }
            });
            return row;
        });
        notices.setTooltip(new Tooltip(ctx.t("handover.showNotice")));
        // open items
        uncovered.setId("handover-uncovered");
        uncovered.getColumns().setAll(List.of(
                col(ctx.t("handover.col.category"), u -> words.category(u.category()), 200),
                col(ctx.t("handover.col.count"), u -> Long.toString(u.count()), 80),
                col(ctx.t("handover.col.oldest"), u -> words.time(u.oldest()), 100),
                col(ctx.t("handover.col.lastNotice"), u -> u.lastNoticeAt() == null
                        ? words.t("report.open.uncovered.never") : words.time(u.lastNoticeAt()), 110)));
        clickable(uncovered, u -> u.category().id());
        alerts.setId("handover-alerts");
        alerts.getColumns().setAll(List.of(
                col(ctx.t("handover.col.raised"), a -> words.time(a.raisedAt()), 80),
                col(ctx.t("handover.col.category"), a -> words.noticeCategory(a.category()), 140),
                col(ctx.t("handover.col.reason"), a -> words.alertReason(a), 120),
                col(ctx.t("handover.col.state"), a -> words.alertState(a, asOf()), 140),
                col(ctx.t("handover.col.steps"), a -> words.alertSteps(a), 240),
                col(ctx.t("handover.col.message"), a -> oneLine(words.alertDetail(a, asOf())), 300)));
        clickable(alerts, a -> a.category().id());
        // hand-offs
        handOffs.setId("handover-handoffs");
        handOffs.getColumns().setAll(List.of(
                col(ctx.t("handover.col.filed"), h -> words.time(h.filedAt()), 80),
                col(ctx.t("handover.col.author"), h -> "@" + h.author(), 140),
                col(ctx.t("handover.col.text"), h -> oneLine(h.text()), 380),
                col(ctx.t("handover.col.exported"), h -> h.ticketSent() ? words.t("report.handoffs.ticket", h.ticket())
                        : h.ticketState() != null ? words.t("report.handoffs.ticketNotSent", h.ticketState())
                        : h.exported() ? words.t("report.handoffs.exported", words.time(h.handedOverAt()))
                        : words.t("report.handoffs.notYet"), 130)));
        // themes
        themes.setId("handover-themes");
        themes.getColumns().setAll(List.of(
                col(ctx.t("handover.col.theme"), Theme::term, 220),
                col(ctx.t("handover.col.count"), t -> Integer.toString(t.count()), 80)));
        for (TableView<?> t : List.of(totals, notices, uncovered, alerts, handOffs, themes)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setPlaceholder(new Label(ctx.t("handover.none")));
            t.setFixedCellSize(26);
        }
        promised.setId("handover-promised");
        overdue.setId("handover-overdue");
        nextUpdate.setId("handover-next-update");
        unsorted.setId("handover-unsorted");
        handOffSummary.setId("handover-handoff-summary");

        TextArea notesArea = new TextArea();
        notesArea.setId("handover-notes");
        notesArea.setWrapText(true);
        notesArea.setPrefRowCount(6);
        notesArea.setPromptText(ctx.t("handover.notes.prompt"));
        notesArea.textProperty().bindBidirectional(model.notesProperty());
        Label notesStatus = new Label();
        notesStatus.setId("handover-notes-status");
        notesStatus.getStyleClass().add("handover-meta");
        notesStatus.textProperty().bind(model.notesStatusProperty());

        TextField ackName = new TextField();
        ackName.setId("handover-ack-name");
        ackName.setPromptText(ctx.t("handover.ack.name"));
        ackName.setPrefColumnCount(16);
        ackName.setText(ctx.deskName());
        Button ack = new Button(ctx.t("handover.ack.button"), Icons.of("mdi2a-account-check-outline"));
        ack.setId("handover-ack");
        ack.getStyleClass().add("accent");
        ack.setDefaultButton(false);
        ack.setOnAction(e -> model.acknowledge(ackName.getText()));
        ackName.setOnAction(e -> model.acknowledge(ackName.getText()));
        ackStatus.setId("handover-ack-status");
        ackStatus.getStyleClass().add("handover-ack-status");
        HBox ackRow = new HBox(8, ackName, ack, ackStatus);
        ackRow.setAlignment(Pos.CENTER_LEFT);
        ack.disableProperty().bind(model.reportProperty().isNull().or(model.loadingProperty()));

        content.getChildren().setAll(
                section("handover.section.volume", chart, height(totals, 8)),
                section("handover.section.notices", height(notices, 7), decisionsTitle(), decisions,
                        subtitle("handover.section.promised"), promised),
                section("handover.section.open", subtitle("handover.section.overdue"), overdue, nextUpdate,
                        subtitle("handover.section.uncovered"), height(uncovered, 5),
                        subtitle("handover.section.alerts"), height(alerts, 5),
                        subtitle("handover.section.unsorted"), unsorted),
                section("handover.section.handoffs", handOffSummary, height(handOffs, 7)),
                section("handover.section.themes", height(themes, 10)),
                section("handover.section.notes", notesArea, notesStatus),
                section("handover.section.ack", ackRow));
    }

    private void show(HandoverReport r) {
        if (r == null) {
            return;
        }
        words = new ReportText(ctx.i18n().locale(), ctx.zone()).forReport(r);
        windowLabel.setText(words.t("report.window", words.dateTime(r.window().from()), words.dateTime(r.window().to()))
                + " (" + words.length(r.window().length()) + ")"
                + (r.shift() == null ? "" : " · " + r.shift().manager()));
        if (r.shift() != null) {
            model.recentShifts().stream().filter(s -> s.id() == r.shift().id()).findFirst()
                    .ifPresent(shiftPicker::setValue);
        }
        previousColumn.setText(words.previousColumn(r));
        Shift before = r.shiftBefore();
        boolean tookOver = r.shift() != null && before != null && before.acknowledged();
        began.setText(tookOver ? words.t("report.shift.began", before.acknowledgedBy(),
                words.time(before.acknowledgedAt()), before.manager()) : "");
        began.setVisible(tookOver);
        summary.setText(ctx.t("handover.summary", r.totalMentions(), words.vsPrevious(r), r.notices().size(),
                r.open().overdue().size(), r.handOffs().waiting(), r.open().unsorted().total()));
        showChart(r);
        totals.getItems().setAll(r.totals());
        notices.getItems().setAll(r.notices());
        decisions.getChildren().clear();
        for (HandoverReport.Decision d : r.decisions()) {
            Label l = new Label(words.decision(d));
            l.setWrapText(true);
            l.getStyleClass().add(d.approved() ? "handover-decision" : "handover-sent-back");
            decisions.getChildren().add(l);
        }
        if (r.decisions().isEmpty()) {
            Label none = new Label(words.t("report.decisions.none"));
            none.getStyleClass().add("handover-meta");
            decisions.getChildren().add(none);
        }
        lines(promised, r.promised(), "handover.promised.none");
        lines(overdue, r.open().overdue(), "handover.overdue.none");
        Promise next = r.open().nextUpdateDue();
        nextUpdate.setText(next == null ? words.t("report.open.nextUpdate.none")
                : words.t("report.open.nextUpdate", words.time(next.due()), words.noticeCategory(next.category())));
        uncovered.getItems().setAll(r.open().uncovered());
        alerts.getItems().setAll(r.open().alerts());
        var b = r.open().unsorted();
        unsorted.setText(b.total() == 0 ? words.t("report.open.unsorted.none")
                : words.t("report.open.unsorted.value", b.total(), words.time(b.oldest()), b.inWindow()));
        var h = r.handOffs();
        handOffSummary.setText(words.t("report.handoffs.summary", h.filedInWindow(), h.exportedOfWindow(), h.waiting())
                + (h.more() > 0 ? " " + words.t("report.handoffs.more", h.more()) : ""));
        handOffs.getItems().setAll(h.items());
        themes.getItems().setAll(r.themes().top());
        Shift s = r.shift();
        ackStatus.setText(s == null ? ctx.t("handover.ack.noShift") : s.acknowledged()
                ? ctx.t("handover.ack.done", s.acknowledgedBy(), words.dateTime(s.acknowledgedAt()))
                : ctx.t("handover.ack.pending"));
        ackStatus.getStyleClass().removeAll("done", "pending");
        ackStatus.getStyleClass().add(s != null && s.acknowledged() ? "done" : "pending");
    }

    /**
     * The chart's points (minutes from the window's start, count) for one series: one at each bucket's start, and
     * for a window of a single bucket a second at its end, since an area of one point draws nothing (the chart of a
     * short shift was empty, issue #26).
     */
    static java.util.List<double[]> points(long[] counts, long bucketMinutes, double windowMinutes) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new double[] {i * (double) bucketMinutes, counts[i]});
        }
        if (counts.length == 1) {
            out.add(new double[] {Math.min(bucketMinutes, windowMinutes), counts[0]});
        }
        return out;
    }

    private void showChart(HandoverReport r) {
        var volume = r.volume();
        NumberAxis x = (NumberAxis) chart.getXAxis();
        long bucketMinutes = volume.bucket().toMinutes();
        int n = volume.bucketStarts().size();
        Instant from = r.window().from();
        x.setAutoRanging(false);
        x.setLowerBound(0);
        double windowMinutes = Math.max(1, r.window().length().toSeconds() / 60.0);
        x.setUpperBound(n < 2 ? Math.min(bucketMinutes, windowMinutes) : (n - 1) * bucketMinutes);
        x.setTickUnit(Math.max(bucketMinutes, bucketMinutes * Math.ceil(n / 8.0)));
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                return words.time(from.plusSeconds(Math.round(minutes.doubleValue() * 60)));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        chart.getData().clear();
        for (Series s : volume.series()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(words.category(s.category()));
            for (double[] p : points(s.counts(), bucketMinutes, windowMinutes)) {
                series.getData().add(new XYChart.Data<>(p[0], p[1]));
            }
            chart.getData().add(series);
        }
        // Each series in its category's colour (the legend follows once the chart has laid out its nodes).
        chart.applyCss();
        for (int i = 0; i < volume.series().size(); i++) {
            String color = Escape.color(volume.series().get(i).category().color());
            XYChart.Series<Number, Number> series = chart.getData().get(i);
            if (series.getNode() != null) {
                Node fill = series.getNode().lookup(".chart-series-area-fill");
                Node line = series.getNode().lookup(".chart-series-area-line");
                if (fill != null) {
                    fill.setStyle("-fx-fill: " + color + "bb;");
                }
                if (line != null) {
                    line.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 1px;");
                }
            }
            for (Node symbol : chart.lookupAll(".chart-legend-item-symbol.default-color" + (i % 8))) {
                symbol.setStyle("-fx-background-color: " + color + ";");
            }
        }
    }

    /** The decisions' subtitle, in the report's words (one wording for the screen and the exports). */
    private Node decisionsTitle() {
        Label l = new Label(words.t("report.decisions.title"));
        l.getStyleClass().add("handover-subtitle");
        return l;
    }

    private <T> void lines(VBox box, List<Promise> promises, String noneKey) {
        box.getChildren().clear();
        if (promises.isEmpty()) {
            Label none = new Label(ctx.t(noneKey));
            none.getStyleClass().add("handover-meta");
            box.getChildren().add(none);
            return;
        }
        for (Promise p : promises) {
            Label l = new Label(words.time(p.due()) + " · " + words.t("report.promise." + p.kind().name()) + " · "
                    + words.noticeCategory(p.category()) + "  (" + words.t("report.promise.from",
                            words.time(p.noticePostedAt())) + ")");
            l.getStyleClass().add(p.overdue() ? "handover-overdue" : "handover-promise");
            if (p.category().id() != null) {
                l.setOnMouseClicked(e -> onShowCategory.accept(p.category().id()));
                l.setTooltip(new Tooltip(ctx.t("handover.showCategory")));
            }
            box.getChildren().add(l);
        }
    }

    private Instant asOf() {
        HandoverReport r = model.reportProperty().get();
        return r == null ? ctx.clock().instant() : r.asOf();
    }

    private <T> void clickable(TableView<T> table, Function<T, Long> category) {
        table.setRowFactory(v -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    Long id = category.apply(row.getItem());
                    if (id != null) {
                        onShowCategory.accept(id);
                    }
                }
            });
            return row;
        });
        table.setTooltip(new Tooltip(ctx.t("handover.showCategory")));
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static <T> TableView<T> height(TableView<T> table, int rows) {
        table.setPrefHeight(30 + rows * 26.0);
        table.setMinHeight(30 + 2 * 26.0);
        return table;
    }

    private VBox section(String key, Node... children) {
        Label title = new Label(ctx.t(key));
        title.getStyleClass().add("handover-section-title");
        VBox box = new VBox(6, title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("handover-section");
        return box;
    }

    private Label subtitle(String key) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("handover-subtitle");
        return l;
    }

    private static String oneLine(String s) {
        return Escape.clip(s == null ? "" : s.replaceAll("\\s+", " ").strip(), 400);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Clicking a category (totals, open items, alerts, promises) calls this with its id. */
    public void setOnShowCategory(Consumer<Long> action) {
        this.onShowCategory = action;
    }

    /** Double-clicking a notice calls this with the notice (the desk shows its category and timeline). */
    public void setOnShowNotice(Consumer<PostedNotice> action) {
        this.onShowNotice = action;
    }

    /** What the Close button (and Esc) does: the window closes itself. */
    public void setOnClose(Runnable action) {
        this.onClose = action;
    }

    public HandoverViewModel model() {
        return model;
    }
}
