package org.crisisdesk.desk.alerts;

import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertWords;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.RelativeTime;

/**
 * Words for an alert in the desk's language, from its reason and facts (the stored message is English). The wording
 * itself is {@link AlertWords}, shared with the handover report.
 */
public final class AlertText {
    private final DeskContext ctx;
    private final AlertWords words;

    public AlertText(DeskContext ctx) {
        this.ctx = ctx;
        this.words = new AlertWords(ctx::t, t -> RelativeTime.clock(t, ctx.zone()));
    }

    public String category(Alert a) {
        return words.category(a.categoryId(), a.categoryName());
    }

    /** "배송 지연 · 멘션 급증 기준 도달"; the backlog alone ("미분류 적체"), as its reason already names the column. */
    public String title(Alert a) {
        String reason = words.reason(a.reason().name());
        return a.categoryId() == null ? reason : category(a) + " · " + reason;
    }

    /** "최근 15분 새 멘션 43건, 마지막 공지 52분 전". */
    public String detail(Alert a) {
        String d = words.detail(a.reason().name(), a.level(), a.facts(), ctx.clock().instant());
        return d != null ? d : a.message();
    }

    public String phase(String name) {
        return words.phase(name);
    }

    /** "열림", "12:45까지 미룸", "공지 #12로 해결", "저절로 해소", "무시함". */
    public String state(Alert a) {
        return words.state(a.state(), a.snoozedUntil(), a.resolvedByNotice());
    }

    public String level(Alert a) {
        return words.level(a.level());
    }

    /** "mail (주의): 14:02 보냄", "slack (경고): 보내지 못함 (8회 시도): …". */
    public String delivery(org.crisisdesk.alert.delivery.Delivery d) {
        return words.delivery(d.channel(), d.level(), d.state(), d.attempts(), d.createdAt(), d.sentAt(),
                d.nextAttemptAt(), d.failure());
    }

    public String raised(Alert a) {
        return ctx.t("alerts.raisedAt", a.raisedAt() == null ? "?" : RelativeTime.clock(a.raisedAt(), ctx.zone()));
    }
}
