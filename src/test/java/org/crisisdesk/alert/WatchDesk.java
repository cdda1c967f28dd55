package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;

/** A real desk (H2 temp file, default categories) on a hand-moved clock, with helpers to stage mentions and notices. */
public final class WatchDesk implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-10-17T01:00:00Z");
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Seoul");

    public final MutableClock clock = new MutableClock(START);
    final Path home = TempDesk.newHome();
    final List<AlertTick> ticks = new ArrayList<>();
    public Services services;
    private long nextId = 1_000;

    public WatchDesk() {
        open();
    }

    private void open() {
        services = TempDesk.open(home, clock);
        services.alerts().addListener(ticks::add);
    }

    /** Closes the database and opens it again, like a desk restart. */
    void restart() {
        services.close();
        ticks.clear();
        open();
    }

    public AlertService alerts() {
        return services.alerts();
    }

    public long category(String name) {
        return services.categories().byName(name).orElseThrow().id();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    public void advanceMinutes(long m) {
        clock.advance(Duration.ofMinutes(m));
    }

    /** {@code n} mentions created evenly over the last {@code spread} (the newest now), filed into {@code categoryId}. */
    public void mentions(Long categoryId, int n, Duration spread) {
        Instant now = clock.instant();
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = n == 1 ? now : now.minusMillis(spread.toMillis() * (n - 1 - i) / (n - 1));
            long id = nextId++;
            Mention m = new Mention("test", Long.toString(id), at, "u" + id, null, "ko", "mention " + id, null, null, null);
            batch.add(categoryId == null ? Filing.unsorted(m) : new Filing(m, categoryId, "IMPORT", null, null, null));
        }
        services.mentions().ingest(batch, null, "test");
    }

    /** A posted notice for the category, posted at the clock's time, with optional promises. */
    public long notice(long categoryId, Instant eta, Instant nextUpdate) {
        return notice(categoryId, eta, nextUpdate, null, null);
    }

    /**
     * As {@link #notice(long, Instant, Instant)}, at stage {@code step} of {@code total} (4 of 4 closes; null: 1 of 4).
     * It goes the product's way: composed from the standard Korean template, queued in the outbox and marked posted
     * by hand (the desk without an X account).
     */
    public long notice(long categoryId, Instant eta, Instant nextUpdate, Integer step, Integer total) {
        Instant now = clock.instant();
        String name = services.categories().byId(categoryId).orElseThrow().name();
        Stage stage = step == null ? new Stage(1, 4, "원인 확인") : new Stage(step, total, "진행");
        Notice facts = new Notice(categoryId, name, now, "물류팀", stage, eta, nextUpdate, null, null, null,
                NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, ZONE);
        assertThat(c.postable()).as("notice %s", c.block()).isTrue();
        long n = nextId++;
        StoredNotice queued = services.notices().outbox().queue(c.notice(), c.parts(), "watch-" + n, null);
        services.notices().outbox().markPostedByHand(queued.id(), "https://x.com/desk_official/status/" + n);
        return queued.id();
    }

    public long notice(long categoryId) {
        return notice(categoryId, null, null);
    }

    /** Files every Unsorted mention into {@code categoryId} (the boards' move, done directly). */
    void sortAllUnsortedInto(long categoryId) {
        services.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE mention SET category_id = ? WHERE category_id IS NULL")) {
                st.setLong(1, categoryId);
                st.executeUpdate();
            }
            org.crisisdesk.mention.CategoryCountStore.recount(c); // plain SQL bypasses the kept counts
        });
    }

    /** Every alert ever stored, oldest first. */
    List<Alert> all() {
        return services.alerts().store().raisedBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    public List<Alert> active() {
        return services.alerts().store().active();
    }

    List<AlertEvent> events() {
        return services.alerts().store().eventsBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public void close() {
        services.close();
    }
}
