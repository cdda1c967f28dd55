package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant AS_OF = Instant.parse("2026-10-17T05:00:00Z"); // 14:00 in Seoul
    final NoticeRenderer renderer = new NoticeRenderer(SEOUL);

    static Notice notice(NoticeLang lang) {
        return new Notice(1L, "배송 지연", AS_OF, "물류팀", Stage.parse("2/4 재배송 준비"),
                Instant.parse("2026-10-17T09:00:00Z"), Instant.parse("2026-10-17T07:00:00Z"), null, null,
                "https://example.com/notice/42", lang, 41, null);
    }

    @Test
    void defaultKoreanTemplateReadsNaturally() {
        var r = renderer.render(Templates.standard(NoticeLang.KO).body(), notice(NoticeLang.KO));
        assertThat(r.text()).isEqualTo("[배송 지연 안내] 14:00 현재 물류팀이 4단계 중 2단계(재배송 준비)를 진행 중입니다. "
                + "다음 안내 16:00, 완료 예상 18:00. 자세히: https://example.com/notice/42");
        assertThat(r.used()).contains("asOf", "department", "stepOf", "stage", "eta", "nextUpdate", "link");
    }

    @Test
    void defaultEnglishTemplateReadsNaturally() {
        Notice n = notice(NoticeLang.EN);
        n = new Notice(n.categoryId(), "Delivery delay", n.asOf(), "The logistics team", Stage.parse("2/4 re-dispatching"),
                n.eta(), n.nextUpdate(), null, null, n.link(), NoticeLang.EN, 41, null);
        var r = renderer.render(Templates.standard(NoticeLang.EN).body(), n);
        assertThat(r.text()).isEqualTo("[Delivery delay update] As of 14:00, The logistics team is on step 2 of 4 "
                + "(re-dispatching). Next update 16:00, expected fix by 18:00. Details: https://example.com/notice/42");
    }

    @Test
    void missingFactsDropTheirWordsNotTheGrammar() {
        Notice n = new Notice(1L, "배송 지연", AS_OF, "고객센터", null, Instant.parse("2026-10-17T09:00:00Z"), null,
                "택배사 연락 완료.", null, null, NoticeLang.KO, 0, null);
        var r = renderer.render(Templates.standard(NoticeLang.KO).body(), n);
        assertThat(r.text()).isEqualTo(
                "[배송 지연 안내] 14:00 현재 고객센터가 조치를 진행 중입니다. 완료: 택배사 연락 완료. 완료 예상 18:00.");
        assertThat(r.used()).doesNotContain("stage", "stepOf", "nextUpdate", "link");

        Notice en = new Notice(1L, "Outage", AS_OF, null, null, null, Instant.parse("2026-10-17T06:30:00Z"), null,
                null, null, NoticeLang.EN, 0, null);
        assertThat(renderer.render(Templates.standard(NoticeLang.EN).body(), en).text())
                .isEqualTo("[Outage update] As of 14:00, we are working on it. Next update 15:30.");
    }

    @Test
    void laterTimesOnAnotherDaySayTomorrowOrTheDate() {
        Notice n = notice(NoticeLang.KO);
        n = new Notice(n.categoryId(), n.category(), n.asOf(), n.department(), n.stage(),
                Instant.parse("2026-10-18T00:30:00Z"), Instant.parse("2026-10-19T01:00:00Z"), null, null, null,
                NoticeLang.KO, 0, null);
        String text = renderer.render(Templates.standard(NoticeLang.KO).body(), n).text();
        assertThat(text).contains("다음 안내 10월 19일 10:00, 완료 예상 내일 09:30.");
        Notice en = n.withText(null);
        en = new Notice(en.categoryId(), en.category(), en.asOf(), en.department(), en.stage(), en.eta(),
                en.nextUpdate(), null, null, null, NoticeLang.EN, 0, null);
        assertThat(renderer.render(Templates.standard(NoticeLang.EN).body(), en).text())
                .contains("Next update Oct 19 10:00, expected fix by tomorrow 09:30.");
    }

    @Test
    void countTemplateAndResolvedTemplate() {
        String withCount = renderer.render(Templates.builtIn(NoticeLang.KO, Templates.KO_COUNT).orElseThrow().body(),
                notice(NoticeLang.KO)).text();
        assertThat(withCount).startsWith("[배송 지연 안내] 문의 41건에 답변드립니다. 14:00 현재 물류팀이");
        Notice done = new Notice(1L, "배송 지연", AS_OF, "물류팀", Stage.parse("4/4 정상화"), null, null, null, null,
                null, NoticeLang.KO, 0, null);
        assertThat(renderer.render(Templates.resolved(NoticeLang.KO).body(), done).text())
                .isEqualTo("[배송 지연 안내] 14:00 현재 물류팀이 4단계 중 4단계(정상화)까지 조치를 마쳤습니다.");
    }

    @Test
    void everyPlaceholderRenders() {
        String body = "{asOf}|{department}|{stage}|{stepOf}|{eta}|{nextUpdate}|{link}|{category}|{count}|{done}|{next}";
        Notice n = new Notice(1L, "배송 지연", AS_OF, "물류팀", Stage.parse("2/4 재배송 준비"),
                Instant.parse("2026-10-17T09:00:00Z"), Instant.parse("2026-10-17T07:00:00Z"), "a.", "b",
                "https://example.com", NoticeLang.KO, 41, null);
        assertThat(renderer.render(body, n).text())
                .isEqualTo("14:00|물류팀|재배송 준비|4단계 중 2단계|18:00|16:00|https://example.com|배송 지연|41|a|b");
    }

    @Test
    void koreanParticlesFollowTheWord() {
        String body = "{department:이/가} {department:은/는} {department:을/를} {department:으로/로}";
        assertThat(render(body, "물류팀")).isEqualTo("물류팀이 물류팀은 물류팀을 물류팀으로");
        assertThat(render(body, "고객센터")).isEqualTo("고객센터가 고객센터는 고객센터를 고객센터로");
        assertThat(render(body, "네트워크 운영실")).isEqualTo("네트워크 운영실이 네트워크 운영실은 네트워크 운영실을 네트워크 운영실로");
        assertThat(render(body, "IT")).isEqualTo("IT가 IT는 IT를 IT로");
        assertThat(render(body, "5G")).isEqualTo("5G가 5G는 5G를 5G로");
        assertThat(render("{department:이/가}", "(주)한빛")).isEqualTo("(주)한빛이");
    }

    private String render(String body, String department) {
        Notice n = new Notice(1L, "c", AS_OF, department, null, null, null, null, null, null, NoticeLang.KO, 0, null);
        return renderer.render(body, n).text();
    }

    @Test
    void unknownPlaceholdersStayVisibleAndAreReported() {
        var r = renderer.render("{asOf} {deparment}", notice(NoticeLang.KO));
        assertThat(r.text()).isEqualTo("14:00 {deparment}");
        assertThat(NoticeRenderer.problems("{asOf} {deparment}")).singleElement().asString().contains("{deparment}");
        assertThat(NoticeRenderer.problems("[[ {asOf}")).anyMatch(p -> p.contains("not closed"));
        assertThat(NoticeRenderer.problems("")).isNotEmpty();
        for (Template t : Templates.builtIn()) {
            assertThat(NoticeRenderer.problems(t.body())).as(t.name()).isEmpty();
        }
    }

    @Test
    void resultIsNfcAndSpacesCollapse() {
        String decomposed = "\u1100\u1161"; // 가 as jamo
        Notice n = new Notice(1L, decomposed, AS_OF, null, null, null, null, null, null, null, NoticeLang.KO, 0, null);
        assertThat(renderer.render("{category}   안내  ", n).text()).isEqualTo("가 안내");
    }
}
