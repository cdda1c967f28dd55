package org.crisisdesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XCredentials;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.crisisdesk.desk.kit.ScrollInto;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings window over a real desk: backups, the database location, the account (masked) and bad input. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private static final XCredentials KEYS = new XCredentials("consumerKEY1234", "consumerSECRETabcd",
            "1-accessTOKEN5678", "accessSECRETwxyz");
    private Path home;
    private DeskSession session;
    private MainWindow window;
    private SettingsDialog settings;

    @Start
    void start(Stage stage) throws Exception {
        home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(KEYS));
        // demo on purpose: this test is about the settings, not the live source
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 1), java.time.Clock.systemUTC(),
                true);
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        window.setControls(DeskControls.NONE, DeskPrefs.load(home));
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        settings = window.openSettings();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }


    @Test
    void backUpNowWritesAZipAndShowsIt(FxRobot robot) throws Exception {
        Label last = robot.lookup("#settings-backup-last").queryAs(Label.class);
        await(() -> last.getText().equals("No backup yet."));
        ScrollInto.show(robot, "#settings-backup-now");
        robot.clickOn("#settings-backup-now");
        await(() -> last.getText().startsWith("Last backup"));
        // the demo is a drill: its backups stay beside its own database (issue 26), never among the live ones
        assertThat(home.resolve("backups")).doesNotExist();
        try (var files = Files.list(home.resolve("demo").resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("crisisdesk-") && n.endsWith("-manual.zip"));
        }
        assertThat(robot.lookup("#settings-status").queryAs(Label.class).getText()).startsWith("Backup written");
    }

    @Test
    void theAccountIsShownMaskedAndTheDatabaseShowsWhereItIs(FxRobot robot) throws Exception {
        Label account = robot.lookup("#settings-account").queryAs(Label.class);
        await(() -> account.getText().startsWith("Connected"));
        assertThat(account.getText()).contains("1234", "5678").doesNotContain("consumerKEY", "accessTOKEN", "SECRET");
        assertThat(robot.lookup("#settings-db-location").queryAs(Label.class).getText())
                .isEqualTo(home.resolve("demo").resolve("crisisdesk") + ".mv.db"); // the drill's own (issue 26)

        Path elsewhere = TempDesk.newHome().resolve("db");
        robot.interact(() -> settings.model().useDatabaseFolder(elsewhere));
        Label next = robot.lookup("#settings-db-next").queryAs(Label.class);
        await(() -> next.getText().contains(elsewhere.toString()));
        assertThat(DeskPrefs.dbUrl(home)).contains(DeskSettings.h2FolderUrl(elsewhere));
        assertThat(Files.isDirectory(elsewhere)).isTrue();
        ScrollInto.show(robot, "#settings-db-default");
        robot.clickOn("#settings-db-default");
        await(() -> DeskPrefs.dbUrl(home).isEmpty());
    }

    @Test
    void anUnknownZoneIsRefusedWithAMessageAndNothingIsStored(FxRobot robot) throws Exception {
        await(() -> settings.model().loadedProperty().get());
        robot.interact(() -> settings.model().saveZone("Mars/Olympus"));
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        assertThat(status.getText()).contains("Unknown time zone: Mars/Olympus");
        assertThat(status.getStyleClass()).contains("error");
        assertThat(session.services().settings().get(DeskSettings.ZONE)).isEmpty();
    }

    @Test
    void ctrlCommaBringsTheOpenSettingsForwardInsteadOfASecondWindow(FxRobot robot) {
        SettingsDialog[] again = new SettingsDialog[1];
        robot.interact(() -> again[0] = window.openSettings());
        assertThat(again[0]).isSameAs(settings);
    }
}
