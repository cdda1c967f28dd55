package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crisisdesk.mention.Mention;
import org.junit.jupiter.api.Test;

class TriageEngineTest {
    private final List<Category> demo = DemoData.categories();

    static Mention m(String id, String text) {
        return new Mention("test", id, Instant.parse("2026-10-17T01:00:00Z"), "user" + id, null, "ko", text, null, null,
                null);
    }

    @Test
    void withoutLabelsTheRulesDecideAndExplain() {
        TriageEngine e = TriageEngine.inMemory(demo);
        Suggestion s = e.suggest(m("1", "@desk_official 오전 도착이라더니 택배 조회가 안 돼요"));
        assertThat(s.categoryId()).isEqualTo(DemoData.idOf(demo, "배송 지연"));
        assertThat(s.reason()).isEqualTo("matched: 도착, 택배, 조회, 오전 도착, 조회가 안 돼");
        assertThat(s.confidence()).isBetween(0.5, 0.99);
        assertThat(e.suggest(m("2", "@desk_official 점심 뭐 먹지"))).isEqualTo(Suggestion.NONE);
    }

    @Test
    void spacingVariantsGetTheSameSuggestion() {
        TriageEngine e = TriageEngine.inMemory(demo);
        Suggestion a = e.suggest("유심비 27500원 진짜예요?");
        Suggestion b = e.suggest("유심 비 2만 7천원 진짜예요?");
        assertThat(a.categoryId()).isEqualTo(DemoData.idOf(demo, "요금·유심 루머")).isEqualTo(b.categoryId());
    }

    @Test
    void aFewDozenLabelsVisiblyChangeASuggestion() {
        // A category created mid-crisis, with no rules yet: only learning can bring mentions to it.
        List<Category> cats = new ArrayList<>(demo);
        Category heat = new Category(99, "발열", "#E03131", 99, Category.Kind.TOPIC, false, Rules.NONE);
        cats.add(heat);
        TriageEngine e = TriageEngine.inMemory(cats);
        for (var l : DemoData.scenario().subList(0, 300)) {
            e.learn(l.mention(), DemoData.idOf(cats, l.category()));
        }
        String probe = "충전하는데 폰 뒷면이 너무 뜨거워요 이거 정상인가요";
        assertThat(e.suggest(probe).categoryId()).isNotEqualTo(99L);

        String[] starts = {"충전만 하면", "게임 조금 했는데", "영상 보다가", "어제부터", "새 폰인데", "노바9 쓰는데"};
        String[] middles = {"폰이 너무 뜨거워요", "뒷면이 뜨끈뜨끈해요", "발열이 심해요", "손을 못 댈 정도로 뜨거워요",
            "카메라 쪽이 엄청 뜨거워져요", "배터리가 뜨거워지고 빨리 닳아요"};
        int n = 0;
        for (String a : starts) {
            for (String b : middles) {
                e.learn(m("heat" + n++, "@desk_official " + a + " " + b), 99);
            }
        }
        assertThat(n).isEqualTo(36);
        Suggestion after = e.suggest(probe);
        assertThat(after.categoryId()).isEqualTo(99L);
        assertThat(after.reason()).startsWith("learned");
        assertThat(e.labelCount()).isEqualTo(336);
    }

    @Test
    void aCorrectionMovesTheEvidenceAndAnUndoForgetsIt() {
        TriageEngine e = TriageEngine.inMemory(demo);
        Mention x = m("42", "매장에 재고 있나요");
        e.learn(x, 1);
        e.learn(x, 1); // the same label again changes nothing
        assertThat(e.labelCount()).isEqualTo(1);
        e.learn(x, 5);
        assertThat(e.labelCount()).isEqualTo(1);
        e.forget(x);
        assertThat(e.labelCount()).isZero();
        e.forget(x);
        assertThat(e.labelCount()).isZero();
    }

