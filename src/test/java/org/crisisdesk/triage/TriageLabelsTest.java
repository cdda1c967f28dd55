package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** The labels the engine reads off the assigned_by index (V81) are exactly the filed mentions not filed by AUTO. */
class TriageLabelsTest {

    @Test
    void labelsAreEveryFiledMentionNotFiledAutomatically() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            long a = s.triage().create("라벨 가", "#D9480F").id();
            long b = s.triage().create("라벨 나", "#1971C2").id();
            List<Filing> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Mention m = TempDesk.mention("x", Integer.toString(500 + i), "text " + i);
                batch.add(switch (i % 3) {
                    case 0 -> Filing.unsorted(m);
                    case 1 -> new Filing(m, a, "AUTO", a, 0.95, "rule");
                    default -> new Filing(m, b, "IMPORT", null, null, null);
                });
            }
            List<StoredMention> stored = s.mentions().ingest(batch, null, "t");
            s.triage().move(List.of(stored.get(0).pk(), stored.get(1).pk(), stored.get(2).pk()), a, "kim");
            s.triage().move(List.of(stored.get(4).pk()), null, "kim");
            s.triage().move(List.of(stored.get(7).pk(), stored.get(10).pk()), b, "lee");
            s.triage().undo("lee"); // AUTO again: no longer a label

            TriageModelStore store = new TriageModelStore(s.db(), s.clock());
            Map<String, Long> expected = byPlainScan(s);
            assertThat(expected).hasSizeGreaterThan(10);
            assertThat(store.labels()).isEqualTo(expected);
            Map<String, Long> streamed = new HashMap<>();
            assertThat(store.forEachLabelled(l -> streamed.put(l.key(), l.categoryId()))).isEqualTo(expected.size());
            assertThat(streamed).isEqualTo(expected);
        }
    }

    private static Map<String, Long> byPlainScan(Services s) {
        return s.db().inTransaction(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT source, platform_id, category_id FROM mention "
                    + "WHERE category_id IS NOT NULL AND assigned_by IS NOT NULL AND assigned_by <> 'AUTO'");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(LabelKey.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
            return out;
        });
    }
}
