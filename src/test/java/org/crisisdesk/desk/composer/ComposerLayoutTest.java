package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer at the laptop sizes a community manager has (issue #26): at 1366x768 in Korean and 1440x900 in English
 * (the composer has the same minimum width at both; the longer English words at the wider window), with a notice history, the says-something confirmation and the hand-posting row on screen, no text in the
 * composer is cut to "…", the stage numbers and times fit their fields, and the boards beside it still show at least
 * two whole columns.
 */
@ExtendWith(ApplicationExtension.class)
class ComposerLayoutTest {
    static final int MIN_BOARD_COLUMNS = 2;

    Stage stage;
    WatchDesk desk;
    DeskSession session;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        if (session != null) {
            session.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1366, 768, ko", "1440, 900, en"})
    void nothingInTheComposerIsCutAndTheBoardsStayUsable(int width, int height, String lang, FxRobot robot)
            throws Exception {
        desk = new WatchDesk();
        long delivery = desk.category("배송 지연");
        // a category with a history: a notice 40 minutes ago with promises (timeline rows and badges)
        desk.mentions(delivery, 30, Duration.ofMinutes(20));
        desk.notice(delivery, WatchDesk.START.plus(Duration.ofHours(3)), WatchDesk.START.plus(Duration.ofMinutes(30)),
                2, 5);
        desk.advanceMinutes(40);
        desk.mentions(delivery, 12, Duration.ofMinutes(10));
        robot.interact(() -> {
            DeskContext ctx = new DeskContext(new I18n("en".equals(lang) ? I18n.ENGLISH : I18n.KOREAN), desk.clock,
                    ZoneId.of("Asia/Seoul"));
            session = new DeskSession(desk.services, ctx, null, null);
            window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            session.start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#column-" + delivery).tryQuery().isPresent());

        robot.interact(() -> window.openComposer(session.context().categories().get(delivery)));
        ComposerViewModel vm = session.composer();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.timeline().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Parent composer = robot.lookup("#composer").queryAs(Parent.class);

        assertWhole(robot, composer, width, "prefilled");
        assertBoardsUsable(robot, width);

        // the says-something confirmation (no department) and then the row to record a post made by hand
        robot.interact(() -> {
            vm.departmentProperty().set("");
            vm.post();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.confirmingProperty().get()).isTrue();
        assertWhole(robot, composer, width, "confirming");
        robot.interact(vm::post);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#composer-mark-posted").query().isVisible()).isTrue();
        assertWhole(robot, composer, width, "not connected");
        assertBoardsUsable(robot, width);
    }

    private void assertWhole(FxRobot robot, Parent composer, int width, String state) {
        robot.interact(() -> {
            composer.applyCss();
            composer.layout();
        });
        Bounds b = composer.localToScene(composer.getBoundsInLocal());
        assertThat(b.getMaxX()).as("composer inside the window").isLessThanOrEqualTo(width + 0.5);
        assertThat(b.getWidth()).as("composer width").isGreaterThanOrEqualTo(ComposerView.MIN_WIDTH - 0.5);
        assertThat(truncated(composer)).as("texts cut to an ellipsis (%s)", state).isEmpty();
        assertThat(squeezedFields(composer)).as("fields narrower than their text (%s)", state).isEmpty();
    }

    private void assertBoardsUsable(FxRobot robot, int width) {
        Node boards = robot.lookup("#boards").query();
        Bounds area = boards.localToScene(boards.getBoundsInLocal());
        int whole = 0;
        for (Node n : robot.lookup(".board-column").queryAll()) {
            Bounds c = n.localToScene(n.getBoundsInLocal());
            if (showing(n, null) && c.getMinX() >= area.getMinX() - 0.5 && c.getMaxX() <= area.getMaxX() + 0.5) {
                whole++;
            }
        }
        assertThat(whole).as("whole board columns beside the composer at width %d", width)
                .isGreaterThanOrEqualTo(MIN_BOARD_COLUMNS);
    }

    /** Every shown Labeled whose skin draws less than its text (an ellipsis): "text -> drawn". */
    static List<String> truncated(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : all(root)) {
            if (n instanceof Labeled l && showing(n, root) && l.getText() != null && !l.getText().isEmpty()) {
                // the skin's text node (the graphic, an icon, is a Text too)
                Text drawn = (Text) l.getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof Text && c != l.getGraphic()).findFirst().orElse(null);
                if (drawn != null && !l.getText().equals(drawn.getText())) {
                    out.add(l.getText() + " -> " + drawn.getText() + " (" + (l.getId() == null ? l.getClass()
                            .getSimpleName() : l.getId()) + ", width " + l.getWidth() + ")");
                }
            }
        }
        return out;
    }

    /** Number and time fields (spinners, as-of, ETA, next update) narrower than the text they hold. */
    static List<String> squeezedFields(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : all(root)) {
            TextField f = null;
            if (n instanceof Spinner<?> s) {
                f = s.getEditor();
            } else if (n instanceof TextField t && t.getId() != null && (t.getId().equals("composer-asof")
                    || t.getId().equals("composer-eta") || t.getId().equals("composer-next-update"))) {
                f = t;
            }
            if (f == null || !showing(n, root)) {
                continue;
            }
            String text = f.getText() == null || f.getText().isEmpty() ? "00:00" : f.getText();
            Text probe = new Text(text);
            probe.setFont(f.getFont());
            double need = probe.getLayoutBounds().getWidth();
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (room + 0.5 < need) {
                out.add((n.getId() == null ? f.getId() : n.getId()) + ": " + room + " < " + need);
            }
        }
        return out;
    }

    private static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        List<Parent> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Parent p = todo.remove(todo.size() - 1);
            for (Node c : p.getChildrenUnmodifiable()) {
                out.add(c);
                if (c instanceof Parent q) {
                    todo.add(q);
                }
            }
        }
        return out;
    }

    private static boolean showing(Node n, Parent root) {
        for (Node p = n; p != null && p != root; p = p.getParent()) {
            if (!p.isVisible() || (p instanceof Region r && r.getWidth() <= 0)) {
                return false;
            }
        }
        return true;
    }
}
