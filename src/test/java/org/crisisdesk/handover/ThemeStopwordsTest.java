package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisisdesk.handover.HandoverReport.Theme;
import org.junit.jupiter.api.Test;

/** Handover themes leave out the words every complaint uses (issue #26: 다른, 부탁드려요, update were "themes"). */
class ThemeStopwordsTest {
    @Test
    void politeEndingsFillersAndUpdateAreNoThemes() {
        ThemeExtractor x = new ThemeExtractor();
        x.add("@desk 유심 개통 다른 방법 없나요 부탁드려요");
        x.add("유심 개통 안돼요 다른 매장도 안된대요 부탁드려요");
        x.add("any update on the eSIM activation? please");
        x.add("update please, eSIM activation still failing");
        x.add("유심 개통 언제 되나요 부탁드려요 update");
        x.add("다른 사람들도 유심 개통 오류 부탁드려요");

        assertThat(x.top(10)).extracting(Theme::term).doesNotContain("다른", "부탁드려요", "부탁드려", "부탁", "update",
                "please", "any").contains("유심 개통", "esim activation");
    }

    @Test
    void theListsAreReadFromTheirFilesInBothLanguages() {
        assertThat(ThemeExtractor.STOPWORDS).contains("다른", "부탁드려요", "update", "the", "안녕하세요")
                .noneMatch(w -> w.startsWith("#") || w.isBlank());
    }
}
