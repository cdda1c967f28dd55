package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** Issue 22: on a shared database, undo takes back only your own moves, never another person's later one. */
class UndoOwnMovesTest {

    @Test
    void undoTakesBackOnlyYourOwnMove() {
        try (Services s = TempDesk.open(TempDesk.newHome(), Clock.systemUTC())) {
            s.pipeline("test").ingest(List.of(TempDesk.mention("x", "1", "환불 언제 되나요"),
                    TempDesk.mention("x", "2", "배송 언제 와요")), new org.crisisdesk.mention.Checkpoint("x", "2"));
            List<Long> pks = s.mentions().page(MentionFilter.ALL, 10).stream().map(m -> m.pk()).toList();
            long refund = s.categories().ensure("환불").id();
            long delivery = s.categories().ensure("배송 지연").id();

            s.triage().move(List.of(pks.get(0)), refund, "민지");
            s.triage().move(List.of(pks.get(1)), delivery, "준호"); // 준호's move comes later

            MoveResult undone = s.triage().undo("민지");
            assertThat(undone.mentions()).extracting(m -> m.pk()).containsExactly(pks.get(0));
            assertThat(s.mentions().find(List.of(pks.get(1))).get(0).categoryId())
                    .as("준호's move stays").isEqualTo(delivery);
            assertThat(s.triage().undo("민지").isEmpty()).as("민지 has nothing more to undo").isTrue();
            assertThat(s.triage().undoState("준호")).isNotNull();
        }
    }
}
