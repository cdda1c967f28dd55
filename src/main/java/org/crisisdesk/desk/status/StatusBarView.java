package org.crisisdesk.desk.status;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.source.SourceStatus;

/** ControlsFX status bar: where mentions come from and in what state, their rate, and where they are stored. */
public final class StatusBarView extends StatusBar {
    private final DeskContext ctx;
    private final Label clock = new Label();

    public StatusBarView(DeskContext ctx, StatusViewModel model) {
        this.ctx = ctx;
        setId("status-bar");
        textProperty().bind(Bindings.createStringBinding(() -> describe(model.sourceNameProperty().get(),
                model.sourceStatusProperty().get()), model.sourceNameProperty(), model.sourceStatusProperty()));
        setGraphic(Icons.of("mdi2r-rss"));

        Label rate = new Label();
        rate.setId("status-rate");
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> ctx.t("status.perMinute", model.perMinuteProperty().get()), model.perMinuteProperty()));
        Label db = new Label();
        db.setId("status-db");
        db.setGraphic(Icons.of("mdi2d-database"));
        db.textProperty().bind(model.databaseLocationProperty());
        db.setMaxWidth(320);
        db.setTooltip(new Tooltip());
        db.getTooltip().textProperty().bind(model.databaseLocationProperty());
        clock.setId("status-clock");
        clock.setGraphic(Icons.of("mdi2c-clock-outline"));
        // the zone every time on the desk is shown in (issue 26): the account's, never silently the computer's
        Label zone = new Label(ctx.zone().getId());
        zone.setId("status-zone");
        zone.setGraphic(Icons.of("mdi2e-earth"));
        zone.setTooltip(new Tooltip(ctx.t("status.zone")));
        getRightItems().addAll(rate, new Separator(javafx.geometry.Orientation.VERTICAL), clock, zone,
                new Separator(javafx.geometry.Orientation.VERTICAL), db);

        var timer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Duration.seconds(1), e -> {
            model.tick();
            clock.setText(RelativeTime.absolute(ctx.clock().instant(), ctx.zone()));
        }));
        timer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        timer.play();
        clock.setText(RelativeTime.absolute(ctx.clock().instant(), ctx.zone()));
    }

    /** DRILL or LIVE, leftmost on the right, coloured: which account notices would reach (issue 26). */
    public void showMode(boolean drill) {
        Label mode = new Label(ctx.t(drill ? "mode.drill.status" : "mode.live.status"));
        mode.setId("status-mode");
        mode.getStyleClass().add(drill ? "drill-badge" : "live-badge");
        getRightItems().addAll(0, java.util.List.of(mode, new Separator(javafx.geometry.Orientation.VERTICAL)));
    }

    /** Who has the desk, as the toolbar's shift menu says it (the issue asked for it here too). */
    public void showShift(javafx.beans.value.ObservableValue<String> shiftText) {
        Label shift = new Label();
        shift.setId("status-shift");
        shift.setGraphic(Icons.of("mdi2a-account-clock-outline"));
        shift.textProperty().bind(shiftText);
        getRightItems().addAll(0, java.util.List.of(shift, new Separator(javafx.geometry.Orientation.VERTICAL)));
    }

    private String describe(String name, SourceStatus st) {
        if (st == null) {
            return ctx.t("status.noSource");
        }
        String label = name == null ? "" : localName(name);
        String state = ctx.t("source.state." + st.state().name());
        String detail = st.detail() == null ? "" : " · " + st.detail();
        StringBuilder extra = new StringBuilder();
        if (st.until() != null) {
            // a monthly cap waits days: its end needs the date, a 15-minute window only the time
            extra.append(" · ").append(ctx.t("connect.status.until", st.state() == SourceStatus.State.USAGE_CAPPED
                    ? java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ctx.zone())
                            .format(st.until()) : hms(st.until())));
        }
        if (st.rateRemaining() != null) {
            extra.append(" · ").append(ctx.t("connect.status.rate", st.rateRemaining()));
        }
        if (st.gapBefore() != null) {
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                    .withZone(ctx.zone());
            extra.append(" · ").append(st.gapAfter() == null ? ctx.t("status.gap", f.format(st.gapBefore()))
                    : ctx.t("status.gapSpan", f.format(st.gapAfter()), f.format(st.gapBefore())));
        }
        if (st.lastPoll() != null && !"Demo replay".equals(name)) {
            extra.append(" · ").append(ctx.t("connect.status.lastPoll", hms(st.lastPoll())));
        }
        return label + " — " + state + detail + extra;
    }

    private String hms(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ctx.zone()).format(t);
    }

    private String localName(String name) {
        return "Demo replay".equals(name) ? ctx.t("source.demo") : name;
    }
}
