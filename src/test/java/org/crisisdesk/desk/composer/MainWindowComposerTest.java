package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The composer sits beside the detail view; Ctrl+N and the toolbar button bring it up. */
@ExtendWith(ApplicationExtension.class)
class MainWindowComposerTest {
    DeskSession session;

    Scene scene;

    /** Only the window here: TestFX times its setup, and a loaded machine can be slow to open a database. */
    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 1200, 760);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) {
        Services services = TempDesk.open(TempDesk.newHome(), Clock.systemUTC());
        robot.interact(() -> {
            session = new DeskSession(services, new DeskContext(new I18n(I18n.KOREAN), Clock.systemUTC(),
                    ZoneId.of("Asia/Seoul")), null, null);
            MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
            scene.setRoot(window);
            window.installShortcuts(scene);
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void ctrlNAndTheToolbarOpenTheComposer(FxRobot robot) {
        TabPane tabs = robot.lookup("#right-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("composer-tab");
        assertThat(robot.lookup("#composer-category").query().isFocused()).isTrue();

        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#composer-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("composer-tab");
    }
}
