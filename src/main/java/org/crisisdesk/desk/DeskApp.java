package org.crisisdesk.desk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: a start screen while the database opens, then the desk. */
public final class DeskApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(DeskApp.class);
    private static volatile DeskOptions options;

    private DeskSession session;
    private Stage stage;
    private boolean dark;
    private I18n i18n;

    /** Blocks until the window is closed. */
    public static void launch(DeskOptions deskOptions) {
        options = deskOptions;
        Application.launch(DeskApp.class);
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        loadFonts();
        applyTheme();
        i18n = I18n.forSystem();
        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label(i18n.t("startup.opening"));
        VBox splash = new VBox(16, spinner, opening);
        splash.setAlignment(Pos.CENTER);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        addStyles(scene);
        stage.setScene(scene);
        stage.setTitle(i18n.t("app.title"));
        setIcon(stage);
        stage.show();

        var starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "desk-startup"));
        new Background(starter).run(() -> DeskBootstrap.open(options)).onSuccess(opened -> {
            starter.shutdown();
            String lang = opened.services().settings().get("ui.language", null);
            if (lang != null) {
                i18n = new I18n(Locale.forLanguageTag(lang));
            }
            dark = "dark".equals(opened.services().settings().get("ui.theme", "light"));
            applyTheme();
            DeskContext ctx = new DeskContext(i18n, opened.services().clock(), opened.zone());
            session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
            show();
            session.start();
        }).onFailure(e -> {
            starter.shutdown();
            log.error("Could not open the desk", e);
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(i18n.t("app.title"));
            alert.setHeaderText(i18n.t("startup.failed"));
            alert.setContentText(e.getMessage());
            alert.showAndWait();
            Platform.exit();
        });
    }

    private void show() {
        MainWindow window = new MainWindow(session, url -> getHostServices().showDocument(url), this::toggleTheme,
                this::switchLanguage);
        Scene scene = stage.getScene();
        scene.setRoot(window);
        window.installShortcuts(scene);
        stage.setTitle(i18n.t("app.title") + (session.replay() != null ? " — " + i18n.t("toolbar.demo") : ""));
    }

    private void toggleTheme() {
        dark = !dark;
        applyTheme();
        String value = dark ? "dark" : "light";
        session.background().run(() -> session.services().settings().put("ui.theme", value));
    }

    /** Rebuilds the window in the other language; the session and its data stay as they are. */
    private void switchLanguage(Locale locale) {
        i18n = new I18n(locale);
        session.background().run(() -> session.services().settings().put("ui.language", locale.getLanguage()));
        // The view models keep their data; only the words change, so rebuild the views over the same session.
        session.context().setI18n(i18n);
        show();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    static void addStyles(Scene scene) {
        scene.getStylesheets().add(DeskApp.class.getResource("desk.css").toExternalForm());
    }

    /**
     * Hangul must render on machines without Korean system fonts, so the desk brings its own; the emoji font is a
     * monochrome outline font because JavaFX on Linux draws nothing for colour emoji, and JavaFX falls back to
     * loaded fonts for glyphs the UI font lacks.
     */
    static void loadFonts() {
        for (String f : new String[] {"fonts/NanumGothic.ttf", "fonts/NanumGothicBold.ttf", "fonts/NotoEmoji.ttf"}) {
            try (InputStream in = DeskApp.class.getResourceAsStream(f)) {
                if (in != null) {
                    Font.loadFont(in, 13);
                }
            } catch (Exception e) {
                log.warn("Could not load font {}: {}", f, e.toString());
            }
        }
    }

    private static void setIcon(Stage stage) {
        try (InputStream in = DeskApp.class.getResourceAsStream("icons/crisisdesk-256.png")) {
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        } catch (Exception e) {
            log.debug("No window icon: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
