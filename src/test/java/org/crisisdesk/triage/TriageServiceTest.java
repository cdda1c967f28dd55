package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriageServiceTest {
    private static final Instant T0 = Instant.parse("2026-10-17T03:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private Path home;
    private Services s;
    private TriageService triage;
    private long delivery;
    private long activation;
    private long rumour;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        s = TempDesk.open(home, clock);
        triage = s.triage();
        delivery = s.categories().byName("배송 지연").orElseThrow().id();
        activation = s.categories().byName("개통 오류").orElseThrow().id();
        rumour = s.categories().byName("요금·유심 루머").orElseThrow().id();
    }

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    private List<Long> ingest(String... texts) {
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            batch.add(Filing.unsorted(TempDesk.mention("x", String.valueOf(1000 + batch.size() + count()), texts[i])));
        }
        return s.mentions().ingest(batch, null, "replay").stream().map(StoredMention::pk).toList();
    }

    private int count() {
        return (int) s.mentions().count(MentionFilter.ALL);
    }

    private StoredMention stored(long pk) {
        return s.mentions().find(pk).orElseThrow();
    }

    private long rows(String where) {
        return s.db().inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM assignment WHERE " + where)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void multiMoveIsOneGroupWithOneHistoryRowPerMention() {
        List<Long> pks = ingest("택배 언제 와요", "송장 조회가 안 돼요", "유심비 27,500원?");
        clock.advance(Duration.ofMinutes(5));

        MoveResult r = triage.move(pks.subList(0, 2), delivery, "desk-a");

        assertThat(r.group()).isNotNull();
        assertThat(r.moved()).hasSize(2).allSatisfy(m -> {
            assertThat(m.from()).isNull();
            assertThat(m.mention().categoryId()).isEqualTo(delivery);
        });
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(delivery);
        assertThat(stored(pks.get(0)).assignedBy()).isEqualTo("MANUAL");
        assertThat(stored(pks.get(2)).categoryId()).isNull();
        assertThat(rows("move_group = '" + r.group() + "' AND reason = 'MANUAL' AND actor = 'desk-a'")).isEqualTo(2);

        List<HistoryEntry> h = triage.history(pks.get(1));
        assertThat(h).hasSize(1);
        assertThat(h.get(0)).satisfies(e -> {
            assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(e.actor()).isEqualTo("desk-a");
            assertThat(e.from()).isNull();
            assertThat(e.toName()).isEqualTo("배송 지연");
            assertThat(e.reason()).isEqualTo("MANUAL");
        });
    }

    @Test
    void movingWhereAMentionAlreadyIsChangesNothingAndArchivedTargetsAreRefused() {
        List<Long> pks = ingest("택배", "개통");
        triage.move(pks, delivery, "desk-a");
        MoveResult again = triage.move(pks, delivery, "desk-a");
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(triage.undoState("desk-a").undoable()).isEqualTo(1);

        triage.archive(rumour);
        assertThatThrownBy(() -> triage.move(pks, rumour, "desk-a")).isInstanceOf(TriageException.class)
                .extracting(e -> ((TriageException) e).problem()).isEqualTo(TriageException.Problem.CATEGORY_ARCHIVED);
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(delivery);
    }

    @Test
    void undoRestoresEachMentionsPreviousCategoryAndRedoAppliesTheGestureAgain() {
        // one mention the engine filed automatically, one that was Unsorted
        s.mentions().ingest(List.of(
                new Filing(TempDesk.mention("x", "1", "개통이 안 돼요"), activation, "AUTO", activation, 0.95, "개통")),
                null, "replay");
        long auto = s.mentions().page(MentionFilter.ALL, 1).get(0).pk();
        long unsorted = ingest("배송 언제요").get(0);

        MoveResult moved = triage.move(List.of(auto, unsorted), delivery, "desk-a");
        assertThat(triage.undoState("desk-a")).isEqualTo(new UndoState(1, 0));

        MoveResult undone = triage.undo("desk-a");
        assertThat(undone.group()).isEqualTo(moved.group());
        assertThat(undone.moved()).hasSize(2);
        assertThat(stored(auto).categoryId()).isEqualTo(activation);
        assertThat(stored(auto).assignedBy()).isEqualTo("AUTO");
        assertThat(stored(unsorted).categoryId()).isNull();
        assertThat(stored(unsorted).assignedBy()).isNull();
        assertThat(rows("reason = 'UNDO' AND move_group = '" + moved.group() + "'")).isEqualTo(2);
        assertThat(triage.undoState("desk-a")).isEqualTo(new UndoState(0, 1));

        MoveResult redone = triage.redo("desk-a");
        assertThat(redone.moved()).hasSize(2);
        assertThat(stored(auto).categoryId()).isEqualTo(delivery);
        assertThat(stored(unsorted).categoryId()).isEqualTo(delivery);
        assertThat(rows("reason = 'REDO'")).isEqualTo(2);
        assertThat(triage.undoState("desk-a")).isEqualTo(new UndoState(1, 0));

        assertThat(triage.history(auto)).extracting(HistoryEntry::reason)
                .containsExactly("AUTO", "MANUAL", "UNDO", "REDO");
    }

    @Test
    void undoWalksBackThroughGesturesAndANewMoveDropsTheRedoStack() {
        List<Long> pks = ingest("a", "b", "c");
        triage.move(List.of(pks.get(0)), delivery, "desk-a");
        triage.move(List.of(pks.get(1)), activation, "desk-a");
        triage.move(List.of(pks.get(0)), rumour, "desk-a");

        triage.undo("desk-a");
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(delivery);
        triage.undo("desk-a");
        assertThat(stored(pks.get(1)).categoryId()).isNull();
        triage.redo("desk-a");
        assertThat(stored(pks.get(1)).categoryId()).isEqualTo(activation);
        assertThat(triage.undoState("desk-a")).isEqualTo(new UndoState(2, 1));

        triage.move(List.of(pks.get(2)), delivery, "desk-a");
        assertThat(triage.undoState("desk-a")).isEqualTo(new UndoState(3, 0));
        assertThat(triage.redo("desk-a").isEmpty()).isTrue();
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(delivery);

        triage.undo("desk-a");
        triage.undo("desk-a");
        triage.undo("desk-a");
        assertThat(pks).allSatisfy(pk -> assertThat(stored(pk).categoryId()).isNull());
        assertThat(triage.undo("desk-a").isEmpty()).isTrue();
    }

    @Test
    void undoLeavesAloneAMentionSomeoneElseMovedSince() {
        List<Long> pks = ingest("a", "b");
        triage.move(pks, delivery, "desk-a");
        triage.move(List.of(pks.get(0)), activation, "desk-b");

        MoveResult undone = triage.undo("desk-a");

        assertThat(undone.moved()).extracting(m -> m.mention().pk()).containsExactly(pks.get(1));
        // refused and told (issue 22): who moved it on, and where
        assertThat(undone.skipped()).isZero();
        assertThat(undone.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.mention().pk()).isEqualTo(pks.get(0));
            assertThat(c.by()).isEqualTo("desk-b");
            assertThat(c.nowName()).isEqualTo("개통 오류");
        });
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(activation);
        assertThat(stored(pks.get(1)).categoryId()).isNull();
        // desk-b's own stack is untouched
        assertThat(triage.undoState("desk-b")).isEqualTo(new UndoState(1, 0));
    }

    @Test
    void theUndoStackSurvivesARestart() {
        List<Long> pks = ingest("a");
        triage.move(pks, delivery, "desk-a");
        s.close();
        s = TempDesk.open(home, clock);

        MoveResult undone = s.triage().undo("desk-a");

        assertThat(undone.moved()).hasSize(1);
        assertThat(s.mentions().find(pks.get(0)).orElseThrow().categoryId()).isNull();
    }

    @Test
    void acceptFilesUnsortedMentionsIntoTheirSuggestionButABulkAcceptTeachesNothing() {
        s.mentions().ingest(List.of(
                new Filing(TempDesk.mention("x", "1", "택배 언제"), null, null, delivery, 0.4, "배송"),
                new Filing(TempDesk.mention("x", "2", "유심"), null, null, activation, 0.3, "유심"),
                Filing.unsorted(TempDesk.mention("x", "3", "??"))), null, "replay");
        List<StoredMention> all = s.mentions().page(MentionFilter.ALL, 10);
        List<Long> pks = all.stream().map(StoredMention::pk).toList();
        List<Object[]> learned = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        TriageService t = new TriageService(new MoveStore(s.db()), s.categories(), s.mentions(),
                new BoardStatsStore(s.db()), new Suggester() {
                    @Override
                    public Suggestion suggest(Mention mention) {
                        return Suggestion.NONE;
                    }

                    @Override
                    public void learn(Mention mention, long categoryId) {
                        learned.add(new Object[] {mention.platformId(), categoryId});
                    }

                    @Override
                    public void forget(Mention mention) {
                        forgotten.add(mention.platformId());
                    }
                }, clock);

        MoveResult r = t.accept(pks, "desk-a");

        assertThat(r.moved()).hasSize(2);
        assertThat(r.skipped()).isEqualTo(1);
        // accepted in bulk: filed, marked ACCEPTED, and not a label (nobody looked at each one)
        assertThat(learned).isEmpty();
        assertThat(r.moved()).allSatisfy(m -> assertThat(m.mention().assignedBy()).isEqualTo(MoveStore.ACCEPTED));
        assertThat(new TriageModelStore(s.db(), clock).labels()).isEmpty();
        assertThat(t.history(r.moved().get(0).mention().pk()).get(0).accepted()).isTrue();
        forgotten.clear();
        // one gesture, undone at once: the engine forgets both labels
        t.undo("desk-a");
        assertThat(s.mentions().count(MentionFilter.category(null))).isEqualTo(3);
        assertThat(forgotten).containsExactlyInAnyOrder("1", "2");
        // a redo files them again, still as a bulk accept
        learned.clear();
        MoveResult redone = t.redo("desk-a");
        assertThat(learned).isEmpty();
        assertThat(redone.moved()).allSatisfy(m -> assertThat(m.mention().assignedBy()).isEqualTo(MoveStore.ACCEPTED));
        t.undo("desk-a");
        // accepting one suggestion is a person's decision about that card: it teaches
        learned.clear();
        long first = all.stream().filter(m -> m.platformId().equals("1")).findFirst().orElseThrow().pk();
        assertThat(t.accept(List.of(first), "desk-a").moved()).singleElement()
                .satisfies(m -> assertThat(m.mention().assignedBy()).isEqualTo(MoveStore.MANUAL));
        assertThat(learned).extracting(a -> a[0] + "→" + a[1]).containsExactly("1→" + delivery);
        t.undo("desk-a");
        // moving to Unsorted takes the label back
        learned.clear();
        forgotten.clear();
        t.move(List.of(pks.get(0)), delivery, "desk-a");
        t.move(List.of(pks.get(0)), null, "desk-a");
        assertThat(learned).hasSize(1);
        assertThat(forgotten).containsExactly(all.get(0).platformId());
    }

    @Test
    void mergeMovesMentionsKeepsTheirHistoryCombinesRulesAndArchivesTheSource() {
        List<Long> pks = ingest("유심비 있어요?", "개통비 루머", "개통 안 됨");
        s.mentions().ingest(List.of(new Filing(TempDesk.mention("x", "77", "27,500원?"), null, null, rumour, 0.4,
                "27500")), null, "replay");
        triage.move(pks.subList(0, 2), rumour, "desk-a");
        triage.move(pks.subList(2, 3), activation, "desk-a");
        Rules before = s.categories().byId(activation).orElseThrow().rules();
        Rules sourceRules = s.categories().byId(rumour).orElseThrow().rules();

        int moved = triage.merge(rumour, activation, "desk-a");

        assertThat(moved).isEqualTo(2);
        assertThat(s.mentions().count(MentionFilter.category(activation))).isEqualTo(3);
        assertThat(s.mentions().count(MentionFilter.category(rumour))).isZero();
        assertThat(s.mentions().page(MentionFilter.ALL, 10)).filteredOn(m -> m.platformId().equals("77"))
                .singleElement().extracting(StoredMention::suggestedCategoryId).isEqualTo(activation);
        Category source = s.categories().byId(rumour).orElseThrow();
        assertThat(source.archived()).isTrue();
        assertThat(s.categories().active()).extracting(Category::id).doesNotContain(rumour);
        Rules after = s.categories().byId(activation).orElseThrow().rules();
        assertThat(after.keywords()).containsAll(before.keywords()).containsAll(sourceRules.keywords());
        assertThat(after.regexes()).containsAll(sourceRules.regexes());
        assertThat(triage.history(pks.get(0))).extracting(e -> e.reason() + ":" + e.fromName() + "→" + e.toName())
                .containsExactly("MANUAL:null→요금·유심 루머", "MERGE:요금·유심 루머→개통 오류");

        // undoing the earlier move now finds the mentions elsewhere and leaves them be
        triage.undo("desk-a");
        triage.undo("desk-a");
        assertThat(s.mentions().count(MentionFilter.category(activation))).isEqualTo(2);

        long cc = s.categories().byName("고객센터").orElseThrow().id();
        assertThatThrownBy(() -> triage.merge(cc, delivery, "desk-a")).isInstanceOf(TriageException.class)
                .extracting(e -> ((TriageException) e).problem()).isEqualTo(TriageException.Problem.FIXED_CATEGORY);
        assertThatThrownBy(() -> triage.merge(delivery, rumour, "desk-a")).isInstanceOf(TriageException.class)
                .extracting(e -> ((TriageException) e).problem())
                .isEqualTo(TriageException.Problem.CATEGORY_ARCHIVED);
    }

    @Test
    void archivedTopicLeavesTheBoardsWithItsMentionsButTheCustomerCentreStays() {
        List<Long> pks = ingest("a");
        triage.move(pks, delivery, "desk-a");
        triage.archive(delivery);

        assertThat(s.categories().active()).extracting(Category::id).doesNotContain(delivery);
        assertThat(stored(pks.get(0)).categoryId()).isEqualTo(delivery);
        // undo cannot put a mention back into an archived category... it was Unsorted before, so this works
        assertThat(triage.undo("desk-a").moved()).hasSize(1);
        long cc = s.categories().byName("고객센터").orElseThrow().id();
        assertThatThrownBy(() -> triage.archive(cc)).isInstanceOf(TriageException.class);
        assertThat(s.categories().byId(cc).orElseThrow().archived()).isFalse();
    }

    @Test
    void categoriesAreCreatedRenamedRecolouredReorderedAndTheirRulesChecked() {
        Category c = triage.create("  배터리   발열 ", "#aabbcc");
        assertThat(c.name()).isEqualTo("배터리 발열");
        assertThat(c.color()).isEqualTo("#AABBCC");
        assertThatThrownBy(() -> triage.create("배송 지연", "#000000")).isInstanceOf(TriageException.class)
                .extracting(e -> ((TriageException) e).problem()).isEqualTo(TriageException.Problem.NAME_TAKEN);
        assertThatThrownBy(() -> triage.create("x", "red")).extracting(e -> ((TriageException) e).problem())
                .isEqualTo(TriageException.Problem.BAD_COLOUR);
        assertThatThrownBy(() -> triage.rename(c.id(), "개통 오류")).extracting(e -> ((TriageException) e).problem())
                .isEqualTo(TriageException.Problem.NAME_TAKEN);
        assertThatThrownBy(() -> triage.rename(c.id(), " \n ")).extracting(e -> ((TriageException) e).problem())
                .isEqualTo(TriageException.Problem.BAD_NAME);

        assertThat(triage.rename(c.id(), "발열").name()).isEqualTo("발열");
        assertThat(triage.recolour(c.id(), "#112233").color()).isEqualTo("#112233");

        triage.reorder(List.of(c.id(), delivery));
        List<Category> order = s.categories().active();
        assertThat(order.get(0).id()).isEqualTo(c.id());
        assertThat(order.get(1).id()).isEqualTo(delivery);
        assertThat(order.get(2).id()).isEqualTo(activation);

        Rules rules = RulesInput.parse("발열\n 뜨거워요 \n\n발열", "온도\\s*\\d+도", "발열 없음");
        assertThat(rules.keywords()).containsExactly("발열", "뜨거워요");
        assertThat(triage.updateRules(c.id(), rules).rules()).isEqualTo(rules);
        assertThat(s.categories().byId(c.id()).orElseThrow().rules()).isEqualTo(rules);
        assertThat(RulesInput.problems("", "ok\n(unclosed", "")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(2));
        assertThatThrownBy(() -> triage.updateRules(c.id(), new Rules(List.of(), List.of("[a-"), List.of())))
                .extracting(e -> ((TriageException) e).problem()).isEqualTo(TriageException.Problem.BAD_RULE);
    }

    @Test
    void headerStatsCountSinceTheLastPostedNoticeAndPerMinute() {
        Instant base = Instant.parse("2026-10-17T01:00:00Z");
        clock.set(base.plus(Duration.ofMinutes(30)));
        List<Filing> batch = new ArrayList<>();
        // created just under 1, 2, 10 and 90 minutes before "now"
        for (int minutesAgo : new int[] {1, 2, 10, 90}) {
            Instant at = clock.instant().minus(Duration.ofMinutes(minutesAgo)).plusSeconds(1);
            Mention m = new Mention("x", "m" + minutesAgo, at, "u", null, "ko", "배송", null, null, null);
            batch.add(new Filing(m, delivery, "IMPORT", null, null, null));
        }
        s.mentions().ingest(batch, null, "t");
        s.db().inTransactionVoid(c -> {
            try (var st = c.prepareStatement("INSERT INTO notice (category_id, state, text, as_of, created_at, "
                    + "updated_at) VALUES (?, ?, 'n', ?, ?, ?)")) {
                Object[][] notices = {{"POSTED", 5}, {"DRAFT", 0}, {"POSTED", 20}};
                for (Object[] n : notices) {
                    Instant asOf = clock.instant().minus(Duration.ofMinutes((Integer) n[1]));
                    st.setLong(1, delivery);
                    st.setString(2, (String) n[0]);
                    st.setObject(3, asOf.atOffset(java.time.ZoneOffset.UTC));
                    st.setObject(4, asOf.atOffset(java.time.ZoneOffset.UTC));
                    st.setObject(5, asOf.atOffset(java.time.ZoneOffset.UTC));
                    st.executeUpdate();
                }
            }
        });
        ingest("unsorted one");

        BoardStats stats = triage.stats();

        ColumnStats d = stats.of(delivery);
        assertThat(d.total()).isEqualTo(4);
        assertThat(d.sinceNotice()).isEqualTo(2);            // after the newest POSTED notice (5 min ago)
        assertThat(d.lastNotice()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
        // 59 s, 1 min 59 s and 9 min 59 s old: the current minute, the one before, and ten minutes back
        assertThat(d.perMinute()[59]).isEqualTo(1);
        assertThat(d.perMinute()[58]).isEqualTo(1);
        assertThat(d.perMinute()[50]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(d.perMinute()).sum()).isEqualTo(3); // 90 minutes ago is outside
        ColumnStats unsorted = stats.of(null);
        assertThat(unsorted.total()).isEqualTo(1);
        assertThat(unsorted.sinceNotice()).isEqualTo(1);
        assertThat(stats.of(activation).lastNotice()).isNull();
    }
}
