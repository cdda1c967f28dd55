package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crisisdesk.handover.ReportFixture;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.DatabaseCopy;
import org.crisisdesk.testing.OnPostgres;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.testing.TestPostgres;
import org.crisisdesk.triage.TriageModelStore;
import org.junit.jupiter.api.Test;

/** {@code crisisdesk db copy}: a one-desk H2 crisis into a PostgreSQL team database and back, nothing lost or changed. */
@OnPostgres
class DbCopyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-17T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void h2ToPostgresToH2KeepsEveryRowOfEveryTableAndASecondRunDoesNothing() {
        Path a = TempDesk.newH2Home();
        try (Services s = TempDesk.open(a, CLOCK)) {
            ReportFixture.Standard std = ReportFixture.standard(s); // mentions, moves, notices, alerts, shifts, notes
            long unsorted = s.mentions().page(org.crisisdesk.mention.MentionFilter.ALL, 1).get(0).pk();
            s.triage().move(List.of(unsorted), std.billing(), "김민지"); // a move with its history and undo group
            new ReportFixture(s).notice("DRAFT", std.delivery(), CLOCK.instant(), null, null, null, null, "쓰는 중 <draft>");
            s.settings().put("alerts.volume", "40");
            new TriageModelStore(s.db(), CLOCK).save("test-model", 3, 2, new byte[] {0, 1, -1, 127, -128});
        }
        String team = TestPostgres.createMigrated();

        CliRun first = CliRun.of("--home", a.toString(), "db", "copy", "--to", team);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("copied ").contains("mention ").contains("assignment ");
        CliRun again = CliRun.of("--home", a.toString(), "db", "copy", "--to", team);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to copy");

        Path b = TempDesk.newH2Home();
        CliRun back = CliRun.of("--home", a.toString(), "--db", team, "db", "copy", "--to", Database.fileUrl(b));
        assertThat(back.exitCode()).as(back.err()).isZero();

        Map<String, List<String>> original;
        try (Database db = Database.open(Database.fileUrl(a))) {
            original = DatabaseCopy.contents(db);
        }
        assertThat(original.get("mention")).hasSizeGreaterThan(30);
        assertThat(original.get("alert_event")).isNotEmpty();
        assertThat(original.get("triage_model")).isNotEmpty(); // ours and the engine's own
        try (Database pg = Database.open(team); Database h2 = Database.open(Database.fileUrl(b))) {
            assertThat(DatabaseCopy.contents(pg)).isEqualTo(original);
            assertThat(DatabaseCopy.contents(h2)).isEqualTo(original);
        }
        // identities continue after the copied rows on both kinds of database
        for (String url : List.of(team, Database.fileUrl(b))) {
            try (Database db = Database.open(url)) {
                long max = db.inTransaction(c -> {
                    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(pk) FROM mention")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                long next = db.inTransaction(c -> {
                    try (var st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                            + "received_at, author, text) VALUES ('t', 'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                            + "'a', 'b')", new String[] {"pk"})) {
                        st.executeUpdate();
                        try (var keys = st.getGeneratedKeys()) {
                            keys.next();
                            return keys.getLong(1);
                        }
                    }
                });
                assertThat(next).as(url).isGreaterThan(max);
            }
        }
    }

    @Test
    void aTargetHoldingOtherDataIsRefusedAndLeftAsItWas() {
        Path a = TempDesk.newH2Home();
        try (Services s = TempDesk.open(a, CLOCK)) {
            ReportFixture.standard(s);
        }
        String team = TestPostgres.createMigrated();
        Path other = TempDesk.newH2Home();
        try (Services s = Services.open(other, team, CLOCK)) { // another crisis: its own default categories
            s.settings().put("x", "y");
        }
        Map<String, List<String>> before;
        try (Database db = Database.open(team)) {
            before = DatabaseCopy.contents(db);
        }
        CliRun refused = CliRun.of("--home", a.toString(), "db", "copy", "--to", team);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds other data").contains("--merge");
        try (Database db = Database.open(team)) {
            assertThat(DatabaseCopy.contents(db)).isEqualTo(before);
        }
    }
}
