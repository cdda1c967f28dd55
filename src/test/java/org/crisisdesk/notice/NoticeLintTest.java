package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.crisisdesk.notice.NoticeLint.Warning;
import org.junit.jupiter.api.Test;

class NoticeLintTest {
    final NoticeRenderer renderer = new NoticeRenderer(ZoneId.of("Asia/Seoul"));

    @Test
    void aCompleteNoticeSaysSomething() {
        Notice n = NoticeRendererTest.notice(NoticeLang.KO);
        var r = renderer.render(Templates.standard(NoticeLang.KO).body(), n);
        assertThat(NoticeLint.check(n, r.used(), r.text())).isEmpty();
    }

    @Test
    void eachMissingFactIsNamed() {
        Notice n = new Notice(1L, "배송 지연", null, null, null, null, null, null, null, null, NoticeLang.KO, 0, null);
        var r = renderer.render(Templates.standard(NoticeLang.KO).body(), n);
        assertThat(NoticeLint.check(n, r.used(), r.text())).containsExactly(Warning.NO_AS_OF, Warning.NO_DEPARTMENT,
                Warning.NO_STAGE, Warning.NO_ETA_OR_NEXT_UPDATE);
    }

    @Test
    void aFactTheTemplateDropsCountsAsMissing() {
        Notice n = NoticeRendererTest.notice(NoticeLang.KO);
        var r = renderer.render("[{category} 안내] {department:이/가} {stepOf} 진행 중. 다음 안내 {nextUpdate}", n);
        assertThat(NoticeLint.check(n, r.used(), r.text())).containsExactly(Warning.NO_AS_OF);
    }

    @Test
    void apologyBoilerplateWithoutFactsIsFlagged() {
        assertThat(NoticeLint.apologyOnly("불편을 드려 죄송합니다. 현재 확인 중입니다.")).isTrue();
        assertThat(NoticeLint.apologyOnly("Sorry for the inconvenience, we are looking into it.")).isTrue();
        assertThat(NoticeLint.apologyOnly("죄송합니다. 빠르게 조치하겠습니다. 양해 부탁드립니다. 14:00 현재 확인 중.")).isTrue();
        assertThat(NoticeLint.apologyOnly("불편을 드려 죄송합니다. 14:00 현재 물류팀이 4단계 중 2단계를 진행 중이며 "
                + "다음 안내는 16:00입니다.")).isFalse();
        assertThat(NoticeLint.apologyOnly("14:00 현재 물류팀이 2/4 단계를 진행 중입니다.")).isFalse();
        assertThat(NoticeLint.apologyOnly("")).isFalse();

        Notice n = NoticeRendererTest.notice(NoticeLang.KO);
        var r = renderer.render("죄송합니다. 확인 중입니다. 양해 부탁드립니다.", n);
        assertThat(NoticeLint.check(n, r.used(), r.text())).contains(Warning.APOLOGY_ONLY, Warning.NO_AS_OF);
    }
}