    @Test
    void archivedCategoriesAreNeverSuggested() {
        List<Category> cats = new ArrayList<>();
        for (Category c : demo) {
            boolean archive = c.name().equals("배송 지연");
            cats.add(new Category(c.id(), c.name(), c.color(), c.position(), c.kind(), archive, c.rules()));
        }
        TriageEngine e = TriageEngine.inMemory(cats);
        DemoData.scenario().forEach(l -> e.learn(l.mention(), DemoData.idOf(demo, l.category())));
        long archived = DemoData.idOf(demo, "배송 지연");
        assertThat(e.suggest("택배가 아직도 안 왔어요 배송 언제 와요").categoryId()).isNotEqualTo(archived);
        assertThat(e.rules().categories()).extracting(Category::id).doesNotContain(archived);
    }

    @Test
    void reloadedRulesTakeEffectAtOnce() {
        TriageEngine e = TriageEngine.inMemory(demo);
        assertThat(e.suggest("배터리가 부풀었어요").categoryId()).isNull();
        List<Category> edited = new ArrayList<>(demo);
        edited.add(new Category(50, "발열", "#E03131", 50, Category.Kind.TOPIC, false,
                new Rules(List.of("배터리", "발열"), List.of(), List.of())));
        long before = e.rules().version();
        e.setCategories(edited);
        assertThat(e.rules().version()).isNotEqualTo(before);
        Suggestion s = e.suggest("배터리가 부풀었어요");
        assertThat(s.categoryId()).isEqualTo(50L);
        assertThat(s.reason()).isEqualTo("matched: 배터리");
    }

    @Test
    void autoFilingIsOffUntilAThresholdIsSet() {
        TriageEngine e = TriageEngine.inMemory(demo);
        assertThat(e.autoFileThreshold()).isGreaterThan(1);
        e.setAutoFileThreshold(0.9);
        assertThat(e.autoFileThreshold()).isEqualTo(0.9);
        e.setAutoFileThreshold(1.5);
        assertThat(e.autoFileThreshold()).isGreaterThan(1);
        assertThatThrownBy(() -> e.setAutoFileThreshold(0)).hasMessageContaining("above 0");
    }

    @Test
    void confidentSuggestionsAreMostlyRight() {
        TriageEngine e = TriageEngine.inMemory(demo);
        DemoData.scenario().forEach(l -> e.learn(l.mention(), DemoData.idOf(demo, l.category())));
        int confident = 0;
        int right = 0;
        for (var l : DemoData.heldout()) {
            Suggestion s = e.suggest(l.mention());
            assertThat(s.confidence()).isBetween(0.0, 1.0);
            if (s.confidence() >= 0.95) {
                confident++;
                if (s.categoryId() == DemoData.idOf(demo, l.category())) {
                    right++;
                }
            }
        }
        assertThat(confident).isGreaterThan(150);
        assertThat((double) right / confident).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void suggestingWhileLearningOnOtherThreadsIsSafe() throws Exception {
        TriageEngine e = TriageEngine.inMemory(demo);
        var data = DemoData.scenario();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> learner = pool.submit(() -> data.forEach(l -> e.learn(l.mention(), DemoData.idOf(demo,
                    l.category()))));
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    int answered = 0;
                    for (var l : data) {
                        Suggestion s = e.suggest(l.mention());
                        if (s.categoryId() != null) {
                            assertThat(s.confidence()).isBetween(0.0, 1.0);
                            answered++;
                        }
                    }
                    return answered;
                }));
            }
            learner.get();
            for (Future<Integer> r : readers) {
                assertThat(r.get()).isGreaterThan(data.size() / 2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(e.labelCount()).isEqualTo(data.size());
    }

    @Test
    void hostileTextGetsAnAnswerNotACrash() throws Exception {
        TriageEngine e = TriageEngine.inMemory(demo);
        DemoData.scenario().forEach(l -> e.learn(l.mention(), DemoData.idOf(demo, l.category())));
        for (String t : TextNormalizerTest.hostileTexts()) {
            Suggestion s = e.suggest(t);
            assertThat(s.confidence()).isBetween(0.0, 1.0);
            assertThat(e.analyze(t).ranking()).hasSize(demo.size());
        }
        assertThat(e.suggest("").categoryId()).isNull();
    }
}
