package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    static Category cat(long id, String name, List<String> keywords, List<String> regexes, List<String> exclusions) {
        return new Category(id, name, "#123456", (int) id, Category.Kind.TOPIC, false,
                new Rules(keywords, regexes, exclusions));
    }

    private final Category delivery = cat(1, "배송 지연", List.of("배송", "지연", "택배", "tracking", "eta"),
            List.of("오전\\s*도착"), List.of("배송비 무료"));
    private final Category fee = cat(2, "요금·유심 루머", List.of("유심 비용", "유심비", "Activation Fee"),
            List.of("27[,.]?500"), List.of());
    private final Category praise = cat(3, "칭찬", List.of("감사합니다"), List.of(), List.of("감사합니다만"));
    private final RuleSet rules = RuleSet.compile(List.of(delivery, fee, praise));

    @Test
    void koreanKeywordsMatchWithAndWithoutSpaces() {
        assertThat(rules.match("유심비용 얼마예요?").first()).hasValueSatisfying(h -> {
            assertThat(h.category().name()).isEqualTo("요금·유심 루머");
            assertThat(h.matched()).contains("유심 비용");
        });
        RuleSet spaced = RuleSet.compile(List.of(cat(9, "x", List.of("유심비용"), List.of(), List.of())));
        assertThat(spaced.match("유심 비용 얼마예요?").first()).isPresent();
        assertThat(spaced.match("유 심 비 용").first()).isPresent();
        assertThat(spaced.match("유심 가격").first()).isEmpty();
    }

    @Test
    void matchingIgnoresCaseWidthAndHandles() {
        assertThat(rules.match("@desk_official ACTIVATION FEE is real?").first())
                .hasValueSatisfying(h -> assertThat(h.category().id()).isEqualTo(2));
        assertThat(rules.match("ＴＲＡＣＫＩＮＧ broken").first())
                .hasValueSatisfying(h -> assertThat(h.category().id()).isEqualTo(1));
    }

    @Test
    void latinKeywordsMustStartAWord() {
        assertThat(rules.match("what's the ETA?").first()).isPresent();
        assertThat(rules.match("the beta build").first()).isEmpty();
        assertThat(rules.match("I get a refund?").first()).isEmpty(); // "geta" without spaces must not be "eta"
    }

    @Test
    void exclusionsVetoTheirCategoryAndSayWhy() {
        RuleMatch m = rules.match("배송비 무료 이벤트 한대요");
        assertThat(m.first()).isEmpty();
        assertThat(m.hit(1)).hasValueSatisfying(h -> {
            assertThat(h.matches()).isFalse();
            assertThat(h.excludedBy()).containsExactly("배송비 무료");
            assertThat(h.explanation()).isEqualTo("excluded: 배송비 무료");
        });
        assertThat(rules.match("배송비무료라더니 배송 지연").first()).isEmpty(); // exclusions ignore spacing too
        assertThat(rules.match("감사합니다만 아직도 안 와요").hit(3)).hasValueSatisfying(h -> assertThat(h.matches()).isFalse());
    }

    @Test
    void regexesMatchTheNormalizedText() {
        assertThat(rules.match("오전도착이라더니 소식이 없네요").first())
                .hasValueSatisfying(h -> assertThat(h.matched()).containsExactly("오전도착"));
        assertThat(rules.match("27.500원 더 낸다는 게 사실?").first())
                .hasValueSatisfying(h -> assertThat(h.category().id()).isEqualTo(2));
    }

    @Test
    void aRegexIsTriedWhereverItsPrefixOccursNotOnlyAtTheFirst() {
        RuleSet r = RuleSet.compile(List.of(cat(1, "개통 오류", List.of(), List.of("개통\\s*(실패|안\\s*돼)"), List.of())));
        // the prefix split by a space, then five misses, then the match: past the four places remembered, find goes on
        String text = "개 통 개통 문의 개통했어요 개통은 개통 언제 개통 또 개통 실패했어요";
        assertThat(r.match(text).first()).hasValueSatisfying(h -> assertThat(h.matched()).containsExactly("개통 실패"));
        assertThat(r.match("개통 안돼요").first()).hasValueSatisfying(h -> assertThat(h.matched()).containsExactly("개통 안돼"));
        assertThat(r.match("개통 문의, 개통 완료, 개 통 실패").first()).isEmpty();
        for (int misses = 0; misses < 7; misses++) {
            String t = "개통 좋아요 ".repeat(misses) + "개통실패";
            assertThat(r.match(t).first()).as(t).hasValueSatisfying(h -> assertThat(h.matched()).containsExactly("개통실패"));
        }
    }

    @Test
    void explanationListsTheMatchedWordsOnce() {
        assertThat(rules.match("배송 지연 너무 심해요. 배송 언제?").first())
                .hasValueSatisfying(h -> assertThat(h.explanation()).isEqualTo("matched: 배송, 지연"));
    }

    @Test
    void firstMatchingCategoryInBoardOrderWins() {
        RuleMatch m = rules.match("배송 지연에 유심비까지, 감사합니다 정말");
        assertThat(m.matching()).extracting(h -> h.category().id()).containsExactly(1L, 2L, 3L);
        assertThat(m.first()).hasValueSatisfying(h -> assertThat(h.category().id()).isEqualTo(1));
    }

    @Test
    void invalidRulesAreRejectedWithAClearMessage() {
        Category bad = cat(5, "개통 오류", List.of("개통", "@someone"), List.of("개통(실패", "x*"), List.of());
        assertThatThrownBy(() -> RuleSet.compile(List.of(bad)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("Category \"개통 오류\": regular expression \"개통(실패\" is invalid: Unclosed group")
                .hasMessageContaining("regular expression \"x*\" matches empty text")
                .hasMessageContaining("keyword \"@someone\" is empty");
        assertThat(RuleSet.problems("ok", new Rules(List.of("배송"), List.of("a+b"), List.of()))).isEmpty();
    }

    @Test
    void lenientCompilationSkipsWhatItCannotUse() {
        Category bad = cat(5, "개통 오류", List.of("개통"), List.of("개통(실패"), List.of());
        List<String> warnings = new ArrayList<>();
        RuleSet lenient = RuleSet.compileLenient(List.of(bad), warnings);
        assertThat(warnings).singleElement().asString().contains("invalid");
        assertThat(lenient.match("개통 안 돼요").first()).isPresent();
    }

    @Test
    void catastrophicRegexGivesUpInsteadOfHanging() {
        // Polynomial of degree 12 in the text length: minutes on a few dozen characters without the budget.
        // (JDK 9+ memoizes the classic (a+)+b, so that one is no longer a danger.)
        Category evil = cat(7, "evil", List.of(), List.of("(.*a){12}x"), List.of());
        RuleSet rs = RuleSet.compile(List.of(evil, delivery));
        String text = "a".repeat(1_500) + "! 오전 도착이라더니";
        long[] timeouts = new long[1];
        RuleMatch m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = TriageEngine.regexTimeoutsOnThisThread(); // counted per thread; this runs on another
            RuleMatch r = rs.match(text);
            timeouts[0] = TriageEngine.regexTimeoutsOnThisThread() - before;
            return r;
        });
        assertThat(timeouts[0]).isEqualTo(1);
        // the other rules, regexes included, still ran on the same text
        assertThat(m.first()).hasValueSatisfying(h -> {
            assertThat(h.category().id()).isEqualTo(1);
            assertThat(h.matched()).containsExactly("오전 도착");
        });
    }

    @Test
    void equalRulesHaveEqualVersionsAndAnEditChangesIt() {
        RuleSet again = RuleSet.compile(List.of(delivery, fee, praise));
        assertThat(again.version()).isEqualTo(rules.version());
        Category edited = cat(1, "배송 지연", List.of("배송"), List.of(), List.of());
        assertThat(RuleSet.compile(List.of(edited, fee, praise)).version()).isNotEqualTo(rules.version());
    }

    @Test
    void manyKeywordsStillMatchInOnePass() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            words.add("키워드" + i + "번");
        }
        words.add("배송지연");
        RuleSet big = RuleSet.compile(List.of(cat(1, "big", words, List.of(), List.of())));
        assertThat(big.match("키워드 1499 번 그리고 배송 지연").first())
                .hasValueSatisfying(h -> assertThat(h.matched()).containsExactly("키워드1499번", "배송지연"));
    }
}
