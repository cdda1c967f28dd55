package org.crisisdesk.desk.alerts;

import java.time.Instant;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.Facts;
import org.crisisdesk.alert.Phase;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.feed.RelativeTime;

/** Words for an alert in the desk's language, from its reason and facts (the stored message is English). */
public final class AlertText {
    private final DeskContext ctx;

    public AlertText(DeskContext ctx) {
        this.ctx = ctx;
    }

    public String category(Alert a) {
        return a.categoryId() == null ? ctx.t("alerts.unsorted")
                : a.categoryName() != null ? a.categoryName() : "#" + a.categoryId();
    }

    /** "배송 지연 · 멘션 급증 기준 도달"; the backlog alone ("미분류 적체"), as its reason already names the column. */
    public String title(Alert a) {
        String reason = ctx.t("alerts.reason." + a.reason().name());
        return a.categoryId() == null ? reason : category(a) + " · " + reason;
    }

    /** "최근 15분 새 멘션 43건, 마지막 공지 52분 전". */
    public String detail(Alert a) {
        Facts f = a.facts();
        return switch (a.reason()) {
            case VOLUME -> f.has("noticeAgo")
                    ? ctx.t("alerts.detail.volume", f.getLong("count", 0), f.getLong("window", 0), f.getLong("noticeAgo", 0))
                    : ctx.t("alerts.detail.volume.noNotice", f.getLong("count", 0), f.getLong("window", 0));
            case CADENCE -> cadence(a, f);
            case ETA_MISSED -> ctx.t("eta".equals(f.get("promise")) ? "alerts.detail.eta" : "alerts.detail.nextUpdate",
                    f.get("notice"), clock(f.getInstant("promised")), f.getLong("late", 0));
            case SPIKE -> ctx.t("alerts.detail.spike", f.getLong("recent", 0), f.getLong("window", 0), f.get("baseline"));
            case BACKLOG -> ctx.t("alerts.detail.backlog", f.getLong("count", 0), f.getLong("oldestMinutes", 0));
        };
    }

    private String cadence(Alert a, Facts f) {
        Instant due = f.getInstant("due");
        String phase = phase(f.get("phase"));
        long every = f.getLong("every", 0);
        long ago = f.getLong("noticeAgo", 0);
        if (a.level() >= 2) {
            long late = due == null ? 0 : Math.max(0, (ctx.clock().instant().getEpochSecond() - due.getEpochSecond()) / 60);
            return ctx.t("alerts.detail.cadence.overdue", late, every, ago, phase);
        }
        long in = due == null ? 0 : Math.max(0, (due.getEpochSecond() - ctx.clock().instant().getEpochSecond() + 59) / 60);
        return ctx.t("alerts.detail.cadence.due", in, every, ago, phase);
    }

    public String phase(String name) {
        try {
            return ctx.t("alerts.phase." + Phase.valueOf(name).name());
        } catch (RuntimeException e) {
            return name == null ? "" : name;
        }
    }

    /** "열림", "12:45까지 미룸", "공지 #12로 해결", "저절로 해소", "무시함". */
    public String state(Alert a) {
        if (a.state() == AlertState.SNOOZED && a.snoozedUntil() != null) {
            return ctx.t("alerts.state.SNOOZED", clock(a.snoozedUntil()));
        }
        if (a.state() == AlertState.RESOLVED) {
            return a.resolvedByNotice() != null ? ctx.t("alerts.state.resolvedByNotice", String.valueOf(a.resolvedByNotice()))
                    : ctx.t("alerts.state.cleared");
        }
        return ctx.t("alerts.state." + a.state().name());
    }

    public String level(Alert a) {
        return ctx.t("alerts.level." + Math.max(1, Math.min(3, a.level())));
    }

    public String raised(Alert a) {
        return ctx.t("alerts.raisedAt", clock(a.raisedAt()));
    }

    private String clock(Instant t) {
        return t == null ? "?" : RelativeTime.clock(t, ctx.zone());
    }
}
