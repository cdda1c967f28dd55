package org.crisisdesk.desk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.people.ClaimStore;
import org.crisisdesk.people.CurrentPerson;
import org.crisisdesk.people.Person;
import org.crisisdesk.people.PresenceStore;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 22 on a real window: the people list in the status bar shows this desk and another desk on the same
 * database; a claim made on the other desk shows on the column header; claiming a free column shows "— 민지"; taking
 * over the other person's column asks first.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleDeskTest {
    private static final Person JIHUN = Person.of("박지훈", "");
    private DeskSession session;
    private PresenceStore otherPresence;
    private ClaimStore otherClaims;

    @Start
    void start(Stage stage) {
        Path home = TempDesk.newHome();
        DeskPrefs.load(home).put(DeskPrefs.PERSON_NAME, "김민지");
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
        // a second desk on the same database (another process in real life: its own desk id)
        otherPresence = new PresenceStore(opened.services().db(), Clock.systemUTC(), "desk-jihun", "pc2");
        otherClaims = new ClaimStore(opened.services().db(), Clock.systemUTC(), "desk-jihun");
        otherPresence.beat(JIHUN, Clock.systemUTC().instant());
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    /**
     * Opens the column's menu as its button's click does, waits for the item to show, then chooses it. In a full
     * run a click on the button opened nothing (another test's window can lie over this one).
     */
    private static void clickMenuItem(FxRobot robot, Category c, String item) throws Exception {
        javafx.scene.control.MenuButton menu = robot.lookup("#column-menu-" + c.id())
                .queryAs(javafx.scene.control.MenuButton.class);
        robot.interact(menu::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(item).tryQuery().filter(Node::isVisible).isPresent());
        // the item's own action, as its click gives: in the full suite other windows may lie over the popup
        robot.interact(() -> {
            javafx.scene.control.MenuItem found = menu.getItems().stream().filter(i -> item.equals(i.getText()))
                    .findFirst().orElseThrow();
            menu.hide();
            found.fire();
        });
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void thePeopleListAndClaimsShowOnTheStatusBarAndTheColumnHeaders(FxRobot robot) throws Exception {
        assertThat(CurrentPerson.read(DeskPrefs.load(session.services().home())).orElseThrow().handle())
                .isEqualTo("민지");
        Label people = robot.lookup("#status-people").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> people.getText().contains("민지") && people.getText().contains("지훈"));

        Category first = session.services().categories().all().stream()
                .filter(c -> !c.archived() && !c.customerCentre()).findFirst().orElseThrow(); // left of the boards
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#column-owner-" + first.id()).tryQuery().isPresent());
        Label owner = robot.lookup("#column-owner-" + first.id()).queryAs(Label.class);
        assertThat(owner.isVisible()).isFalse(); // nobody owns it yet

        // the other desk claims the column: this desk shows it on the header at its next round
        otherPresence.beat(JIHUN, Clock.systemUTC().instant());
        assertThat(otherClaims.claim(first.id(), JIHUN, false).claimed()).isTrue();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "— 지훈".equals(owner.getText()));
        assertThat(owner.isVisible()).isTrue();

        // claiming it from the column menu asks first, then takes it over
        otherPresence.beat(JIHUN, Clock.systemUTC().instant());
        clickMenuItem(robot, first, "Claim this category (O)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#people-take-over").tryQuery().isPresent());
        DialogPane ask = robot.lookup("#people-take-over").queryAs(DialogPane.class);
        assertThat(ask.getContentText()).contains("박지훈");
        Node ok = ask.lookupButton(ButtonType.OK);
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "— 민지".equals(owner.getText()));
        assertThat(session.services().claims().claims().get(first.id()).person()).isEqualTo("김민지");
        assertThat(otherClaims.claims().get(first.id()).handle()).isEqualTo("민지"); // the other desk sees it too

        // releasing it from the menu: the header is bare again
        clickMenuItem(robot, first, "Release my claim (O)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !owner.isVisible());
        assertThat(session.services().claims().claims()).doesNotContainKey(first.id());

        // the other desk dies: it leaves the list within 30 s (here: its row is deleted as a clean close would)
        otherPresence.leave();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !people.getText().contains("지훈"));
        assertThat(people.getText()).contains("민지");
    }

    /** Issue 22: the customer centre's cases by assignee, "mine" at one key (Ctrl+Shift+M), then U and A. */
    @Test
    void myCasesAreOneKeyAwayAndTheViewSwitchesToUnassignedAndAll(FxRobot robot) throws Exception {
        var s = session.services();
        Category centre = s.categories().all().stream().filter(c -> c.customerCentre() && !c.archived())
                .findFirst().orElseThrow();
        var stored = s.mentions().ingest(java.util.List.of(
                new org.crisisdesk.mention.Filing(TempDesk.mention("x", "991", "환불 문의"), centre.id(), "MANUAL",
                        null, null, null),
                new org.crisisdesk.mention.Filing(TempDesk.mention("x", "992", "주소 변경"), centre.id(), "MANUAL",
                        null, null, null)), null, "test");
        s.caseAssignments().assign(java.util.List.of(stored.get(0).pk()), s.person().person(), "김민지");
        s.caseAssignments().assign(java.util.List.of(stored.get(1).pk()), JIHUN, "김민지");
        // the boards reload after the ingest above; in the full run, on a busy JVM, that has taken over 20 s
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#column-menu-" + centre.id()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#status-people"); // the desk's window has the keyboard
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cases-list").tryQuery().isPresent());
        javafx.scene.control.ListView<CasesFilterViewModel.Row> list = robot.lookup("#cases-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).mention().platformId()).isEqualTo("991");

        robot.type(javafx.scene.input.KeyCode.A); // all: both, and whatever the demo put there
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(r -> r.mention().platformId().equals("992")));
        robot.type(javafx.scene.input.KeyCode.U); // unassigned: neither
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream()
                .noneMatch(r -> r.assignment() != null));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cases-list").tryQuery().isEmpty());
    }
}
