package org.crisisdesk.handover;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisdesk.app.Services;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.Rules;

/**
 * Writes rows straight into the V1 tables, the way the boards, notices and alerts features will, so the report can be
 * tested before (and independently of) those features.
 */
public final class ReportFixture {
    private final Services s;
    private final AtomicLong ids = new AtomicLong(1000);

    public ReportFixture(Services s) {
        this.s = s;
    }

    /** Hostile text that must come out of every renderer as text. */
    public static final String SCRIPT = "<script>alert('x')</script> 환불 요청";
    public static final String IMG = "<img src=x onerror=alert(1)> 알림";

    /** Ids of what {@link #standard} wrote. */
    public record Standard(long delivery, long billing, long login, long cc, long dayShift, long nightShift) {}

    /**
     * The shared scenario (UTC): a day shift 00:00–09:00 on 2026-10-17 (09–18 in Seoul) after a night shift; the clock
     * should read 09:30. See ReportModelTest for the expected figures.
     */
    public static Standard standard(Services s) {
        ReportFixture f = new ReportFixture(s);
        long delivery = f.topic("배송 지연", "#E8590C");
        long billing = f.topic("요금 오류", "#1971C2");
        long login = f.topic("앱 로그인", "#2F9E44");
        long cc = f.customerCentre();
        ShiftStore shifts = new ShiftStore(s.db());
        Shift night = shifts.record("Night <Owl>", dayBefore("15:00"), at("00:00"), null);
        Shift day = shifts.record("김민지", at("00:00"), at("09:00"), null);
        s.db().inTransactionVoid(c -> c.createStatement().executeUpdate("UPDATE shift SET acknowledged_by = '김민지', "
                + "acknowledged_at = TIMESTAMP WITH TIME ZONE '2026-10-17 00:02:00+00' WHERE id = " + night.id()));
        shifts.saveNotes(day.id(), "배터리 가설 배제함 <b>확정</b>. 물류팀 박과장에게 전화", at("08:55"));

        // volume: this window
        f.mention(at("00:00"), delivery, "edge: first instant is in");
        f.mentions(3, at("00:10"), delivery);
        f.mentions(6, at("03:00"), delivery);
        f.mentions(2, at("07:00"), delivery);
        f.mentions(3, at("04:00"), billing);
        f.mention(at("09:00"), delivery, "edge: window end is out");
        // previous window of equal length (15:00-00:00 the day before)
        f.mentions(5, dayBefore("20:00"), delivery);
        f.mentions(6, dayBefore("21:00"), billing);
        f.mention(dayBefore("14:00"), null, "older unsorted backlog");
        f.mention(dayBefore("16:00"), null, "unsorted in the previous shift");
        // unsorted mentions in the window (themes)
        f.mention(at("01:00"), null, "유심 인증이 안 돼요 @skt_help https://t.co/abc");
        f.mention(at("01:10"), null, "유심 인증 오류 계속 나요");
        f.mention(at("02:00"), null, "유심을 바꿨는데 인증 문자가 안 와요");
        f.mention(at("02:30"), null, "인증 문자 안 옴 #유심");
        f.mention(at("05:00"), null, "eSIM 개통 인증 실패 ㅠㅠ");
        f.mention(at("06:00"), null, "와이파이 연결 안됨 " + SCRIPT);
        // customer centre: one exported, one waiting (hostile text), one filed by a move, one old still waiting
        f.mention(at("02:00"), cc, "개인정보 포함 문의", at("05:00"));
        f.mention(at("03:30"), cc, SCRIPT);
        long moved = f.mention(at("01:00"), billing, "이중 청구 " + IMG);
        f.move(moved, cc, at("06:30"));
        f.mention(dayBefore("18:00"), cc, "어제 받은 문의");

        // notices
        f.notice("POSTED", delivery, dayBefore("20:00"), at("00:30"), null, 1, 4, "어제 안내");
        f.notice("POSTED", delivery, at("01:00"), at("02:00"), at("01:30"), 1, 4, "배송 지연 안내 1 " + SCRIPT);
        long second = f.notice("POSTED", delivery, at("01:45"), at("04:00"), null, 2, 4, "배송 지연 안내 2");
        f.notice("POSTED", delivery, at("05:00"), at("12:00"), at("10:00"), 3, 4, "배송 지연 안내 3");
        f.notice("POSTED", billing, at("02:00"), at("03:00"), null, 1, 3, "요금 오류 확인 중");
        f.notice("QUEUED", billing, at("02:30"), at("05:00"), null, 2, 3, "not posted");
        f.notice("POSTED", billing, at("09:10"), null, null, 2, 3, "posted after the window");
        f.notice("POSTED", login, at("06:00"), at("08:00"), null, 3, 3, "로그인 복구 완료");

        // alerts, with their history (alert_event) as the alert service writes it
        long volume = f.alert(billing, "VOLUME", "OPEN", IMG, at("04:30"), null); // stored without facts: message shown
        f.alertEvent(volume, "RAISED", 1, "OPEN", "watch", null, null, at("04:30"));
        long cadence = f.alert(delivery, "CADENCE", "SNOOZED", "Notice overdue", at("06:00"), at("08:00"),
                "due=2026-10-17T05:45:00Z;every=60;noticeAgo=75;phase=INVESTIGATING", 2);
        f.alertEvent(cadence, "RAISED", 2, "OPEN", "watch", null, null, at("06:00"));
        f.alertEvent(cadence, "SNOOZED", 2, "SNOOZED", "김민지 <i>", "110 min", null, at("06:10"));
        long spike = f.alert(delivery, "SPIKE", "RESOLVED", "resolved", at("02:00"), null,
                "recent=9;window=15;baseline=2", 1);
        f.alertEvent(spike, "RAISED", 1, "OPEN", "watch", null, null, at("02:00"));
        f.alertEvent(spike, "RESOLVED", 1, "RESOLVED", "watch", "notice #" + second, second, at("02:20"));
        long backlog = f.alert(null, "BACKLOG", "DISMISSED", "dismissed", at("03:00"), null,
                "count=25;oldestMinutes=40", 1);
        f.alertEvent(backlog, "RAISED", 1, "OPEN", "watch", null, null, at("03:00"));
        f.alertEvent(backlog, "DISMISSED", 1, "DISMISSED", "Night <Owl>", null, null, at("03:05"));
        // before the window: one still open (listed), one cleared then (not listed)
        long old = f.alert(login, "VOLUME", "OPEN", "old", dayBefore("23:00"), null, "count=12;window=15", 1);
        f.alertEvent(old, "RAISED", 1, "OPEN", "watch", null, null, dayBefore("23:00"));
        long gone = f.alert(login, "SPIKE", "RESOLVED", "gone", dayBefore("22:00"), null, "recent=5;window=15;baseline=1", 1);
        f.alertEvent(gone, "RAISED", 1, "OPEN", "watch", null, null, dayBefore("22:00"));
        f.alertEvent(gone, "CLEARED", 1, "RESOLVED", "watch", "condition cleared", null, dayBefore("23:30"));
        return new Standard(delivery, billing, login, cc, day.id(), night.id());
    }

