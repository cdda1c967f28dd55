package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MentionJsonTest {

    @Test
    void v1TweetUsesFullTextAndUnescapesEntitiesOnce() {
        String line = "{\"created_at\":\"Sat Oct 17 01:02:03 +0000 2026\",\"id\":1861,\"id_str\":\"1861\","
                + "\"full_text\":\"@desk_official A&amp;S &lt;긴급&gt; &amp;lt;\",\"text\":\"truncated…\","
                + "\"lang\":\"ko\",\"user\":{\"screen_name\":\"minsu\",\"name\":\"민수\"}}";
        MentionJson.Parsed p = MentionJson.parseLine(line);
        assertThat(p.rejected()).isFalse();
        Mention m = p.mentions().get(0);
        assertThat(m.source()).isEqualTo("x");
        assertThat(m.platformId()).isEqualTo("1861");
        assertThat(m.text()).isEqualTo("@desk_official A&S <긴급> &lt;");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-10-17T01:02:03Z"));
        assertThat(m.author()).isEqualTo("minsu");
        assertThat(m.authorName()).isEqualTo("민수");
    }

    @Test
    void aV1RetweetKeepsTheOriginalsWholeTextAndAReplyHasNoKnownThread() {
        String longText = "배송이 세 번째 미뤄졌는데 왜 아무도 설명을 안 해주나요? 사전예약 첫날 주문했고 문자도 두 번이나 왔는데 "
                + "아직도 출고 준비 중이라고만 나옵니다 &amp; 고객센터는 연결도 안 돼요 @desk_official";
        String line = "{\"created_at\":\"Sat Oct 17 01:02:03 +0000 2026\",\"id_str\":\"1862\","
                + "\"full_text\":\"RT @minsu: 배송이 세 번째 미뤄졌는데 왜 아무도 설명을 안 해주나요? 사전예약 첫날 주문했고 문자도 두…\","
                + "\"user\":{\"screen_name\":\"jiwoo\"},\"in_reply_to_status_id_str\":null,"
                + "\"retweeted_status\":{\"id_str\":\"1860\",\"created_at\":\"Sat Oct 17 01:00:00 +0000 2026\","
                + "\"full_text\":\"" + longText + "\",\"user\":{\"screen_name\":\"minsu\"}}}";
        Mention rt = MentionJson.parseLine(line).mentions().get(0);
        assertThat(rt.text()).isEqualTo("RT @minsu: " + longText.replace("&amp;", "&"));
        assertThat(rt.conversationId()).isEqualTo("1862");

        String reply = "{\"created_at\":\"Sat Oct 17 01:05:00 +0000 2026\",\"id_str\":\"1863\","
                + "\"full_text\":\"@desk_official 저도요\",\"user\":{\"screen_name\":\"hana\"},"
                + "\"in_reply_to_status_id_str\":\"1862\"}";
        assertThat(MentionJson.parseLine(reply).mentions().get(0).conversationId()).isNull();
    }

    @Test
    void v2ResponseTakesNoteTweetAndResolvesAuthorsFromIncludes() {
        String line = "{\"data\":[{\"id\":\"20\",\"text\":\"short…\",\"author_id\":\"9\",\"created_at\":"
                + "\"2026-10-17T01:00:00.000Z\",\"lang\":\"en\",\"conversation_id\":\"20\","
                + "\"note_tweet\":{\"text\":\"the whole long post &amp; more\"}},{\"id\":\"21\",\"text\":\"hi\","
                + "\"author_id\":\"9\",\"created_at\":\"2026-10-17T01:00:01Z\"}],"
                + "\"includes\":{\"users\":[{\"id\":\"9\",\"username\":\"jane\",\"name\":\"Jane\"}]}}";
        MentionJson.Parsed p = MentionJson.parseLine(line);
        assertThat(p.mentions()).hasSize(2);
        assertThat(p.mentions().get(0).text()).isEqualTo("the whole long post & more");
        assertThat(p.mentions().get(0).author()).isEqualTo("jane");
        assertThat(p.mentions().get(1).text()).isEqualTo("hi");
    }

    @Test
    void v2TweetWithoutIncludesUsersKeepsTheAuthorIdAsItsHandle() {
        MentionJson.Parsed p = MentionJson.parseLine(
                "{\"id\":\"1\",\"text\":\"x\",\"author_id\":\"5\",\"created_at\":\"2026-10-17T01:00:00Z\"}");
        assertThat(p.problems()).isEmpty();
        Mention m = p.mentions().get(0);
        assertThat(m.author()).isEqualTo("id:5");
        assertThat(m.authorName()).isNull();
        assertThat(m.permalink()).isEqualTo("https://x.com/i/status/1");
        assertThat(MentionJson.parseLine("{\"data\":{\"id\":\"1\",\"text\":\"x\",\"created_at\":"
                + "\"2026-10-17T01:00:00Z\"}}").error()).contains("author_id");
    }

    @Test
    void oneBadTweetOfAV2PageIsAProblemOfItsOwnAndTheOthersAreKept() {
        String line = "{\"data\":[{\"id\":\"30\",\"text\":\"first\",\"author_id\":\"9\",\"created_at\":"
                + "\"2026-10-17T01:00:00Z\"},{\"id\":\"31\",\"text\":\"no date\",\"author_id\":\"9\"},"
                + "{\"id\":\"32\",\"text\":\"third\",\"author_id\":\"9\",\"created_at\":\"2026-10-17T01:00:02Z\"}],"
                + "\"includes\":{\"users\":[{\"id\":\"9\",\"username\":\"jane\"}]}}";
        MentionJson.Parsed p = MentionJson.parseLine(line);
        assertThat(p.mentions()).extracting(Mention::platformId).containsExactly("30", "32");
        assertThat(p.problems()).singleElement().asString()
                .startsWith("data[1] (id 31): ").contains("created_at");
        assertThat(p.rejected()).isFalse();
    }

    @Test
    void aV2ResponseWithoutDataHoldsNoMentionsAndItsErrorsAreReported() {
        MentionJson.Parsed empty = MentionJson.parseLine("{\"meta\":{\"result_count\":0}}");
        assertThat(empty.mentions()).isEmpty();
        assertThat(empty.problems()).isEmpty();
        MentionJson.Parsed errors = MentionJson.parseLine("{\"errors\":[{\"title\":\"Not Found Error\","
                + "\"detail\":\"Could not find tweet with ids: [7].\"}]}");
        assertThat(errors.rejected()).isTrue();
        assertThat(errors.error()).contains("X API", "Could not find tweet with ids: [7].").doesNotContain("missing");
    }

    @Test
    void canonicalLineNeedsItsRequiredFields() {
        assertThat(MentionJson.parseLine("{\"id\":\"1\",\"author\":\"a\",\"text\":\"t\"}").error())
                .contains("created_at");
        assertThat(MentionJson.parseLine("{\"id\":\"1\",\"created_at\":\"2026-10-17T01:00:00Z\",\"text\":\"t\"}")
                .error()).contains("author");
        assertThat(MentionJson.parseLine("{\"id\":\"1\",\"created_at\":\"2026-10-17T01:00:00Z\",\"author\":\"a\","
                + "\"text\":\"" + "가".repeat(MentionJson.MAX_TEXT + 1) + "\"}").error()).contains("limit");
    }
}
