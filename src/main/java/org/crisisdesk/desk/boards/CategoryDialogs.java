package org.crisisdesk.desk.boards;

import java.io.File;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryNames;
import org.crisisdesk.triage.Rules;
import org.crisisdesk.triage.RulesInput;

/**
 * The boards' dialogs: new category, rename, colour, rules editor, confirmations and the hand-over file. Each checks
 * its input as the person types and keeps OK disabled until it is valid, so the store rarely has to refuse.
 */
final class CategoryDialogs {
    private final DeskContext ctx;

    CategoryDialogs(DeskContext ctx) {
        this.ctx = ctx;
    }

    record NewCategory(String name, String colour) {}

    Optional<NewCategory> create(Window owner, String suggestedColour) {
        Dialog<ButtonType> d = dialog(owner, ctx.t("board.create.title"));
        TextField name = new TextField();
        name.setId("create-name");
        name.setPromptText(ctx.t("board.create.name.prompt"));
        ColorPicker colour = new ColorPicker(Color.web(suggestedColour));
        colour.setId("create-colour");
        Label problem = problemLabel();
        GridPane grid = grid();
        grid.addRow(0, new Label(ctx.t("board.create.name")), name);
        grid.addRow(1, new Label(ctx.t("board.create.colour")), colour);
        grid.add(problem, 1, 2);
        d.getDialogPane().setContent(grid);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> nameProblem(name.getText(), null) != null,
                name.textProperty()));
        problem.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty() ? ""
                : Optional.ofNullable(nameProblem(name.getText(), null)).orElse(""), name.textProperty()));
        name.requestFocus();
        return d.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new NewCategory(name.getText(), hex(colour.getValue())));
    }

    Optional<String> rename(Window owner, Category c) {
        Dialog<ButtonType> d = dialog(owner, ctx.t("board.rename.title", c.name()));
        TextField name = new TextField(c.name());
        name.setId("rename-name");
        Label problem = problemLabel();
        VBox box = new VBox(8, name, problem);
        d.getDialogPane().setContent(box);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> nameProblem(name.getText(), c) != null,
                name.textProperty()));
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> Optional.ofNullable(nameProblem(name.getText(), c)).orElse(""), name.textProperty()));
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> name.getText());
    }

    /** Why a name cannot be used (in the desk's language), or null. */
    private String nameProblem(String text, Category self) {
        String clean;
        try {
            clean = CategoryNames.clean(text);
        } catch (IllegalArgumentException e) {
            return text == null || text.isBlank() ? ctx.t("board.problem.EMPTY_NAME") : e.getMessage();
        }
        for (Category other : ctx.categories().values()) {
            if (other.name().equals(clean) && (self == null || other.id() != self.id())) {
                return ctx.t("board.problem.NAME_TAKEN", clean);
            }
        }
        if (self != null && self.name().equals(clean)) {
            return ctx.t("board.rename.same");
        }
        return null;
    }

    Optional<String> recolour(Window owner, Category c) {
        Dialog<ButtonType> d = dialog(owner, ctx.t("board.recolour.title", c.name()));
        ColorPicker colour = new ColorPicker(Color.web(c.color()));
        colour.setId("recolour-picker");
        d.getDialogPane().setContent(colour);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> hex(colour.getValue()));
    }

    /** Keywords, regular expressions and exclusions, one per line; bad expressions are named with their line. */
    Optional<Rules> rules(Window owner, Category c) {
        Dialog<ButtonType> d = dialog(owner, ctx.t("board.rules.title", c.name()));
        TextArea keywords = area("rules-keywords", c.rules().keywords());
        TextArea regexes = area("rules-regexes", c.rules().regexes());
        TextArea exclusions = area("rules-exclusions", c.rules().exclusions());
        Label hint = new Label(ctx.t("board.rules.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("mention-time");
        Label problem = problemLabel();
        problem.setId("rules-problem");
        GridPane grid = grid();
        grid.addRow(0, new Label(ctx.t("board.rules.keywords")), new Label(ctx.t("board.rules.regexes")),
                new Label(ctx.t("board.rules.exclusions")));
        grid.addRow(1, keywords, regexes, exclusions);
        VBox box = new VBox(8, hint, grid, problem);
        box.setPrefWidth(720);
        d.getDialogPane().setContent(box);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        var problems = Bindings.createObjectBinding(
                () -> RulesInput.problems(keywords.getText(), regexes.getText(), exclusions.getText()),
                keywords.textProperty(), regexes.textProperty(), exclusions.textProperty());
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !problems.get().isEmpty(), problems));
        problem.textProperty().bind(Bindings.createStringBinding(() -> describe(problems.get()), problems));
        return d.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> RulesInput.parse(keywords.getText(), regexes.getText(), exclusions.getText()));
    }

    private String describe(List<RulesInput.Problem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        RulesInput.Problem p = problems.get(0);
        return ctx.t("board.rules.problem", ctx.t("board.rules." + p.field().name().toLowerCase(Locale.ROOT)),
                p.line(), p.rule(), p.detail());
    }

    /** The Unsorted mentions of {@code shown} whose suggestion is at least {@code floor} confident. */
    static List<StoredMention> atLeast(List<StoredMention> shown, double floor) {
        return shown.stream().filter(m -> m.unsorted() && m.suggestedCategoryId() != null
                && m.suggestionConfidence() != null && m.suggestionConfidence() >= floor - 1e-9).toList();
    }

    /**
     * "Accept all suggestions shown": how many of the cards on screen would be filed at the least confidence the
     * person picks (starting at {@code floor}), and which: one line per mention with the column it would go to, so
     * what the dialog lists is exactly what OK files (OK is off when that is nothing). Returns the chosen confidence,
     * or empty when cancelled. Keyboard: the spinner has the focus; Up/Down change the least confidence by 5 wherever
     * the focus is, Enter accepts wherever the focus is, Escape cancels.
     */
    Optional<Double> acceptShown(Window owner, List<StoredMention> shown, double floor) {
        Dialog<Double> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(ctx.t("board.acceptShown.title"));
        d.setHeaderText(ctx.t("board.acceptShown.title"));
        javafx.scene.control.Spinner<Integer> percent = new javafx.scene.control.Spinner<>(5, 100,
                (int) Math.round(floor * 100), 5);
        percent.setId("accept-shown-floor");
        percent.setEditable(true);
        Label count = new Label();
        count.setId("accept-shown-count");
        count.setWrapText(true);
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
        list.setId("accept-shown-list");
        list.setFocusTraversable(false);
        list.setPrefHeight(160);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable update = () -> {
            List<StoredMention> chosen = atLeast(shown, percent.getValue() / 100.0);
            count.setText(ctx.t("board.acceptShown.count", chosen.size(), shown.size(), percent.getValue()));
            list.getItems().setAll(chosen.stream().map(this::acceptLine).toList());
            ok.setDisable(chosen.isEmpty());
        };
        percent.valueProperty().addListener((o, a, b) -> update.run());
        update.run();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(ctx.t("board.acceptShown.floor")), percent);
        grid.add(count, 0, 1, 2, 1);
        grid.add(list, 0, 2, 2, 1);
        GridPane.setHgrow(list, Priority.ALWAYS);
        Label note = new Label(ctx.t("board.acceptShown.note"));
        note.setWrapText(true);
        grid.add(note, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setPrefWidth(480);
        d.setResultConverter(b -> b == ButtonType.OK ? percent.getValue() / 100.0 : null);
        // after the dialog's own choice of focus (its default button), so the keys start in the spinner
        d.setOnShown(e -> javafx.application.Platform.runLater(percent::requestFocus));
        // The keys work wherever the focus is: Up/Down move the least confidence, Enter accepts what is listed (with
        // what was typed into the spinner); Escape (or Space on Cancel) cancels
        d.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Node focus = d.getDialogPane().getScene().getFocusOwner();
            boolean inSpinner = focus == percent || focus == percent.getEditor() || percent.isFocused();
            switch (e.getCode()) {
                case UP, DOWN -> {
                    if (!inSpinner) {
                        if (e.getCode() == javafx.scene.input.KeyCode.UP) {
                            percent.increment();
                        } else {
                            percent.decrement();
                        }
                        e.consume();
                    }
                }
                case ENTER -> {
                    percent.commitValue();
                    if (!ok.isDisabled()) {
                        ((javafx.scene.control.Button) ok).fire();
                    }
                    e.consume();
                }
                default -> { }
            }
        });
        return d.showAndWait();
    }

    /** "배송 지연 92% · 택배 언제 와요": where a mention would go, how sure, and the start of its text. */
    private String acceptLine(StoredMention m) {
        Category c = ctx.categories().get(m.suggestedCategoryId());
        String text = m.text().replace('\n', ' ');
        if (text.length() > 60) {
            text = text.substring(0, 59) + "…";
        }
        return ctx.t("board.acceptShown.item", c == null ? "?" : c.name(),
                Math.round(m.suggestionConfidence() * 100), text);
    }

    boolean confirm(Window owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        org.crisisdesk.desk.kit.DialogWords.localize(a.getDialogPane(), ctx);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Where to write the customer centre's cases; CSV unless the name ends in .jsonl. */
    Optional<Path> handOverFile(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(ctx.t("board.handover.title"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        fc.setInitialFileName("customer-centre-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(ctx.clock().instant().atZone(ctx.zone()))
                + ".csv");
        org.crisisdesk.desk.kit.SaveFolder.prepare(fc);
        File f = fc.showSaveDialog(owner);
        org.crisisdesk.desk.kit.SaveFolder.chosen(f);
        return Optional.ofNullable(f).map(File::toPath);
    }

    static MentionExporter.Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")
                ? MentionExporter.Format.JSONL : MentionExporter.Format.CSV;
    }

    static String hex(Color c) {
        return String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private Dialog<ButtonType> dialog(Window owner, String title) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText(ctx.t("board.ok"));
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.CANCEL))
                .setText(ctx.t("board.cancel"));
        ButtonBar.setButtonUniformSize(d.getDialogPane().lookupButton(ButtonType.OK), true);
        return d;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(4));
        return g;
    }

    private static Label problemLabel() {
        Label l = new Label();
        l.getStyleClass().add("form-problem");
        l.setWrapText(true);
        return l;
    }

    private static TextArea area(String id, List<String> lines) {
        TextArea a = new TextArea(String.join("\n", lines));
        a.setId(id);
        a.setPrefRowCount(12);
        a.setPrefColumnCount(16);
        GridPane.setHgrow(a, Priority.ALWAYS);
        return a;
    }
}