    public static Instant at(String hhmm) {
        return Instant.parse("2026-10-17T" + hhmm + ":00Z");
    }

    public static Instant dayBefore(String hhmm) {
        return Instant.parse("2026-10-16T" + hhmm + ":00Z");
    }

    /** The topic of that name: the demo's default when it has one, else created. */
    long topic(String name, String color) {
        return s.categories().byName(name)
                .orElseGet(() -> s.categories().create(name, color, Category.Kind.TOPIC, Rules.NONE)).id();
    }

    long customerCentre() {
        return s.categories().all().stream().filter(Category::customerCentre).findFirst()
                .orElseGet(() -> s.categories().create("고객센터", "#5F3DC4", Category.Kind.CUSTOMER_CENTRE, Rules.NONE))
                .id();
    }

    long mention(Instant createdAt, Long category, String text) {
        return mention(createdAt, category, text, null);
    }

    long mention(Instant createdAt, Long category, String text, Instant handedOverAt) {
        return s.db().inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                    + "received_at, author, author_name, lang, text, category_id, assigned_by, handed_over_at) "
                    + "VALUES ('x', ?, ?, ?, ?, ?, 'ko', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                long id = ids.incrementAndGet();
                st.setString(1, Long.toString(id));
                Jdbc.setInstant(st, 2, createdAt);
                Jdbc.setInstant(st, 3, createdAt);
                st.setString(4, "user" + id);
                st.setString(5, "User <b>" + id + "</b>");
                st.setString(6, text);
                Jdbc.setLong(st, 7, category);
                st.setString(8, category == null ? null : "MANUAL");
                Jdbc.setInstant(st, 9, handedOverAt);
                st.executeUpdate();
                new org.crisisdesk.mention.CategoryCountStore.Changes().added(category, 1).applyTo(c);
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void mentions(int n, Instant createdAt, Long category) {
        for (int i = 0; i < n; i++) {
            mention(createdAt, category, "mention " + i);
        }
    }

    /** A move on the boards: the mention goes to {@code to} at {@code when}. */
    void move(long pk, Long to, Instant when) {
        s.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE mention SET category_id = ? WHERE pk = ?")) {
                Jdbc.setLong(st, 1, to);
                st.setLong(2, pk);
                st.executeUpdate();
            }
            org.crisisdesk.mention.CategoryCountStore.recount(c); // plain SQL bypasses the kept counts
            try (PreparedStatement st = c.prepareStatement("INSERT INTO assignment (mention_pk, from_category, "
                    + "to_category, actor, reason, at) VALUES (?, NULL, ?, 'test', 'MANUAL', ?)")) {
                st.setLong(1, pk);
                Jdbc.setLong(st, 2, to);
                Jdbc.setInstant(st, 3, when);
                st.executeUpdate();
            }
        });
    }

    public long notice(String state, Long category, Instant postedAt, Instant eta, Instant nextUpdate, Integer step,
            Integer total, String text) {
        return s.db().inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notice (category_id, state, text, lang, as_of, "
                    + "department, stage_step, stage_total, stage_label, eta, next_update, created_at, updated_at, "
                    + "posted_at) VALUES (?, ?, ?, 'ko', ?, '물류팀', ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setLong(st, 1, category);
                st.setString(2, state);
                st.setString(3, text);
                Jdbc.setInstant(st, 4, postedAt);
                setInt(st, 5, step);
                setInt(st, 6, total);
                st.setString(7, step == null ? null : "단계 " + step);
                Jdbc.setInstant(st, 8, eta);
                Jdbc.setInstant(st, 9, nextUpdate);
                Jdbc.setInstant(st, 10, postedAt);
                Jdbc.setInstant(st, 11, postedAt);
                Jdbc.setInstant(st, 12, "POSTED".equals(state) ? postedAt : null);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    long alert(Long category, String reason, String state, String message, Instant raisedAt, Instant snoozedUntil) {
        return alert(category, reason, state, message, raisedAt, snoozedUntil, "", 1);
    }

    long alert(Long category, String reason, String state, String message, Instant raisedAt, Instant snoozedUntil,
            String facts, int level) {
        return s.db().inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert (category_id, reason, state, message, "
                    + "raised_at, updated_at, snoozed_until, facts, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setLong(st, 1, category);
                st.setString(2, reason);
                st.setString(3, state);
                st.setString(4, message);
                Jdbc.setInstant(st, 5, raisedAt);
                Jdbc.setInstant(st, 6, raisedAt);
                Jdbc.setInstant(st, 7, snoozedUntil);
                st.setString(8, facts);
                st.setInt(9, level);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void alertEvent(long alertId, String kind, int level, String state, String actor, String detail, Long noticeId,
            Instant at) {
        s.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_event (alert_id, kind, level, state, actor, "
                    + "detail, notice_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setLong(1, alertId);
                st.setString(2, kind);
                st.setInt(3, level);
                st.setString(4, state);
                st.setString(5, actor);
                st.setString(6, detail);
                Jdbc.setLong(st, 7, noticeId);
                Jdbc.setInstant(st, 8, at);
                st.executeUpdate();
            }
        });
    }

    private static void setInt(PreparedStatement st, int i, Integer v) throws java.sql.SQLException {
        if (v == null) {
            st.setNull(i, java.sql.Types.INTEGER);
        } else {
            st.setInt(i, v);
        }
    }
}
