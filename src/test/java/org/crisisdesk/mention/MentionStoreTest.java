package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class MentionStoreTest {

    @Test
    void redeliveredBatchIsStoredOnceAndCheckpointMovesWithIt() {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            List<Filing> batch = List.of(Filing.unsorted(TempDesk.mention("x", "101", "배송 언제 와요?")),
                    Filing.unsorted(TempDesk.mention("x", "102", "where is my phone")),
                    Filing.unsorted(TempDesk.mention("x", "101", "same id again in the same batch")));
            List<StoredMention> first = s.mentions().ingest(batch, new Checkpoint("x:test", "102"), "t");
            List<StoredMention> again = s.mentions().ingest(batch, new Checkpoint("x:test", "102"), "t");

            assertThat(first).extracting(StoredMention::platformId).containsExactly("101", "102");
            assertThat(again).isEmpty();
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(2);
            assertThat(s.mentions().checkpoint("x:test")).contains("102");
        }
    }

    @Test
    void sameIdFromAnotherSourceIsAnotherMention() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            s.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("x", "7", "a"))), null, "t");
            s.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("replay", "7", "a"))), null, "t");
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(2);
        }
    }

    @Test
    void aConversationIsItsFirstPostAndItsRepliesOldestFirstFromOneSource() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            java.time.Instant t = java.time.Instant.parse("2026-10-17T01:00:00Z");
            s.mentions().ingest(List.of(
                    Filing.unsorted(reply("x", "300", t.plusSeconds(30), "100")),
                    Filing.unsorted(reply("x", "100", t, null)), // the first post, stored after a reply
                    Filing.unsorted(reply("x", "200", t.plusSeconds(20), "100")),
                    Filing.unsorted(reply("x", "400", t.plusSeconds(10), "999")),
                    Filing.unsorted(reply("replay", "500", t.plusSeconds(5), "100"))), null, "t");

            assertThat(s.mentions().conversation("x", "100", 10)).extracting(StoredMention::platformId)
                    .containsExactly("100", "200", "300");
            assertThat(s.mentions().conversation("x", "100", 2)).extracting(StoredMention::platformId)
                    .containsExactly("200", "300"); // the newest two
            assertThat(s.mentions().conversation("x", null, 10)).isEmpty();
        }
    }

    private static Mention reply(String source, String id, java.time.Instant at, String conversation) {
        return new Mention(source, id, at, "user" + id, null, "ko", "text " + id, conversation, null, null);
    }

    @Test
    void pagesNewestFirstAndFiltersByTextAuthorAndCategory() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            long cat = s.categories().ensure("배송 지연").id();
            s.mentions().ingest(List.of(
                    new Filing(TempDesk.mention("x", "1", "택배가 안 와요"), cat, "IMPORT", null, null, null),
                    Filing.unsorted(TempDesk.mention("x", "2", "유심비 27,500원?")),
                    Filing.unsorted(TempDesk.mention("x", "3", "100% sure_thing"))), null, "t");

            assertThat(s.mentions().page(MentionFilter.ALL, 10)).extracting(StoredMention::platformId)
                    .containsExactly("3", "2", "1");
            assertThat(s.mentions().page(MentionFilter.ALL.withText("유심"), 10)).extracting(StoredMention::platformId)
                    .containsExactly("2");
            // LIKE wildcards in the search text are taken literally
            assertThat(s.mentions().page(MentionFilter.ALL.withText("0% s"), 10)).hasSize(1);
            assertThat(s.mentions().page(MentionFilter.ALL.withText("_"), 10)).extracting(StoredMention::platformId)
                    .containsExactly("3");
            assertThat(s.mentions().page(MentionFilter.category(cat), 10)).extracting(StoredMention::platformId)
                    .containsExactly("1");
            assertThat(s.mentions().page(MentionFilter.category(null), 10)).hasSize(2);
            assertThat(s.mentions().page(MentionFilter.ALL.withAuthor("@user2"), 10)).hasSize(1);
            assertThat(s.mentions().countsByCategory()).containsEntry(cat, 1L).containsEntry(null, 2L);
            long firstPk = s.mentions().page(MentionFilter.ALL, 1).get(0).pk();
            assertThat(s.mentions().page(MentionFilter.ALL.before(firstPk), 10)).hasSize(2);
        }
    }

    @Test
    void importedAndAutoFiledMentionsGetTheirFirstHistoryRow() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            long cat = s.categories().ensure("개통 오류").id();
            s.mentions().ingest(List.of(
                    new Filing(TempDesk.mention("x", "1", "개통이 안 돼요"), cat, "AUTO", cat, 0.97, "matched: 개통")),
                    null, "desk-a");
            long rows = s.db().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM assignment WHERE reason = 'AUTO' AND actor = 'desk-a'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(1);
        }
    }
}
