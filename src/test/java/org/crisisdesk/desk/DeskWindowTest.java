package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The desk opens on a fresh home, the demo replay fills the feed and the boards, the status bar names the source. */
@ExtendWith(ApplicationExtension.class)
class DeskWindowTest {
    private DeskSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Path home = TempDesk.newHome();
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void demoReplayFillsTheFeedAndTheStatusBarNamesTheSource(FxRobot robot) throws Exception {
        ListView<StoredMention> feed = robot.lookup("#feed-list").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> feed.getItems().size() >= 5);

        StatusBar status = robot.lookup("#status-bar").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("live"));
        assertThat(status.getText()).startsWith("Demo replay");
        assertThat(robot.lookup("#demo-badge").queryAs(Label.class).getText()).isEqualTo("DRILL · Demo replay"); // a drill, said so (issue 26)
        Label db = robot.lookup("#status-db").queryAs(Label.class);
        assertThat(db.getText()).endsWith("crisisdesk.mv.db");

        // What the feed shows was stored first: every mention on screen is in the database.
        long stored = session.services().mentions().count(MentionFilter.ALL);
        assertThat(stored).isGreaterThanOrEqualTo(feed.getItems().size());
        // Newest on top.
        StoredMention top = feed.getItems().get(0);
        assertThat(top.pk()).isGreaterThan(feed.getItems().get(feed.getItems().size() - 1).pk());
    }

    @Test
    void aSearchWithNoMatchSaysSoRatherThanThatNothingHasArrived(FxRobot robot) throws Exception {
        ListView<StoredMention> feed = robot.lookup("#feed-list").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> feed.getItems().size() >= 1);
        robot.clickOn("#feed-search").write("lang:xx").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> feed.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) feed.getPlaceholder()).getText()).isEqualTo("No mentions match the search or the chosen category.");

        robot.clickOn("#feed-search").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !feed.getItems().isEmpty());
        assertThat(((Label) feed.getPlaceholder()).getText()).startsWith("No mentions yet");
    }

    /**
     * Only the columns in view are in the scene graph: a change in a node outside the scroll pane's clip repaints the
     * whole window (issue #8). Scrolling a column into view puts it back, with its cards.
     */
    @Test
    void columnsOutOfViewLeaveTheSceneGraphAndComeBackWhenScrolledTo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.boards().columns().size() >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        var boards = window.boardsView();
        var columns = session.boards().columns();
        javafx.scene.Node first = boards.column(columns.get(0).categoryId());
        javafx.scene.Node last = boards.column(columns.get(columns.size() - 1).categoryId());
        assertThat(first.getScene()).isNotNull();
        assertThat(last.getScene()).isNull();
        robot.interact(() -> {
            boards.showColumn(columns.get(columns.size() - 1).categoryId());
            window.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(last.getScene()).isNotNull();
        assertThat(first.getScene()).isNull();
        assertThat(robot.lookup("#column-list-" + columns.get(columns.size() - 1).key()).tryQuery()).isPresent();
    }

    /**
     * The feed and the columns show whole cards: a card with only its top edge in view has all of its content outside
     * the list's clip, and a change there makes JavaFX repaint the whole window (issue #8).
     */
    @Test
    void listsOfCardsAreAWholeNumberOfCardsHigh(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#column-unsorted").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#feed-list", "#column-list-unsorted"}) {
            ListView<?> list = robot.lookup(id).queryListView();
            double inner = list.getHeight() - list.getInsets().getTop() - list.getInsets().getBottom();
            double cards = inner / list.getFixedCellSize();
            assertThat(list.getFixedCellSize()).as(id).isGreaterThan(0);
            assertThat(cards).as(id).isGreaterThanOrEqualTo(1);
            assertThat(cards - Math.floor(cards)).as("%s: %.2f cards", id, cards)
                    .isLessThan(1.0 / list.getFixedCellSize() + 1e-9); // whole cards, within a pixel
        }
    }

    /** Where a node sits: its ancestors' ids or classes, for a message that names the culprit. */
    private static String path(javafx.scene.Node n) {
        StringBuilder out = new StringBuilder();
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            out.insert(0, "/" + (p.getId() != null ? "#" + p.getId() : p.getClass().getSimpleName()));
        }
        return out.toString();
    }

    /** A cached viewport repaints all of its content whenever anything in it changes (issue #8). */
    @Test
    void noScrollPaneInTheWindowCachesItsLiveContent(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#column-unsorted").tryQuery().isPresent());
        var viewports = robot.lookup(".viewport").queryAll();
        assertThat(viewports).hasSizeGreaterThanOrEqualTo(2); // the boards and the detail
        assertThat(viewports.stream().filter(javafx.scene.Node::isCache).map(DeskWindowTest::path).toList())
                .as("cached viewports").isEmpty();
    }

    @Test
    void unsortedColumnCountsWhatArrives(FxRobot robot) throws Exception {
        // the columns are built once the boards have loaded, after the feed's first page
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#column-unsorted .column-count").tryQuery().isPresent());
        Label count = robot.lookup("#column-unsorted .column-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Integer.parseInt(count.getText()) >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        long unsorted = session.services().mentions().count(MentionFilter.category(null));
        assertThat(Long.parseLong(count.getText())).isLessThanOrEqualTo(unsorted);
    }

    /**
     * Keys go through the window's own event chain (so its accelerators and filters run): under Monocle every popup,
     * such as an alert notification, takes keyboard focus, which a real desktop's popups do not.
     */
    private static void key(FxRobot robot, javafx.scene.Node target, KeyCode code) {
        robot.interact(() -> {
            javafx.event.Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
            javafx.event.Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false, false));
        });
    }

    @Test
    void f1ShowsTheShortcutOverlayAndEscapeClosesIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#help-overlay").tryQuery()).isEmpty(); // built on first use
        var feed = robot.lookup("#feed-list").query();
        key(robot, feed, KeyCode.F1);
        var overlay = robot.lookup("#help-overlay").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, overlay::isVisible);
        // the boards bind Ctrl+Y as redo too (BoardKeys): the card lists it
        assertThat(robot.from(overlay).lookup(".kbd").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y");
        key(robot, feed, KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !overlay.isVisible());
        assertThat(overlay.isVisible()).isFalse();
    }

    @Test
    void pausingTheReplayStopsScenarioTime(FxRobot robot) throws Exception {
        robot.clickOn("#replay-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.replay().clock().paused()).isTrue();
        var t = session.replay().clock().instant();
        Thread.sleep(200);
        assertThat(session.replay().clock().instant()).isEqualTo(t);
    }
}
