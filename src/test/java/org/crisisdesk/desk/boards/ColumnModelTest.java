package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.junit.jupiter.api.Test;

/** A column takes arrivals live, holds a burst back with "N new", and catches up in one change. */
class ColumnModelTest {
    private final ColumnModel col = new ColumnModel(null);
    private final List<String> changes = new ArrayList<>();

    ColumnModelTest() {
        col.setShown(5);
        col.reset(newestFirst(1, 10));
        col.items().addListener((ListChangeListener<StoredMention>) c -> {
            StringBuilder parts = new StringBuilder();
            while (c.next()) {
                parts.append(c.wasAdded() ? "+" + c.getAddedSize() + "@" + c.getFrom() : "")
                        .append(c.wasRemoved() ? "-" + c.getRemovedSize() : "");
            }
            changes.add(parts.toString());
        });
    }

    /** Mentions with pks from..to, newest first, as arrivals come. */
    static List<StoredMention> newestFirst(long from, long to) {
        List<StoredMention> out = new ArrayList<>();
        for (long pk = to; pk >= from; pk--) {
            Mention m = new Mention("x", "id" + pk, Instant.EPOCH, "a", "A", "ko", "text " + pk, null, null, null);
            out.add(new StoredMention(pk, m, Instant.EPOCH, null, null, null, null, null, null));
        }
        return out;
    }

    private List<Long> pks() {
        return col.items().stream().map(StoredMention::pk).toList();
    }

    @Test
    void fewerArrivalsThanTheViewShowsGoOnTopAtOnce() {
        col.arrive(newestFirst(11, 14));
        assertThat(pks()).startsWith(14L, 13L, 12L, 11L, 10L);
        assertThat(col.waitingProperty().get()).isZero();
        assertThat(changes).containsExactly("+4@0");
    }

    @Test
    void aBurstHoldsTheCardsStillUntilAQuieterRefreshPutsEverythingOnInOneChange() {
        col.arrive(newestFirst(11, 15)); // as many as the view shows: every card would be replaced
        assertThat(pks()).startsWith(10L, 9L);
        assertThat(col.waitingProperty().get()).isEqualTo(5);
        assertThat(col.newestKnown()).isEqualTo(15);
        col.arrive(newestFirst(16, 40)); // the burst goes on
        assertThat(col.waitingProperty().get()).isEqualTo(30);
        assertThat(changes).isEmpty();

        col.arrive(newestFirst(41, 42)); // quieter: catch up
        assertThat(pks()).startsWith(42L, 41L, 40L).hasSize(42);
        assertThat(col.waitingProperty().get()).isZero();
        assertThat(changes).containsExactly("+32@0");
    }

    @Test
    void showingTheHeldArrivalsOnRequestAndMovesAmongThem() {
        col.arrive(newestFirst(11, 30));
        col.remove(Set.of(25L, 3L)); // moved to another column: one held back, one shown
        assertThat(col.waitingProperty().get()).isEqualTo(19);
        assertThat(pks()).doesNotContain(3L);
        col.insert(newestFirst(12, 12).stream().map(m -> new StoredMention(9_999, m.mention(), m.receivedAt(),
                null, "MANUAL", null, null, null, null)).toList()); // a card filed into the column meanwhile
        col.showHeld();
        assertThat(pks()).startsWith(9_999L, 30L, 29L, 28L, 27L, 26L, 24L).doesNotContain(25L).hasSize(29);
        assertThat(pks()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(col.waitingProperty().get()).isZero();
    }

    @Test
    void moreHeldBackThanTheWindowStartsTheColumnAgainFromTheNewest() {
        col.arrive(newestFirst(11, 11 + ColumnModel.WINDOW + 99));
        assertThat(col.waitingProperty().get()).isEqualTo(ColumnModel.WINDOW + 100);
        col.showHeld();
        assertThat(col.items()).hasSize(ColumnModel.WINDOW);
        assertThat(pks().get(0)).isEqualTo(11L + ColumnModel.WINDOW + 99);
        assertThat(pks().get(ColumnModel.WINDOW - 1)).isEqualTo(111L); // no gap: 10 and below come from the store
    }

    @Test
    void aReloadFromTheStoreDropsWhatWasHeldBack() {
        col.arrive(newestFirst(11, 30));
        col.reset(newestFirst(1, 30));
        assertThat(col.waitingProperty().get()).isZero();
        col.showHeld();
        assertThat(pks()).hasSize(30).startsWith(30L, 29L);
    }
}
