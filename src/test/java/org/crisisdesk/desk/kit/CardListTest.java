package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.junit.jupiter.api.Test;

/** The card list's bulk edits report changes that, replayed on a plain list, give the same cards. */
class CardListTest {
    private final CardList cards = new CardList();
    private final List<StoredMention> mirror = new ArrayList<>();
    private int changes;

    CardListTest() {
        cards.addListener((ListChangeListener<StoredMention>) c -> {
            changes++;
            while (c.next()) {
                if (c.wasPermutated() || c.wasUpdated()) {
                    throw new AssertionError("unexpected change " + c);
                }
                // removed and added in one step: the removed part sits at getFrom() before the addition
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertThat(mirror.remove(c.getFrom())).isSameAs(c.getRemoved().get(i));
                }
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
    }

    private static List<StoredMention> mentions(int fromPk, int count) {
        return IntStream.range(fromPk, fromPk + count).mapToObj(pk -> new StoredMention(pk,
                new Mention("x", "id" + pk, Instant.EPOCH, "a", "A", "ko", "text " + pk, null, null, null),
                Instant.EPOCH, null, null, null, null, null, null)).toList();
    }

    @Test
    void prependPastTheWindowIsOneChangeThatReplaysToTheSameCards() {
        List<StoredMention> oldest = new ArrayList<>(mentions(0, 10));
        java.util.Collections.reverse(oldest); // newest first, like a column
        cards.addAll(oldest);
        List<StoredMention> newestFirst = new ArrayList<>(mentions(100, 4));
        java.util.Collections.reverse(newestFirst);
        cards.prepend(newestFirst, 12);
        assertThat(changes).isEqualTo(2);
        assertThat(cards).hasSize(12).containsExactlyElementsOf(mirror);
        assertThat(cards.get(0).pk()).isEqualTo(103);
        assertThat(cards.get(11).pk()).isEqualTo(2); // 1 and 0, the oldest, fell out of the window
    }

    @Test
    void bulkInsertInTheMiddleAndRangeRemovalReplay() {
        cards.addAll(mentions(0, 6));
        cards.addAll(3, mentions(50, 3));
        assertThat(cards).extracting(StoredMention::pk).containsExactly(0L, 1L, 2L, 50L, 51L, 52L, 3L, 4L, 5L);
        cards.remove(2, 7);
        assertThat(cards).extracting(StoredMention::pk).containsExactly(0L, 1L, 4L, 5L);
        cards.remove(1, 1);
        assertThat(cards.addAll(2, List.of())).isFalse();
        assertThat(changes).isEqualTo(3); // the empty edits report nothing
        assertThat(cards).containsExactlyElementsOf(mirror);
    }

    @Test
    void badRangesAreRefusedWithoutAChange() {
        cards.addAll(mentions(0, 3));
        assertThatThrownBy(() -> cards.remove(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cards.addAll(4, mentions(9, 1))).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(cards).hasSize(3).containsExactlyElementsOf(mirror);
        assertThat(changes).isEqualTo(1);
    }
}
