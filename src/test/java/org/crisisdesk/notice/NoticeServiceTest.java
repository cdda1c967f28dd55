package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.Test;

class NoticeServiceTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void composeBlocksOverLimitUnlessSplitAndBlocksBadLinks() {
        Notice n = NoticeRendererTest.notice(NoticeLang.KO);
        Composition ok = NoticeService.compose(n, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        assertThat(ok.postable()).isTrue();
        assertThat(ok.measure().weighted()).isLessThan(280);
        assertThat(ok.warnings()).isEmpty();

        Notice longer = new Notice(n.categoryId(), n.category(), n.asOf(), n.department(), n.stage(), n.eta(),
                n.nextUpdate(), "가".repeat(120), null, n.link(), n.lang(), 0, null);
        Composition over = NoticeService.compose(longer, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        assertThat(over.block()).isEqualTo(Composition.Block.OVER_LIMIT);
        assertThat(over.measure().overflowIndex()).isPositive();
        Composition split = NoticeService.compose(longer, Templates.standard(NoticeLang.KO).body(), true, SEOUL);
        assertThat(split.postable()).isTrue();
        assertThat(split.parts()).hasSizeGreaterThan(1).allMatch(WeightedLength::fits);

        Composition badLink = NoticeService.compose(n.withLink("javascript:alert(1)"),
                Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        assertThat(badLink.block()).isEqualTo(Composition.Block.LINK_INVALID);
        Composition http = NoticeService.compose(n.withLink("http://example.com/a"),
                Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        assertThat(http.block()).isEqualTo(Composition.Block.LINK_INVALID);
        assertThat(http.link().message()).contains("use https");
        Composition finalUrl = NoticeService.compose(n.withLink("Example.com/a"), Templates.standard(NoticeLang.KO).body(),
                false, SEOUL);
        assertThat(finalUrl.text()).endsWith("자세히: https://example.com/a");
        assertThat(NoticeService.compose(n, "{asOf} {oops}", false, SEOUL).block())
                .isEqualTo(Composition.Block.TEMPLATE_INVALID);
    }

    @Test
    void templatesAndDepartmentsAreStoredEditableAndResettable() {
        try (Services s = TempDesk.open(TempDesk.newHome(), new MutableClock(Instant.parse("2026-10-17T05:00:00Z")))) {
            TemplateStore t = s.notices().templates();
            assertThat(t.list(NoticeLang.KO)).extracting(Template::name)
                    .containsExactly(Templates.KO_STANDARD, Templates.KO_COUNT, Templates.KO_RESOLVED);
            t.save(NoticeLang.KO, Templates.KO_STANDARD, "{asOf} 현재 {department:이/가} 진행 중");
            assertThat(t.standard(NoticeLang.KO).body()).isEqualTo("{asOf} 현재 {department:이/가} 진행 중");
            t.save(NoticeLang.KO, "짧게", "{asOf} {stepOf}");
            assertThat(t.list(NoticeLang.KO)).extracting(Template::name).endsWith("짧게");
            assertThatThrownBy(() -> t.save(NoticeLang.KO, "틀림", "{nope}")).hasMessageContaining("{nope}");
            t.reset(NoticeLang.KO, Templates.KO_STANDARD);
            assertThat(t.standard(NoticeLang.KO).body()).isEqualTo(Templates.standard(NoticeLang.KO).body());
            t.delete(NoticeLang.KO, "짧게");
            t.delete(NoticeLang.KO, Templates.KO_STANDARD);
            assertThat(t.list(NoticeLang.KO)).hasSize(3);
            assertThat(t.list(NoticeLang.EN)).extracting(Template::name).first().isEqualTo(Templates.EN_STANDARD);

            DepartmentStore d = s.notices().departments();
            assertThat(d.active()).startsWith("물류팀", "고객센터");
            d.add("  택배 협력팀 ");
            d.remove("고객센터");
            assertThat(d.active()).contains("택배 협력팀").doesNotContain("고객센터");
            d.add("고객센터");
            assertThat(d.active()).contains("고객센터");
            assertThatThrownBy(() -> d.add(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void prefillMovesTheStageOnFromThePreviousNotice() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            Category c = s.categories().ensure("배송 지연");
            NoticeService.Prefill empty = s.notices().prefill(c.id());
            assertThat(empty.previous()).isNull();
            assertThat(empty.suggestedStage()).isNull();

            Notice n = new Notice(c.id(), c.name(), clock.instant(), "물류팀", Stage.parse("2/4 재배송 준비"), null, null,
                    null, null, null, NoticeLang.KO, 0, "text");
            StoredNotice q = s.notices().outbox().queue(n, java.util.List.of("text"), "k", null);
            s.notices().outbox().markPostedByHand(q.id(), "https://x.com/a/status/1");
            NoticeService.Prefill p = s.notices().prefill(c.id());
            assertThat(p.previous().id()).isEqualTo(q.id());
            assertThat(p.suggestedStage()).isEqualTo(new Stage(3, 4, ""));
        }
    }
}
