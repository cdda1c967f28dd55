package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** The classifier in a real desk: a real H2 file, restarts, a crash between a move and a save, a damaged model. */
class TriageEnginePersistenceTest {
    private static final String PROBE = "@desk_official 어제 주문했는데 아직 출고 전이래요. 언제 받을 수 있나요?";
    private final Clock clock = TempDesk.fixed("2026-10-17T03:00:00Z");
    private final Path home = TempDesk.newHome();

    private Services open() throws Exception {
        Services s = TempDesk.open(home, clock);
        s.engine().ready().get(60, TimeUnit.SECONDS);
        assertThat(s.engine().problem()).isNull();
        return s;
    }

    /** Imports {@code labelled} scenario mentions as a canonical JSONL file with a category per line. */
    private void importLabelled(Services s, List<LabelledMentions.Labelled> labelled) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (var l : labelled) {
            Mention m = l.mention();
            ObjectNode o = json.createObjectNode();
            o.put("id", m.platformId());
            o.put("created_at", m.createdAt().toString());
            o.put("author", m.author());
            o.put("text", m.text());
            o.put("category", l.category());
            lines.add(json.writeValueAsString(o));
        }
        Path file = Files.createTempFile(home, "labelled-", ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        var report = s.importer("test").importFile(file);
        assertThat(report.rejected()).isEmpty();
    }

