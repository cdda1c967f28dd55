package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * "Killing the app right after a drag loses nothing": a child JVM makes the change and is killed (SIGKILL, no
 * shutdown hooks) the moment it reports success; the database is then reopened from the file. H2 alone would lose
 * such a commit (it writes committed pages in the background, about half a second later).
 */
class KilledRightAfterTest {

    private static Path prepare() {
        Path home = TempDesk.newHome();
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            s.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("x", "10", "송장 조회가 안 돼요")),
                    Filing.unsorted(TempDesk.mention("x", "11", "택배가 안 와요")),
                    Filing.unsorted(TempDesk.mention("x", "12", "주문번호 1234 환불")),
                    Filing.unsorted(TempDesk.mention("x", "13", "DM 드렸어요"))), null, "replay");
            long cc = s.categories().byName("고객센터").orElseThrow().id();
            List<StoredMention> all = s.mentions().page(MentionFilter.ALL, 10);
            s.triage().move(all.stream().filter(m -> m.platformId().compareTo("11") > 0).map(StoredMention::pk).toList(),
                    cc, "desk-a");
        }
        return home;
    }

    /** Starts the child, waits for {@code expect} on its stdout, kills it at once. */
    private static String runAndKill(String expect, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", cp, "-Dfile.encoding=UTF-8", KillChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith(expect)) {
                    p.destroyForcibly();   // SIGKILL on Linux: nothing gets flushed on the way out
                    p.waitFor(30, TimeUnit.SECONDS);
                    return line;
                }
            }
        } finally {
            p.destroyForcibly();
        }
        throw new AssertionError("child never said " + expect + ":\n" + seen);
    }

    @Test
    void aMoveReportedDoneSurvivesAKillAMomentLater() throws Exception {
        Path home = prepare();

        String[] line = runAndKill("MOVED", "move", home.toString()).split(" ");

        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            long delivery = s.categories().byName("배송 지연").orElseThrow().id();
            for (String pk : List.of(line[1], line[2])) {
                assertThat(s.mentions().find(Long.parseLong(pk)).orElseThrow().categoryId()).isEqualTo(delivery);
                assertThat(s.triage().history(Long.parseLong(pk))).extracting(HistoryEntry::actor)
                        .containsExactly("desk-child");
            }
            assertThat(s.triage().undoState("desk-child").undoable()).isEqualTo(2);
        }
    }

    @Test
    void aCrashAfterTheHandOverFileIsCommittedRepeatsTheCasesInsteadOfLosingThem() throws Exception {
        Path home = prepare();
        Path file = home.resolve("cases.jsonl");

        runAndKill("FILE", "handover", home.toString(), file.toString());

        assertThat(Files.readAllLines(file)).hasSize(2);
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            assertThat(s.mentions().page(MentionFilter.ALL, 10)).allSatisfy(m -> assertThat(m.handedOverAt()).isNull());
            Path next = home.resolve("next.jsonl");
            assertThat(s.triage().handOver(next, org.crisisdesk.mention.MentionExporter.Format.JSONL,
                    java.time.ZoneId.of("Asia/Seoul"))).isEqualTo(2);
            assertThat(s.mentions().page(MentionFilter.ALL, 10)).filteredOn(m -> m.handedOverAt() != null).hasSize(2);
        }
    }
}
