package org.crisisdesk.notice;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A desk on a fresh database whose outbox posts to a local fake of the X API over real HTTP, on a clock the test
 * moves, with one category; the set-up {@link OutboxTest} and {@link ApprovalTest} share. Each test gets its own.
 */
abstract class OutboxFixture {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z"); // 14:00 Seoul

    Path home;
    MutableClock clock;
    Services services;
    FakeXServer server;
    HttpTestPublisher publisher;
    Category delivery;

    @BeforeEach
    void open() throws Exception {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        services = TempDesk.open(home, clock);
        server = new FakeXServer(clock);
        publisher = new HttpTestPublisher(server.baseUrl(), Duration.ofSeconds(3));
        services.setPublisherProvider(() -> publisher);
        delivery = services.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    Outbox outbox() {
        return services.notices().outbox();
    }

    /** The facts of a delivery notice at the clock's time, at {@code stage} ("2/4 재배송 준비"). */
    Notice facts(String stage) {
        return new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", Stage.parse(stage),
                clock.instant().plus(Duration.ofHours(4)), clock.instant().plus(Duration.ofHours(2)), null, null,
                "https://example.com/notice/42", NoticeLang.KO, 0, null);
    }

    /** Queues the notice of {@link #facts}, in the Korean standard template, with no author. */
    StoredNotice queue(String stage) {
        Composition c = compose(stage);
        return outbox().queue(c.notice(), c.parts(), "key-" + stage, Templates.KO_STANDARD);
    }

    /** Queues the notice of {@link #facts}, written by {@code author}. */
    StoredNotice queue(String stage, String author) {
        Composition c = compose(stage);
        return outbox().queue(c.notice(), c.parts(), "key-" + stage, Templates.KO_STANDARD, author);
    }

    private Composition compose(String stage) {
        return NoticeService.compose(facts(stage), Templates.standard(NoticeLang.KO).body(), false, SEOUL);
    }
}
