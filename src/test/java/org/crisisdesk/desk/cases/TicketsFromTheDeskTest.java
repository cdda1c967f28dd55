package org.crisisdesk.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.cases.CaseSettings;
import org.crisisdesk.cases.FakeHelpdesk;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 25 from the desk, against a local fake Zendesk: a move into the customer-centre column offers "send as
 * tickets" in a bar that takes no focus (the boards keep the keyboard, no window opens); the offer sends them once,
 * the cards in the column show their ticket numbers, the detail opens the ticket at Zendesk's agent URL; a refusal
 * shows Zendesk's own words in the detail; with automatic sending on in the settings a move sends at once.
 */
@ExtendWith(ApplicationExtension.class)
class TicketsFromTheDeskTest {
    private FakeHelpdesk zendesk;
    private Path home;
    private Services services;
    private DeskSession session;
    private MainWindow window;
    private long centre;
    private final List<Long> pks = new ArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        zendesk = new FakeHelpdesk(FakeHelpdesk.Flavor.ZENDESK);
        home = TempDesk.newH2Home();
        try (Services s = TempDesk.open(home, Clock.systemUTC())) { // the pace is read when the desk opens
            new CaseSettings(CaseSettings.Kind.ZENDESK, zendesk.baseUrl(), FakeHelpdesk.EMAIL, null, null, false,
                    Duration.ZERO, Duration.ofSeconds(10)).save(s.settings());
        }
        CaseSettings.secrets(home).put(Map.of(CaseSettings.SECRET_KEY, FakeHelpdesk.TOKEN));
        services = Services.openForDesk(home, TempDesk.dbUrl(home), Clock.systemUTC());
        centre = services.categories().active().stream().filter(c -> c.customerCentre()).findFirst().orElseThrow()
                .id();
        Instant now = Instant.now();
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(new Filing(new Mention("x", "88" + i, now.minus(Duration.ofMinutes(10 - i)), "kim" + i, null,
                    "ko", "@desk_official 환불 문의 " + i, null, null, null), null, null, null, null, null));
        }
        services.mentions().ingest(batch, null, "test").forEach(m -> pks.add(m.pk()));
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), services.clock(), java.time.ZoneId.of("Asia/Seoul"));
        session = new DeskSession(services, ctx, null, null);
        window = new MainWindow(session, opened::add, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        session.close();
        zendesk.close();
    }

    @Test
    void aMoveOffersTicketsWithoutTakingTheKeysAndTheCardsShowTheirNumbers(FxRobot robot) throws Exception {
        ListView<StoredMention> unsorted = unsorted();
        robot.interact(() -> {
            unsorted.getSelectionModel().select(0);
            unsorted.requestFocus();
        });
        int windows = robot.listWindows().size();
        assertThat(unsorted.getScene().getFocusOwner()).isSameAs(unsorted);

        robot.interact(() -> session.boards().move(List.of(pks.get(0), pks.get(1)), centre));
        waitFor(() -> robot.lookup("#ticket-offer").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(label(robot, "#ticket-offer-text")).contains("Moved 2 into the customer-centre column");
        // the offer asks nothing: no dialog, the keyboard stays where it was, and filing goes on meanwhile
        assertThat(robot.listWindows()).hasSize(windows);
        Node focused = unsorted.getScene().getFocusOwner();
        assertThat(onTheBoardsNotTheOffer(focused)).as("focus on %s", focused).isTrue();
        robot.interact(() -> session.boards().move(List.of(pks.get(2)), centre));
        waitFor(() -> label(robot, "#ticket-offer-text").contains("Moved 3"));
        assertThat(zendesk.tickets()).isEmpty(); // nothing goes before the person says so
        assertThat(unsorted.getScene().getFocusOwner()).isSameAs(focused);

        robot.clickOn("#ticket-offer-send");
        waitFor(() -> zendesk.tickets().size() == 3);
        assertThat(unsorted.getScene().getFocusOwner()).as("the offer's button takes no focus").isSameAs(focused);
        waitFor(() -> !robot.lookup("#ticket-offer").query().isVisible());
        // the customer-centre column's cards show their ticket numbers (scrolled into view: off-screen columns have
        // no cards)
        robot.interact(() -> window.showCategory(centre));
        ListView<StoredMention> column = window.boardsView().list(centre);
        waitFor(() -> chips(robot, column).containsAll(List.of("Ticket #35436", "Ticket #35437", "Ticket #35438")));

        // the detail opens the case at its ticket, at Zendesk's agent URL
        StoredMention first = services.mentions().find(pks.get(0)).orElseThrow();
        robot.interact(() -> window.detailView().show(first));
        waitFor(() -> robot.lookup("#case-open-ticket").tryQuery().isPresent());
        String number = label(robot, "#case-ticket-number");
        assertThat(number).startsWith("Ticket #3543").contains("ZENDESK");
        robot.interact(() -> robot.lookup("#case-open-ticket").queryAs(javafx.scene.control.Hyperlink.class).fire());
        String id = number.substring("Ticket #".length(), number.indexOf(' ', "Ticket #".length()));
        waitFor(() -> opened.contains(zendesk.baseUrl() + "/agent/tickets/" + id));

        // a new case moved in is offered; dismissed, the bar goes
        robot.interact(() -> session.boards().move(List.of(pks.get(3)), centre));
        waitFor(() -> robot.lookup("#ticket-offer").query().isVisible());
        assertThat(label(robot, "#ticket-offer-text")).contains("Moved 1 into");
        robot.clickOn("#ticket-offer-dismiss");
        waitFor(() -> !robot.lookup("#ticket-offer").query().isVisible());
        // filed into the column again beside a case that has its ticket: only the one without is offered
        robot.interact(() -> session.cases().intoCustomerCentre(List.of(pks.get(0), pks.get(3))));
        waitFor(() -> robot.lookup("#ticket-offer").query().isVisible());
        assertThat(session.cases().offered()).containsExactly(pks.get(3));
        assertThat(label(robot, "#ticket-offer-text")).contains("Moved 1 into");
        assertThat(zendesk.tickets()).hasSize(3);
    }

    @Test
    void aRefusedCaseShowsTheHelpdesksOwnWordsAndAutomaticSendingNeedsNoOffer(FxRobot robot) throws Exception {
        unsorted(); // the desk has loaded
        zendesk.fail(FakeHelpdesk.Fault.status("POST", 422, "{\"error\":\"RecordInvalid\",\"description\":"
                + "\"Record validation errors\",\"details\":{\"requester\":[{\"description\":\"Requester: Name is "
                + "too short\"}]}}", Map.of()));
        robot.interact(() -> session.boards().move(List.of(pks.get(0)), centre));
        waitFor(() -> robot.lookup("#ticket-offer").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#ticket-offer-send");
        waitFor(() -> session.cases().byMention().containsKey(pks.get(0)));
        StoredMention failed = services.mentions().find(pks.get(0)).orElseThrow();
        robot.interact(() -> window.detailView().show(failed));
        waitFor(() -> robot.lookup(".case-failure").tryQuery().isPresent());
        assertThat(robot.lookup(".case-failure").queryAs(Label.class).getText())
                .contains("HTTP 422", "Record validation errors", "Requester: Name is too short");
        robot.interact(() -> window.showCategory(centre));
        waitFor(() -> chips(robot, window.boardsView().list(centre)).contains("Ticket failed"));
        assertThat(zendesk.tickets()).isEmpty();

        // the settings' "send at once" holds from the next move: no offer, the ticket is made
        new CaseSettings(CaseSettings.Kind.ZENDESK, zendesk.baseUrl(), FakeHelpdesk.EMAIL, null, null, true,
                Duration.ZERO, Duration.ofSeconds(10)).save(services.settings());
        robot.interact(() -> session.boards().move(List.of(pks.get(1)), centre));
        waitFor(() -> zendesk.tickets().size() == 1);
        assertThat(robot.lookup("#ticket-offer").query().isVisible()).isFalse();
    }

    /** The Unsorted column once the desk has loaded its four mentions. */
    private ListView<StoredMention> unsorted() throws Exception {
        waitFor(() -> window.boardsView().list(null) != null && window.boardsView().list(null).getItems().size() == 4);
        return window.boardsView().list(null);
    }

    /** The keyboard is on a board column (the move may pass it to a neighbour), never on the offer bar. */
    private boolean onTheBoardsNotTheOffer(Node n) {
        boolean inBoards = false;
        for (Node p = n; p != null; p = p.getParent()) {
            if ("ticket-offer".equals(p.getId())) {
                return false;
            }
            inBoards |= p == window.boardsView();
        }
        return inBoards;
    }

    private static List<String> chips(FxRobot robot, ListView<StoredMention> column) {
        return robot.from(column).lookup(".ticket-chip").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).toList();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
