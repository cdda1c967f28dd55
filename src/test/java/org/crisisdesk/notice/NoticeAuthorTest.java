package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 22: every notice records its author, also when it began as the composer's draft. */
class NoticeAuthorTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    Path home;
    Services services;
    Category delivery;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        services = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")));
        delivery = services.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        services.close();
    }

    Composition compose(String stage) {
        Notice facts = new Notice(delivery.id(), delivery.name(), services.clock().instant(), "물류팀",
                Stage.parse(stage), null, null, null, null, null, NoticeLang.KO, 0, null);
        return NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
    }

    @Test
    void aDraftKeepsItsWriterAsAuthorAndAsTheOneWhoAskedForApproval() {
        Outbox outbox = services.notices().outbox();
        Composition c = compose("1/4");
        StoredNotice draft = outbox.keepDraft(null, c.notice(), c.parts(), Templates.KO_STANDARD, "김민지");
        assertThat(draft.author()).isEqualTo("김민지");
        // saved again without a person (an older caller): the author stays
        draft = outbox.keepDraft(draft.id(), c.notice(), c.parts(), Templates.KO_STANDARD);
        assertThat(draft.author()).isEqualTo("김민지");

        services.notices().approvals().setRequired(true);
        assertThat(outbox.post(draft.id()).kind()).isEqualTo(Outbox.Outcome.Kind.AWAITING_APPROVAL);
        assertThat(services.notices().approvals().author(draft.id())).contains("김민지");
        assertThat(services.notices().store().find(draft.id()).orElseThrow().author()).isEqualTo("김민지");
    }

    @Test
    void aQueuedNoticeNamesItsAuthorAndANoticeWithoutOneHasNone() {
        Outbox outbox = services.notices().outbox();
        Composition c = compose("2/4");
        assertThat(outbox.queue(c.notice(), c.parts(), "k1", Templates.KO_STANDARD, "  박준호 ").author())
                .isEqualTo("박준호");
        Composition d = compose("3/4");
        assertThat(outbox.queue(d.notice(), d.parts(), "k2", Templates.KO_STANDARD).author()).isNull();
    }
}