    /** What a person's move leaves in the database (the boards' service does the same in one transaction). */
    private static void fileByHand(Services s, StoredMention m, Long categoryId) {
        s.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE mention SET category_id = ?, assigned_by = ? WHERE pk = ?")) {
                if (categoryId == null) {
                    st.setNull(1, java.sql.Types.BIGINT);
                    st.setNull(2, java.sql.Types.VARCHAR);
                } else {
                    st.setLong(1, categoryId);
                    st.setString(2, "MANUAL");
                }
                st.setLong(3, m.pk());
                st.executeUpdate();
            }
        });
    }

    @Test
    void learnedLabelsSurviveARestart() throws Exception {
        Suggestion before;
        try (Services s = open()) {
            assertThat(s.engine().labelCount()).isZero();
            importLabelled(s, DemoData.scenario().subList(0, 400));
            assertThat(s.engine().labelCount()).isEqualTo(400);
            s.engine().fitNow(); // the background fit after the labels, now, so the comparison is exact
            before = s.engine().suggest(PROBE);
            assertThat(before.reason()).startsWith("learned");
        }
        try (Services s = open()) {
            assertThat(new TriageModelStore(s.db(), clock).load(TriageEngine.MODEL_NAME))
                    .hasValueSatisfying(saved -> assertThat(saved.labels()).isEqualTo(400));
            assertThat(s.engine().labelCount()).isEqualTo(400);
            Suggestion after = s.engine().suggest(PROBE);
            assertThat(after.categoryId()).isEqualTo(before.categoryId());
            assertThat(after.confidence()).isCloseTo(before.confidence(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(after.reason()).isEqualTo(before.reason());
        }
    }

    @Test
    void movesMadeAfterTheLastSaveAreRelearnedFromTheDatabase() throws Exception {
        List<StoredMention> unsorted;
        long delivery;
        try (Services s = open()) {
            importLabelled(s, DemoData.scenario().subList(0, 100));
            delivery = s.categories().byName("배송 지연").orElseThrow().id();
            List<Mention> fresh = DemoData.scenario().subList(100, 160).stream()
                    .map(l -> l.mention().withSource("replay")).toList();
            s.pipeline("replay").ingest(fresh, null);
        }
        // A second session: people file 60 mentions and undo one import, and the desk dies before any save.
        try (Services s = open()) {
            assertThat(s.engine().labelCount()).isEqualTo(100);
            unsorted = s.mentions().page(MentionFilter.ALL.withUnsortedOnly(true), 1000);
            assertThat(unsorted).hasSize(60);
            for (StoredMention m : unsorted) {
                fileByHand(s, m, delivery);
                s.engine().learn(m.mention(), delivery); // as the boards do after persisting a move
            }
            StoredMention imported = s.mentions().page(MentionFilter.ALL, 1000).stream()
                    .filter(m -> "import".equals(m.mention().source())).findFirst().orElseThrow();
            fileByHand(s, imported, null);
            s.engine().forget(imported.mention());
            assertThat(s.engine().labelCount()).isEqualTo(159);
            crash(s); // before the delayed save could run
        }
        try (Services s = open()) {
            assertThat(s.engine().labelCount()).isEqualTo(159);
            assertThat(s.engine().learnedLabels()).isEqualTo(new TriageModelStore(s.db(), clock).labels());
        }
    }

    /**
     * A desk holds the startup reconcile until its feed is painted: the loaded model answers meanwhile, the check
     * runs when started, and a desk closed before that saves the loaded model plus what it learned, leaving the
     * check to the next start.
     */
    @Test
    void aDeskReconcilesOnlyWhenItSaysSoAndAClosedOneLeavesItToTheNextStart() throws Exception {
        long delivery;
        List<StoredMention> unsorted;
        try (Services s = open()) {
            importLabelled(s, DemoData.scenario().subList(0, 100));
            delivery = s.categories().byName("배송 지연").orElseThrow().id();
            s.pipeline("replay").ingest(DemoData.scenario().subList(100, 130).stream()
                    .map(l -> l.mention().withSource("replay")).toList(), null);
        }
        try (Services s = open()) {
            unsorted = s.mentions().page(MentionFilter.ALL.withUnsortedOnly(true), 1000);
            for (StoredMention m : unsorted.subList(0, 20)) {
                fileByHand(s, m, delivery); // filed in the database, never learned: as after a crash
            }
            crash(s);
        }
        try (Services s = Services.openForDesk(home, null, clock)) {
            s.engine().loaded().get(60, TimeUnit.SECONDS);
            assertThat(s.engine().ready()).isNotDone();
            assertThat(s.engine().labelCount()).isEqualTo(100); // the saved model, in use before the check
            s.engine().learn(unsorted.get(25).mention(), delivery); // a move while the check waits
            // closed before the desk said so: no check, the loaded model and the new label are saved
        }
        try (Services s = Services.openForDesk(home, null, clock)) {
            s.engine().loaded().get(60, TimeUnit.SECONDS);
            assertThat(s.engine().labelCount()).isEqualTo(101);
            s.engine().startReconcile();
            s.engine().ready().get(60, TimeUnit.SECONDS);
            assertThat(s.engine().labelCount()).isEqualTo(120); // 100 imported + 20 filed by hand; #25 was never
            assertThat(s.engine().learnedLabels()).isEqualTo(new TriageModelStore(s.db(), clock).labels());
        }
    }

    @Test
    void aDamagedSavedModelIsRebuiltFromTheAssignments() throws Exception {
        try (Services s = open()) {
            importLabelled(s, DemoData.scenario().subList(0, 200));
        }
        Suggestion expected;
        try (Services s = open()) {
            expected = s.engine().suggest(PROBE);
            new TriageModelStore(s.db(), clock).save(TriageEngine.MODEL_NAME, TriageEngine.FORMAT, 200,
                    "not a model".getBytes(StandardCharsets.UTF_8));
            crash(s);
        }
        try (Services s = open()) {
            assertThat(s.engine().labelCount()).isEqualTo(200);
            assertThat(s.engine().suggest(PROBE).categoryId()).isEqualTo(expected.categoryId());
        }
    }

    @Test
    void aModelSavedByTheNaiveBayesEngineIsRetrainedFromTheLabelsInTheDatabase() throws Exception {
        try (Services s = open()) {
            importLabelled(s, DemoData.scenario().subList(0, 200));
            // what the previous engine left: naive Bayes counts under its format number (1000 + features 3)
            new TriageModelStore(s.db(), clock).save(TriageEngine.MODEL_NAME, 1_003, 200, new byte[] {1, 2, 3});
            crash(s);
        }
        try (Services s = open()) {
            s.engine().ready().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(s.engine().labelCount()).isEqualTo(200);
            assertThat(s.engine().learnedLabels()).isEqualTo(new TriageModelStore(s.db(), clock).labels());
            s.engine().fitNow();
            assertThat(s.engine().suggest("택배 언제 와요 아직도 조회가 안 돼요").reason()).isNotBlank();
        }
        try (Services s = open()) { // and saved in the new format on close
            assertThat(new TriageModelStore(s.db(), clock).load(TriageEngine.MODEL_NAME))
                    .hasValueSatisfying(saved -> assertThat(saved.format()).isEqualTo(TriageEngine.FORMAT));
        }
    }

    @Test
    void autoFilingNeverFilesIntoTheCustomerCentreOrASpamLikeCategory() throws Exception {
        try (Services s = open()) {
            s.engine().setAutoFileThreshold(0.05);
            long centre = s.categories().byName("고객센터").orElseThrow().id();
            long spam = s.categories().byName("스팸·잡음").orElseThrow().id();
            List<StoredMention> stored = s.pipeline("replay").ingest(List.of(
                    TempDesk.mention("replay", "1", "@desk_official 주문번호 2026-10-17-1234 환불 DM 드렸어요"),
                    TempDesk.mention("replay", "2", "@desk_official 코인 리딩방 맞팔 선팔 airdrop giveaway"),
                    TempDesk.mention("replay", "3", "@desk_official 오전 도착이라더니 택배 조회가 안 돼요")), null);
            assertThat(stored.get(0).suggestedCategoryId()).isEqualTo(centre);
            assertThat(stored.get(0).categoryId()).isNull(); // suggested, left for a person
            assertThat(stored.get(1).suggestedCategoryId()).isEqualTo(spam);
            assertThat(stored.get(1).categoryId()).isNull();
            assertThat(stored.get(2).assignedBy()).isEqualTo("AUTO"); // an ordinary topic is still filed
        }
    }

    @Test
    void autoFilingFollowsTheDeskSetting() throws Exception {
        String text = "@desk_official 오전 도착이라더니 택배 조회가 안 돼요";
        try (Services s = open()) {
            List<StoredMention> stored = s.pipeline("replay").ingest(List.of(TempDesk.mention("replay", "1", text)), null);
            assertThat(stored.get(0).categoryId()).isNull(); // off by default: suggested, not filed
            assertThat(stored.get(0).suggestedCategoryId()).isEqualTo(s.categories().byName("배송 지연").orElseThrow().id());
            assertThat(stored.get(0).suggestionReason()).startsWith("matched: ");
            s.engine().setAutoFileThreshold(0.5);
        }
        try (Services s = open()) {
            assertThat(s.engine().autoFileThreshold()).isEqualTo(0.5);
            List<StoredMention> stored = s.pipeline("replay").ingest(List.of(TempDesk.mention("replay", "2", text)), null);
            assertThat(stored.get(0).categoryId()).isEqualTo(s.categories().byName("배송 지연").orElseThrow().id());
            assertThat(stored.get(0).assignedBy()).isEqualTo("AUTO");
            assertThat(new TriageModelStore(s.db(), clock).labels()).isEmpty(); // its own guesses are not labels
        }
    }

    @Test
    void importedRulesReachTheEngineOnReload() throws Exception {
        try (Services s = open()) {
            assertThat(s.engine().suggest("배터리가 부풀었어요").categoryId()).isNull();
            s.categories().importSpecs(List.of(new CategoryFile.Spec("발열", "#E03131", Category.Kind.TOPIC,
                    new Rules(List.of("배터리", "발열"), List.of(), List.of()))));
            s.engine().reload();
            assertThat(s.engine().suggest("배터리가 부풀었어요").categoryId())
                    .isEqualTo(s.categories().byName("발열").orElseThrow().id());
        }
    }

    /** The engine stops without saving, as in a killed process (the session's close then saves nothing). */
    private static void crash(Services s) {
        s.engine().abandon();
    }
}
