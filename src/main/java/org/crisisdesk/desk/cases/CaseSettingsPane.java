package org.crisisdesk.desk.cases;

import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.crisisdesk.cases.CaseSettings;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.settings.SettingsStore;

/**
 * The settings' "Customer centre" section: which helpdesk, where, as whom, and whether a case moved into the column is
 * sent at once. The token (or the webhook's signing secret) goes to {@code HOME/customer-centre.properties} (0600),
 * never to the database; the field shows only whether one is stored.
 */
public final class CaseSettingsPane {
    private final DeskContext ctx;
    private final SettingsStore settings;
    private final SecretFile secrets;
    private final Background background;

    public CaseSettingsPane(DeskContext ctx, SettingsStore settings, Path home, Background background) {
        this.ctx = ctx;
        this.settings = settings;
        this.secrets = CaseSettings.secrets(home);
        this.background = background;
    }

    public Node build() {
        ChoiceBox<CaseSettings.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(CaseSettings.Kind.values());
        kind.setId("cases-kind");
        TextField url = new TextField();
        url.setId("cases-url");
        TextField user = new TextField();
        TextField requester = new TextField();
        TextField group = new TextField();
        PasswordField secret = new PasswordField();
        secret.setId("cases-secret");
        CheckBox auto = new CheckBox(ctx.t("cases.settings.auto"));
        auto.setId("cases-auto");
        Label status = new Label();
        status.setWrapText(true);
        status.getStyleClass().add("settings-note");
        Button save = new Button(ctx.t("cases.settings.save"));
        save.setId("cases-save");
        save.setDisable(true);
        background.run(() -> new Object[] {CaseSettings.load(settings), secrets.get(CaseSettings.SECRET_KEY).isPresent()})
                .onSuccess(r -> {
                    CaseSettings s = (CaseSettings) r[0];
                    kind.setValue(s.kind());
                    url.setText(s.url() == null ? "" : s.url());
                    user.setText(s.user() == null ? "" : s.user());
                    requester.setText(s.requester() == null ? "" : s.requester());
                    group.setText(s.group() == null ? "" : s.group());
                    auto.setSelected(s.autoSend());
                    secret.setPromptText(ctx.t((Boolean) r[1] ? "cases.settings.secretStored"
                            : "cases.settings.secretMissing"));
                    save.setDisable(false);
                });
        save.setOnAction(e -> {
            save.setDisable(true);
            String newSecret = secret.getText();
            CaseSettings.Kind k = kind.getValue() == null ? CaseSettings.Kind.NONE : kind.getValue();
            String u = url.getText();
            String us = user.getText();
            String rq = requester.getText();
            String gr = group.getText();
            boolean au = auto.isSelected();
            background.run(() -> {
                CaseSettings before = CaseSettings.load(settings);
                new CaseSettings(k, u, us, rq, gr, au, before.pace(), before.timeout()).save(settings);
                if (!newSecret.isBlank()) {
                    secrets.put(Map.of(CaseSettings.SECRET_KEY, newSecret));
                }
                return CaseSettings.load(settings).missing(secrets.get(CaseSettings.SECRET_KEY).isPresent());
            }).onSuccess(missing -> {
                secret.clear();
                secret.setPromptText(ctx.t("cases.settings.secretStored"));
                status.setText(missing == null ? ctx.t("cases.settings.ready") : ctx.t("cases.settings.missing", missing));
                save.setDisable(false);
            }).onFailure(err -> {
                status.setText(ctx.t("cases.failed", err.getMessage()));
                save.setDisable(false);
            });
        });
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        row = add(grid, row, "cases.settings.kind", kind);
        row = add(grid, row, "cases.settings.url", url);
        row = add(grid, row, "cases.settings.user", user);
        row = add(grid, row, "cases.settings.requester", requester);
        row = add(grid, row, "cases.settings.group", group);
        row = add(grid, row, "cases.settings.secret", secret);
        grid.add(auto, 1, row++);
        Label note = new Label(ctx.t("cases.settings.note", secrets.path()));
        note.setWrapText(true);
        note.getStyleClass().add("settings-note");
        grid.add(note, 1, row++);
        grid.add(save, 1, row++);
        grid.add(status, 1, row);
        GridPane.setMargin(save, new Insets(6, 0, 0, 0));
        return grid;
    }

    private int add(GridPane grid, int row, String key, Node input) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("settings-label");
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        return row + 1;
    }
}
