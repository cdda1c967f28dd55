package org.crisisdesk.desk.alerts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.crisisdesk.alert.AlertKey;
import org.crisisdesk.alert.AlertSettings;
import org.crisisdesk.alert.Phase;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.triage.Category;

/**
 * Edits the alert rules for the desk (defaults) or one category (overrides; an empty field inherits). Values are
 * checked by the alert logic and saved in the background; the next evaluation uses them. Non-modal.
 */
public final class AlertRulesDialog {
    private final DeskContext ctx;
    private final AlertsViewModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ChoiceBox<Category> scope = new ChoiceBox<>();
    private final Map<AlertKey, Control> fields = new EnumMap<>(AlertKey.class);
    private final Label status = new Label();
    private final GridPane grid = new GridPane();
    private AlertSettings settings = AlertSettings.DEFAULTS;

    private AlertRulesDialog(DeskContext ctx, AlertsViewModel model) {
        this.ctx = ctx;
        this.model = model;
    }

    public static void show(DeskContext ctx, AlertsViewModel model, Node owner) {
        AlertRulesDialog d = new AlertRulesDialog(ctx, model);
        d.build(owner);
        d.dialog.show();
        d.load();
    }

    private void build(Node owner) {
        dialog.setTitle(ctx.t("alerts.rules.title"));
        dialog.setHeaderText(null);
        dialog.initModality(javafx.stage.Modality.NONE);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        List<Category> scopes = new ArrayList<>();
        scopes.add(null);
        ctx.categories().values().stream().filter(c -> !c.archived())
                .sorted(java.util.Comparator.comparingInt(Category::position)).forEach(scopes::add);
        scope.getItems().setAll(scopes);
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(Category c) {
                return c == null ? ctx.t("alerts.rules.desk") : c.name();
            }

            @Override
            public Category fromString(String s) {
                return null;
            }
        });
        scope.setId("alert-rules-scope");
        scope.getSelectionModel().selectFirst();
        scope.valueProperty().addListener((o, a, b) -> fill());

        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        row = row(row, "alerts.rules.volume", AlertKey.VOLUME_ENABLED, AlertKey.VOLUME_COUNT, AlertKey.VOLUME_WINDOW);
        row = row(row, "alerts.rules.phase", AlertKey.CADENCE_PHASE);
        row = row(row, "alerts.rules.cadence", AlertKey.CADENCE_ENABLED, AlertKey.CADENCE_INVESTIGATING,
                AlertKey.CADENCE_IDENTIFIED, AlertKey.CADENCE_MONITORING, AlertKey.CADENCE_WARN);
        row = row(row, "alerts.rules.eta", AlertKey.ETA_ENABLED, AlertKey.ETA_ESCALATE);
        row = row(row, "alerts.rules.spike", AlertKey.SPIKE_ENABLED, AlertKey.SPIKE_WINDOW, AlertKey.SPIKE_BASELINE,
                AlertKey.SPIKE_FACTOR, AlertKey.SPIKE_MIN);
        row = row(row, "alerts.rules.backlog", AlertKey.BACKLOG_ENABLED, AlertKey.BACKLOG_COUNT, AlertKey.BACKLOG_AGE);
        row(row, "alerts.rules.clearAfter", AlertKey.CLEAR_AFTER);

        status.setWrapText(true);
        status.setId("alert-rules-status");
        HBox top = new HBox(8, new Label(ctx.t("alerts.rules.scope")), scope);
        VBox content = new VBox(12, top, grid, status);
        content.setPadding(new Insets(8));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(ctx.t("alerts.rules.save"), ButtonBar.ButtonData.APPLY);
        ButtonType reset = new ButtonType(ctx.t("alerts.rules.reset"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(reset, save, ButtonType.CLOSE);
        org.crisisdesk.desk.kit.DialogWords.localize(dialog.getDialogPane(), ctx);
        // Save and reset keep the dialog open, so a manager can go through several categories.
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            save(false);
        });
        dialog.getDialogPane().lookupButton(reset).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            save(true);
        });
    }

    private int row(int row, String labelKey, AlertKey... keys) {
        Label label = new Label(ctx.t(labelKey));
        label.setWrapText(true);
        label.setMaxWidth(300);
        HBox controls = new HBox(6);
        for (AlertKey k : keys) {
            Control c = switch (k.type()) {
                case BOOL -> {
                    CheckBox box = new CheckBox(ctx.t("alerts.rules.enabled"));
                    box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    yield box;
                }
                case PHASE -> {
                    ChoiceBox<Phase> phase = new ChoiceBox<>();
                    phase.getItems().add(null);
                    phase.getItems().addAll(Phase.values());
                    phase.setConverter(new StringConverter<>() {
                        @Override
                        public String toString(Phase p) {
                            return p == null ? "—" : ctx.t("alerts.phase." + p.name());
                        }

                        @Override
                        public Phase fromString(String s) {
                            return null;
                        }
                    });
                    yield phase;
                }
                default -> {
                    TextField t = new TextField();
                    t.setPrefColumnCount(5);
                    yield t;
                }
            };
            c.setId("alert-rule-" + k.keyName().replace('.', '-'));
            fields.put(k, c);
            controls.getChildren().add(c);
        }
        grid.add(label, 0, row);
        grid.add(controls, 1, row);
        return row + 1;
    }

    private Long scopeId() {
        Category c = scope.getValue();
        return c == null ? null : c.id();
    }

    private void load() {
        model.background().run(() -> model.service().settings()).onSuccess(s -> {
            settings = s;
            fill();
        });
    }

    /** Shows the scope's own values; what it inherits appears as the prompt (or an undecided checkbox). */
    private void fill() {
        Long id = scopeId();
        for (var e : fields.entrySet()) {
            AlertKey k = e.getKey();
            Control c = e.getValue();
            boolean applies = id == null || !k.deskOnly();
            c.setDisable(!applies || (id == null && k == AlertKey.CADENCE_PHASE));
            String own = settings.override(id, k);
            String inherited = id == null ? k.defaultValue() : settings.value(null, k);
            if (c instanceof TextField t) {
                t.setText(applies && own != null ? own : "");
                t.setPromptText(applies ? inherited : "");
            } else if (c instanceof CheckBox b) {
                b.setAllowIndeterminate(id != null);
                if (own == null && id != null) {
                    b.setIndeterminate(true);
                } else {
                    b.setIndeterminate(false);
                    b.setSelected(Boolean.parseBoolean(own != null ? own : inherited));
                }
            } else if (c instanceof ChoiceBox<?> cb) {
                @SuppressWarnings("unchecked")
                ChoiceBox<Phase> phase = (ChoiceBox<Phase>) cb;
                phase.setValue(own == null ? null : Phase.valueOf(own));
            }
        }
        status.setText(id == null ? "" : ctx.t("alerts.rules.inherited"));
    }

    private void save(boolean resetAll) {
        Long id = scopeId();
        Map<AlertKey, String> values = new EnumMap<>(AlertKey.class);
        for (var e : fields.entrySet()) {
            AlertKey k = e.getKey();
            if (e.getValue().isDisabled()) {
                continue;
            }
            String v = null;
            if (!resetAll) {
                if (e.getValue() instanceof TextField t) {
                    v = t.getText().isBlank() ? null : t.getText();
                } else if (e.getValue() instanceof CheckBox b) {
                    v = b.isIndeterminate() ? null : Boolean.toString(b.isSelected());
                } else if (e.getValue() instanceof ChoiceBox<?> cb) {
                    v = cb.getValue() == null ? null : ((Phase) cb.getValue()).name();
                }
            }
            values.put(k, v);
        }
        model.background().run(() -> {
            // Check everything first, so a bad field leaves every setting as it was.
            values.forEach((k, v) -> {
                if (v != null) {
                    k.normalize(v);
                }
            });
            values.forEach((k, v) -> {
                if (v == null) {
                    model.service().resetSetting(id, k);
                } else {
                    model.service().putSetting(id, k, v);
                }
            });
            return model.service().settings();
        }).onSuccess(s -> {
            settings = s;
            fill();
            status.setText(ctx.t("alerts.rules.saved"));
        }).onFailure(e -> status.setText(ctx.t("alerts.rules.invalid", e.getMessage())));
    }
}
