package org.crisisdesk.desk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crisisdesk.people.CaseAssignmentStore;
import org.junit.jupiter.api.Test;

/** Issue 22: which cases "mine", "unassigned" and "all" keep. */
class CasesFilterTest {
    private static CasesFilterViewModel.Row row(long pk, String person) {
        return new CasesFilterViewModel.Row(null, person == null ? null
                : new CaseAssignmentStore.Assignment(pk, person, person, "x", Instant.EPOCH));
    }

    @Test
    void mineIsAssignedToMeUnassignedIsNobodysAllIsEverything() {
        List<CasesFilterViewModel.Row> rows = List.of(row(1, "김민지"), row(2, "박지훈"), row(3, null));
        assertThat(CasesFilterViewModel.filter(rows, CasesFilterViewModel.Show.MINE, "김민지"))
                .extracting(r -> r.assignment().mentionPk()).containsExactly(1L);
        assertThat(CasesFilterViewModel.filter(rows, CasesFilterViewModel.Show.UNASSIGNED, "김민지"))
                .containsExactly(rows.get(2));
        assertThat(CasesFilterViewModel.filter(rows, CasesFilterViewModel.Show.ALL, "김민지")).isEqualTo(rows);
    }
}
