package org.crisisdesk.desk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.settings.DeskControls;
import org.crisisdesk.desk.settings.WindowLayout;
import org.crisisdesk.desk.welcome.WelcomeViewModel;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
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
    private WindowLayout layout;
    private java.util.concurrent.ExecutorService prefsIo;

    /** Set when the desk could not open (e.g. the team database is unreachable): the process exits with 1. */
    private static volatile boolean startFailed;

    /** Blocks until the window is closed; the exit status: 1 when the desk could not open, else 0. */
    public static int launch(DeskOptions deskOptions) {
        options = deskOptions;
        // The database opens while the toolkit starts and the fonts load: a third of a start on a large desk, and
        // a core is free then (issue #8). The window shows what became of it once it is up (openDesk).
        ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "desk-startup");
            t.setDaemon(true); // a toolkit that fails to start must not leave the JVM waiting on this
            return t;
        });
        firstOpening = CompletableFuture.supplyAsync(() -> readStart(false), opener);
        opener.shutdown();
        Application.launch(DeskApp.class);
        return startFailed ? 1 : 0;
    }

    /** For tests that start the application themselves (FxToolkit) instead of through {@link #launch}. */
    static void useOptions(DeskOptions deskOptions) {
        options = deskOptions;
    }

    /** The first opening, begun by {@link #launch} before the toolkit; null once taken (and in tests). */
    private static volatile CompletableFuture<Started> firstOpening;

    /** The open desk, or null while it opens. */
    DeskSession session() {
        return session;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        loadFonts();
        applyTheme();
        i18n = I18n.forSystem();
        prefsIo = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "desk-prefs");
            t.setDaemon(true);
            return t;
        });
        // a few hundred bytes, read before the window shows so it opens where it was left
        layout = new WindowLayout(DeskPrefs.load(options.home()), prefsIo);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        addStyles(scene);
        stage.setScene(scene);
        stage.setTitle(i18n.t("app.title"));
        setIcon(stage);
        layout.restore(stage);
        layout.track(stage);
        stage.show();
        openDesk(null, false);
    }

    private VBox splash() {
        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label(i18n.t("startup.opening"));
        VBox splash = new VBox(16, spinner, opening);
        splash.setAlignment(Pos.CENTER);
        return splash;
    }

    /** What start-up reads besides the services, off the FX thread. */
    private record Started(DeskBootstrap.Opened opened, String language, String theme, String deskName,
            java.util.List<org.crisisdesk.mention.StoredMention> firstPage) {}

    /** Opens the desk from the home and reads what its first frame shows; any thread but the FX thread. */
    private static Started readStart(boolean demo) {
        DeskBootstrap.Opened opened = DeskBootstrap.open(options, java.time.Clock.systemUTC(), demo);
        var settings = opened.services().settings();
        return new Started(opened, settings.get(DeskSettings.LANGUAGE, null),
                settings.get(DeskSettings.THEME, "light"),
                opened.services().person().name(), // the desk's person (issue 22); read here, off the FX thread
                // read here, so the window's first frame has rows (issue #8)
                org.crisisdesk.desk.feed.FeedViewModel.readFirstPage(opened.services().mentions()));
    }

    /** Closes {@code previous} (if any) and opens the desk from the home, off the FX thread. */
    private void openDesk(DeskSession previous, boolean demo) {
        var starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "desk-startup"));
        CompletableFuture<Started> begun = previous == null && !demo ? firstOpening : null;
        firstOpening = null;
        new Background(starter).run(() -> {
            if (begun != null) {
                try {
                    return begun.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            if (previous != null) {
                previous.close();
            }
            return readStart(demo);
        }).onSuccess(started -> {
            starter.shutdown();
            DeskBootstrap.Opened opened = started.opened();
            if (started.language() != null) {
                i18n = new I18n(Locale.forLanguageTag(started.language()));
            }
            dark = "dark".equals(started.theme());
            applyTheme();
            DeskContext ctx = new DeskContext(i18n, opened.services().clock(), opened.zone());
            ctx.deskNameProperty().set(started.deskName());
            session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
            MainWindow window = show();
            if (WelcomeViewModel.firstRun(layout.prefs())) {
                window.showWelcome(); // before the start, so the demo waits for the choice
            }
            session.start(started.firstPage());
        }).onFailure(e -> {
            starter.shutdown();
            log.error("Could not open the desk", e);
            System.err.println("crisisdesk: " + e.getMessage()); // also for whoever started it from a terminal
            startFailed = true;
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(i18n.t("app.title"));
            alert.setHeaderText(i18n.t("startup.failed"));
            alert.setContentText(e.getMessage());
            alert.showAndWait();
            Platform.exit();
        });
    }

    private MainWindow show() {
        MainWindow window = new MainWindow(session, url -> getHostServices().showDocument(url), this::toggleTheme,
                this::switchLanguage);
        window.setControls(controls, layout.prefs());
        Scene scene = stage.getScene();
        scene.setRoot(window);
        window.installShortcuts(scene);
        layout.attach(window.split(), window.boardsView());
        stage.setTitle(i18n.t("app.title") + (session.services().drill() ? " — " + i18n.t("mode.drill.title") : ""));
        return window;
    }

    /** What the settings and the welcome screen may ask of the application. */
    private final DeskControls controls = new DeskControls() {
        @Override
        public boolean dark() {
            return dark;
        }

        @Override
        public void setDark(boolean value) {
            if (value != dark) {
                toggleTheme();
            }
        }

        @Override
        public void setLanguage(Locale locale) {
            if (!locale.getLanguage().equals(i18n.locale().getLanguage())) {
                switchLanguage(locale);
            }
        }

        @Override
        public void reopen(boolean demo) {
            DeskSession previous = session;
            session = null;
            stage.getScene().setRoot(splash());
            openDesk(previous, demo);
        }

        @Override
        public void open(String uri) {
            getHostServices().showDocument(uri);
        }
    };

    private void toggleTheme() {
        if (session == null) {
            return; // the desk is reopening
        }
        dark = !dark;
        applyTheme();
        String value = dark ? "dark" : "light";
        session.background().run(() -> session.services().settings().put(DeskSettings.THEME, value));
    }

    /** Rebuilds the window in the other language; the session and its data stay as they are. */
    private void switchLanguage(Locale locale) {
        if (session == null) {
            return; // the desk is reopening
        }
        MainWindow before = stage.getScene().getRoot() instanceof MainWindow w ? w : null;
        javafx.geometry.Rectangle2D settingsAt = before == null ? null : before.settingsBounds();
        if (before != null) {
            before.closeSettings();
        }
        i18n = new I18n(locale);
        session.background().run(() -> session.services().settings().put(DeskSettings.LANGUAGE, locale.getLanguage()));
        // The view models keep their data; only the words change, so rebuild the views over the same session.
        session.context().setI18n(i18n);
        MainWindow window = show();
        if (before != null) {
            window.continueFrom(before); // the same mention, the composer still open (issue #26)
        }
        if (settingsAt != null) {
            window.openSettings().placeAt(settingsAt); // the switch came from the settings: they stay, in new words
        }
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
    public static void loadFonts() {
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
        if (layout != null) {
            layout.close();
        }
        if (prefsIo != null) {
            prefsIo.shutdown();
        }
        if (session != null) {
            session.close();
        }
    }
}
