package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void linksAreFoundInOrderOnceWithoutTheSentencesPunctuation() {
        assertThat(Links.in("송장 https://track.example/a?b=1&c=2 확인, 공지(https://desk.example/n/1). 다시 "
                + "https://track.example/a?b=1&c=2 그리고 http://x.com/u/status/1。"))
                .containsExactly("https://track.example/a?b=1&c=2", "https://desk.example/n/1",
                        "http://x.com/u/status/1");
    }

    @Test
    void aParenthesisInsideTheLinkStaysAndTextWithoutLinksHasNone() {
        assertThat(Links.in("see https://en.wikipedia.org/wiki/Foo_(bar)"))
                .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
        assertThat(Links.in("배송 언제 와요? http:// 없음")).isEmpty();
        assertThat(Links.in(null)).isEmpty();
    }
}
