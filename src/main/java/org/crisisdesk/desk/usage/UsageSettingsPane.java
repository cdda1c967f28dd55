package org.crisisdesk.desk.usage;

import java.math.BigDecimal;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.usage.UsageSettings;

/**
 * The usage meter's settings in the settings window: this month's meter, the per-post rates (X's published prices
 * unless set), the monthly cap, budget, warning share and billing day. Saved with the button, checked first; the
 * reading and saving run on the background executor. FX thread.
 */
public final class UsageSettingsPane {
    private final DeskContext ctx;
    private final Services services;
    private final Background background;

    public UsageSettingsPane(DeskContext ctx, Services services, Background background) {
        this.ctx = ctx;
        this.services = services;
        this.background = background;
    }

    public Node build() {
        TextField read = field("usage-read-rate");
        TextField create = field("usage-create-rate");
        TextField createUrl = field("usage-create-url-rate");
        TextField userRead = field("usage-user-read-rate");
        TextField cap = field("usage-cap");
        TextField budget = field("usage-budget");
        TextField warnAt = field("usage-warn-at");
        TextField billingDay = field("usage-billing-day");
        Label status = new Label();
        status.setId("usage-settings-status");
        status.setWrapText(true);
        UsageMeterModel meter = new UsageMeterModel(ctx, background, new UsageReader(services));
        Label now = new Label();
        now.setId("usage-settings-meter");
        now.setWrapText(true);
        now.textProperty().bind(meter.textProperty());
        Label details = new Label();
        details.setWrapText(true);
        details.getStyleClass().add("settings-note");
        details.textProperty().bind(meter.tooltipProperty());

        Runnable fill = () -> background.run(() -> UsageSettings.load(services.settings())).onSuccess(s -> {
            read.setText(s.readRate().toPlainString());
            create.setText(s.createRate().toPlainString());
            createUrl.setText(s.createUrlRate().toPlainString());
            userRead.setText(s.userReadRate().toPlainString());
            cap.setText(Long.toString(s.monthlyCap()));
            budget.setText(s.monthlyBudget().toPlainString());
            warnAt.setText(Long.toString(Math.round(s.warnAt() * 100)));
            billingDay.setText(Integer.toString(s.billingDay()));
            meter.refresh();
        });
        Button save = new Button(ctx.t("usage.settings.save"));
        save.setId("usage-settings-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> {
            UsageSettings s;
            try {
                s = new UsageSettings(money(read), money(create), money(createUrl),
                        Long.parseLong(cap.getText().strip()), money(budget),
                        Double.parseDouble(warnAt.getText().strip()) / 100.0,
                        Integer.parseInt(billingDay.getText().strip()), money(userRead));
            } catch (IllegalArgumentException bad) { // NumberFormatException included
                status.setText(ctx.t("usage.settings.invalid", bad.getMessage()));
                return;
            }
            UsageSettings checked = s;
            background.run(() -> checked.save(services.settings())).onSuccess(v -> {
                status.setText(ctx.t("usage.settings.saved"));
                meter.refresh();
            });
        });
        Button reset = new Button(ctx.t("usage.settings.resetRates"));
        reset.setId("usage-reset-rates");
        reset.setOnAction(e -> {
            read.setText(UsageSettings.X_READ.toPlainString());
            create.setText(UsageSettings.X_CREATE.toPlainString());
            createUrl.setText(UsageSettings.X_CREATE_URL.toPlainString());
            userRead.setText(UsageSettings.X_USER_READ.toPlainString());
        });

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, label("usage.settings.now"), new VBox(4, now, details));
        grid.addRow(row++, label("usage.settings.readRate"), read);
        grid.addRow(row++, label("usage.settings.createRate"), create);
        grid.addRow(row++, label("usage.settings.createUrlRate"), createUrl);
        grid.addRow(row++, label("usage.settings.userReadRate"), userRead);
        grid.add(note("usage.settings.ratesNote"), 1, row++);
        grid.addRow(row++, label("usage.settings.cap"), cap);
        grid.add(note("usage.settings.capNote"), 1, row++);
        grid.addRow(row++, label("usage.settings.budget"), budget);
        grid.addRow(row++, label("usage.settings.warnAt"), warnAt);
        grid.addRow(row++, label("usage.settings.billingDay"), billingDay);
        grid.add(new HBox(8, save, reset), 1, row++);
        grid.add(status, 1, row);
        grid.setPadding(new Insets(6, 0, 0, 0));
        fill.run();
        return grid;
    }

    private static BigDecimal money(TextField f) {
        return new BigDecimal(f.getText().strip());
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        return f;
    }

    private Label label(String key) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("settings-label");
        l.setWrapText(true);
        return l;
    }

    private Label note(String key) {
        Label l = new Label(ctx.t(key));
        l.setWrapText(true);
        l.getStyleClass().add("settings-note");
        return l;
    }
}
