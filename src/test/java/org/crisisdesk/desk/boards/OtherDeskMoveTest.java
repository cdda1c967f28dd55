package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.MoveStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 21: another desk's moves change the open columns card by card. The person working in a column keeps the
 * card they look at on top, their selection and the keyboard focus; when another desk takes the selected card away,
 * the card now in its place is selected, as after filing with a key.
 */
@ExtendWith(ApplicationExtension.class)
class OtherDeskMoveTest {
    private static final String DELIVERY = "배송 지연";
    private static final int CARDS = 40;

    private BoardsFixture f;
    private Database other;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-10-17T03:00:00Z");
        for (int i = 0; i < CARDS; i++) {
            batch.add(new Filing(new Mention("x", String.valueOf(2001 + i), t.plusSeconds(30L * i), "user" + i, null,
                    "ko", "@desk_official 문의 " + i, null, null, null), null, null, null, null, null));
        }
        f = new BoardsFixture(batch);
        f.show(stage);
    }

    @AfterEach
    void close() {
        if (other != null) {
            other.close();
        }
        f.close();
    }

    /** The other desk: its own connection to the same database, moving as a person there would. */
    private void otherDeskMoves(long pk, Long target) {
        if (other == null) {
            other = Database.open(TempDesk.dbUrl(f.home));
        }
        new MoveStore(other).move(Map.of(pk, target), MoveStore.KIND_MOVE, "다른 데스크", Instant.now());
    }

    private static boolean shows(ListView<StoredMention> list, long pk) {
        return list.getItems().stream().anyMatch(m -> m.pk() == pk);
    }

    @Test
    void aMoveOnAnotherDeskKeepsSelectionScrollAndFocusAndTheSelectedCardLeavingSelectsTheNext(FxRobot robot)
            throws Exception {
        f.awaitLoaded(CARDS);
        ColumnView unsorted = f.window.boardsView().columnView(f.session.boards().column(null));
        ListView<StoredMention> list = unsorted.list();
        await(() -> list.getItems().size() == CARDS);
        long delivery = f.categoryId(DELIVERY);
        ListView<StoredMention> deliveryList = f.window.boardsView().columnView(f.session.boards().column(delivery))
                .list();
        // the person scrolled down the column and works on a card there
        robot.interact(() -> {
            org.crisisdesk.desk.kit.MentionCell.scrollTo(list, 20);
            list.getSelectionModel().clearAndSelect(22);
            list.requestFocus();
        });
        await(() -> !unsorted.visibleItems().isEmpty() && unsorted.visibleItems().get(0).pk() == list.getItems()
                .get(20).pk());
        long top = list.getItems().get(20).pk();
        long selected = list.getItems().get(22).pk();
        long below = list.getItems().get(23).pk();
        long above = list.getItems().get(5).pk(); // out of view, above the person's cards

        otherDeskMoves(above, delivery);
        await(() -> !shows(list, above) && shows(deliveryList, above));
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        robot.interact(() -> seen.set(List.of(unsorted.visibleItems().get(0).pk(),
                list.getSelectionModel().getSelectedItems().stream().map(StoredMention::pk).toList(),
                list.isFocused(), list.getFocusModel().getFocusedItem().pk())));
        assertThat(seen.get()).as("top card, selection, focus, focused card after a move above")
                .containsExactly(top, List.of(selected), true, selected);
        assertThat(list.getItems()).hasSize(CARDS - 1);

        // the selected card itself goes: the card that takes its place is selected, nothing else moves
        otherDeskMoves(selected, delivery);
        await(() -> !shows(list, selected) && shows(deliveryList, selected));
        robot.interact(() -> seen.set(List.of(unsorted.visibleItems().get(0).pk(),
                list.getSelectionModel().getSelectedItems().stream().map(StoredMention::pk).toList(),
                list.isFocused(), list.getFocusModel().getFocusedItem().pk())));
        assertThat(seen.get()).as("top card, selection, focus, focused card after the selected card left")
                .containsExactly(top, List.of(below), true, below);
        // the feed shows the same mentions in their new category, and the database says where they are
        assertThat(f.services.mentions().find(selected).orElseThrow().categoryId()).isEqualTo(delivery);
        await(() -> f.window.feedView().list().getItems().stream()
                .filter(m -> m.pk() == selected || m.pk() == above)
                .allMatch(m -> Long.valueOf(delivery).equals(m.categoryId())));
    }
}
