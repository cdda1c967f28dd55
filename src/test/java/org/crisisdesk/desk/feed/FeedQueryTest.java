package org.crisisdesk.desk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisisdesk.mention.MentionFilter;
import org.junit.jupiter.api.Test;

/** The search box's author, language and words combine into one filter. */
class FeedQueryTest {

    @Test
    void authorLanguageAndWordsAllApply() {
        MentionFilter f = FeedQuery.apply(MentionFilter.ALL, "  @minji lang:KO 배송  지연 ");
        assertThat(f.author()).isEqualTo("minji");
        assertThat(f.lang()).isEqualTo("ko");
        assertThat(f.text()).isEqualTo("배송 지연");
    }

    @Test
    void eachPartAloneAndInAnyOrder() {
        assertThat(FeedQuery.apply(MentionFilter.ALL, "@minji")).isEqualTo(MentionFilter.ALL.withAuthor("minji"));
        assertThat(FeedQuery.apply(MentionFilter.ALL, "lang:en")).isEqualTo(MentionFilter.ALL.withLang("en"));
        assertThat(FeedQuery.apply(MentionFilter.ALL, "배송 lang:ko"))
                .isEqualTo(MentionFilter.ALL.withLang("ko").withText("배송"));
    }

    @Test
    void aLoneAtSignOrEmptyLanguageIsText() {
        assertThat(FeedQuery.apply(MentionFilter.ALL, "@ lang:")).isEqualTo(MentionFilter.ALL.withText("@ lang:"));
        assertThat(FeedQuery.apply(MentionFilter.ALL, "   ")).isEqualTo(MentionFilter.ALL);
    }

    @Test
    void theCategoryChoiceIsKept() {
        MentionFilter f = FeedQuery.apply(FeedCategory.of(7).apply(MentionFilter.ALL), "@minji 배송");
        assertThat(f.categoryId()).isEqualTo(7L);
        assertThat(f.unsortedOnly()).isFalse();
        assertThat(FeedQuery.apply(FeedCategory.UNSORTED.apply(MentionFilter.ALL), "x").unsortedOnly()).isTrue();
        assertThat(FeedCategory.ALL.apply(MentionFilter.ALL)).isEqualTo(MentionFilter.ALL);
    }
}
