package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCheckTest {

    @Test
    void httpsIsOkAndShownAsPosted() {
        LinkCheck c = LinkCheck.check("  HTTPS://Example.COM/notice/42?x=1#a ");
        assertThat(c.status()).isEqualTo(LinkCheck.Status.OK);
        assertThat(c.finalUrl()).isEqualTo("https://example.com/notice/42?x=1#a");
        assertThat(c.usable()).isTrue();
    }

    @Test
    void missingSchemeBecomesHttps() {
        assertThat(LinkCheck.check("example.co.kr/notice").finalUrl()).isEqualTo("https://example.co.kr/notice");
    }

    @Test
    void plainHttpIsNotUsableAndSaysUseHttps() {
        LinkCheck c = LinkCheck.check("HTTP://Example.com/a");
        assertThat(c.status()).isEqualTo(LinkCheck.Status.HTTP);
        assertThat(c.usable()).isFalse();
        assertThat(c.message()).contains("use https");
        assertThat(c.finalUrl()).isEqualTo("http://example.com/a");
    }

    @Test
    void internationalDomainsAndPathsBecomeAsciiSoTheWholeUrlIsLinked() {
        LinkCheck c = LinkCheck.check("https://예시.한국/공지 사항".replace(" ", ""));
        assertThat(c.status()).isEqualTo(LinkCheck.Status.OK);
        assertThat(c.finalUrl()).isEqualTo("https://xn--vv4b11d.xn--3e0b707e/%EA%B3%B5%EC%A7%80%EC%82%AC%ED%95%AD");
        assertThat(WeightedLength.measure(c.finalUrl()).weighted()).isEqualTo(23);
        assertThat(LinkCheck.check("https://example.com/a%20b").finalUrl()).isEqualTo("https://example.com/a%20b");
    }

    @Test
    void refusesWhatIsNotAWebLink() {
        for (String bad : new String[] {"javascript:alert(1)", "ftp://example.com/x", "mailto:a@b.com",
                "https://user@evil.example.com", "https://exa mple.com", "https://localhost/x", "https://-bad-.com",
                "https://example.com:99999/", "data:text/html,<b>x</b>", "https://example.invalidtld/x"}) {
            LinkCheck c = LinkCheck.check(bad);
            assertThat(c.status()).as(bad).isEqualTo(LinkCheck.Status.INVALID);
            assertThat(c.usable()).as(bad).isFalse();
            assertThat(c.message()).as(bad).isNotBlank();
        }
    }

    @Test
    void emptyIsAllowed() {
        assertThat(LinkCheck.check(" ").status()).isEqualTo(LinkCheck.Status.EMPTY);
        assertThat(LinkCheck.check(null).usable()).isTrue();
    }
}
