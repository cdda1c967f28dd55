package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.DialogWords;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Korean → English → Korean on the demo desk with the composer open and the replay paused (issue #26): afterwards no
 * word of the other language is on screen (labels, buttons, tooltips, prompts, menu items, tabs), the composer is
 * still open, no other window popped up, and the pause button tells the truth.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u3130-\\u318F]");
    private DeskSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Path home = TempDesk.newHome();
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        window = new MainWindow(session, url -> {}, () -> {}, this::switchTo);
        scene = new Scene(window, 1440, 900);
        scene.getStylesheets().add(DeskApp.class.getResource("desk.css").toExternalForm());
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    /** What DeskApp does on a switch: new words in the context, the window rebuilt over the same session. */
    private void switchTo(Locale locale) {
        MainWindow before = window;
        session.context().setI18n(new I18n(locale));
        window = new MainWindow(session, url -> {}, () -> {}, this::switchTo);
        scene.setRoot(window);
        window.installShortcuts(scene);
        window.continueFrom(before);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        session.close();
    }

    @Test
    void switchingBothWaysLeavesNoWordOfTheOtherLanguageAndResetsNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#column-unsorted").tryQuery().isPresent());
        robot.interact(() -> window.openComposer()); // the lint shows its warnings for the empty notice
        robot.clickOn("#replay-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.replay().clock().paused()).isTrue();
        int windows = javafx.stage.Window.getWindows().size();

        choose(robot, "#language-en");
        assertThat(session.context().i18n().korean()).isFalse();
        assertNoHangul();
        assertThat(robot.lookup("#right-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("composer-tab");
        ToggleButton pause = robot.lookup("#replay-pause").queryAs(ToggleButton.class);
        assertThat(pause.isSelected()).isTrue();

        choose(robot, "#language-ko");
        assertThat(session.context().i18n().korean()).isTrue();
        assertNoEnglish();
        assertThat(robot.lookup("#right-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("composer-tab");
        assertThat(javafx.stage.Window.getWindows()).hasSize(windows); // no settings window popped up

        // the first click on the rebuilt pause button plays again
        robot.clickOn("#replay-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.replay().clock().paused()).isFalse();
    }

    @Test
    void dialogButtonsSpeakTheDesksLanguageNotTheSystems(FxRobot robot) {
        DeskContext ko = new DeskContext(new I18n(I18n.KOREAN), java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC);
        String[] texts = new String[2];
        robot.interact(() -> {
            Dialog<ButtonType> d = new Dialog<>();
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            DialogWords.localize(d.getDialogPane(), ko);
            texts[0] = ((Labeled) d.getDialogPane().lookupButton(ButtonType.OK)).getText();
            texts[1] = ((Labeled) d.getDialogPane().lookupButton(ButtonType.CANCEL)).getText();
        });
        assertThat(texts).containsExactly("확인", "취소");
    }

    private void choose(FxRobot robot, String language) {
        robot.clickOn("#language-menu");
        robot.clickOn(language);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window.applyCss();
            window.layout();
        });
    }

    // ---- walking the scene ---------------------------------------------------------------------------------------

    /** Every word the window shows in its own voice: not mention text, authors or category names (user data). */
    private List<String> shownWords() {
        List<String> out = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        List<String>[] box = new List[1];
        new FxRobot().interact(() -> {
            List<String> words = new ArrayList<>();
            walk(window, words);
            box[0] = words;
        });
        Set<String> userData = new HashSet<>();
        session.context().categories().values().forEach(c -> userData.add(c.name()));
        userData.add("한국어"); // the language menu names each language in itself
        for (String w : box[0]) {
            String rest = w;
            for (String u : userData) {
                rest = rest.replace(u, " ");
            }
            out.add(rest);
        }
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ListCell<?> cell && cell.getItem() instanceof org.crisisdesk.mention.StoredMention) {
            return; // a mention card: the customer's words
        }
        if ("detail".equals(n.getId())) {
            return; // the open mention
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t && t.getPromptText() != null) {
            out.add(t.getPromptText());
        }
        if (n instanceof ComboBoxBase<?> c && c.getPromptText() != null) {
            out.add(c.getPromptText());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (n instanceof MenuButton mb) {
            mb.getItems().forEach(i -> menuWords(i, out));
        }
        if (n instanceof TabPane tp) {
            tp.getTabs().forEach(t -> out.add(t.getText()));
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }

    private static void menuWords(MenuItem i, List<String> out) {
        if (i.getText() != null) {
            out.add(i.getText());
        }
        if (i instanceof Menu m) {
            m.getItems().forEach(x -> menuWords(x, out));
        }
    }

    private void assertNoHangul() {
        assertThat(shownWords()).as("Hangul on the English desk").noneMatch(w -> HANGUL.matcher(w).find());
    }

    private void assertNoEnglish() {
        List<String> englishOnly = englishOnlyFragments();
        assertThat(englishOnly).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (String w : shownWords()) {
            for (String f : englishOnly) {
                if (w.contains(f)) {
                    found.add(f + " in \"" + w + "\"");
                }
            }
        }
        assertThat(found).as("English words on the Korean desk").isEmpty();
    }

    /**
     * The literal parts (between {0}-style arguments) of every English bundle value that no Korean value contains,
     * five characters or longer, e.g. "Write notice", "Cancel", "Snooze for ".
     */
    private static List<String> englishOnlyFragments() {
        List<String> names = new ArrayList<>();
        names.add(I18n.BUNDLE);
        names.addAll(I18n.FEATURE_BUNDLES);
        List<String> koValues = new ArrayList<>();
        List<String> enValues = new ArrayList<>();
        for (String name : names) {
            ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES);
            ResourceBundle ko = ResourceBundle.getBundle(name, I18n.KOREAN, noFallback);
            ResourceBundle en = ResourceBundle.getBundle(name, I18n.ENGLISH, noFallback);
            for (String key : en.keySet()) {
                enValues.add(en.getString(key));
                if (ko.containsKey(key)) {
                    koValues.add(ko.getString(key));
                }
            }
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : enValues) {
            for (String part : v.replace("''", "'").split("\\{[^}]*\\}")) {
                String f = part.strip();
                if (f.length() >= 5 && f.chars().anyMatch(Character::isLetter)
                        && koValues.stream().noneMatch(k -> k.contains(f))) {
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }
}
