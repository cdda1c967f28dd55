package org.crisisdesk.alert.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertWords;

/**
 * What an alert channel says: the category, the reason in words, the level and the numbers behind it. Never a
 * mention's text (untrusted, and personal), never a secret, no link.
 */
public record AlertMessage(long alertId, int level, String category, String reason, String reasonWords,
        String detail, Map<String, String> numbers, Instant raisedAt, String subject, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static AlertMessage of(Alert a, int level, Locale locale, ZoneId zone, Instant now) {
        AlertWords w = AlertWords.of(locale, t -> TIME.format(t.atZone(zone)));
        String category = w.category(a.categoryId(), a.categoryName());
        String reasonWords = w.reason(a.reason().name());
        String detail = w.detail(a.reason().name(), level, a.facts(), now);
        if (detail == null) {
            detail = a.message();
        }
        boolean ko = locale.getLanguage().equals("ko");
        String subject = "[CrisisDesk] " + w.level(level) + " · " + category + " · " + reasonWords;
        StringBuilder b = new StringBuilder();
        b.append(ko ? "분류: " : "Category: ").append(category).append('\n');
        b.append(ko ? "이유: " : "Reason: ").append(reasonWords).append(" — ").append(detail).append('\n');
        b.append(ko ? "단계: " : "Level: ").append(w.level(level)).append('\n');
        b.append(ko ? "처음 울린 때: " : "Raised: ").append(TIME.format(a.raisedAt().atZone(zone))).append(" (")
                .append(zone.getId()).append(")\n");
        Map<String, String> numbers = a.facts().asMap();
        if (!numbers.isEmpty()) {
            b.append(ko ? "숫자: " : "Numbers: ");
            numbers.forEach((k, v) -> b.append(k).append('=').append(v).append("  "));
            b.append('\n');
        }
        b.append('\n').append(ko ? "데스크에서 확인(미루기·닫기)하거나 공지를 올리면 이 경보는 더 전달되지 않습니다."
                : "Acknowledge it at a desk (snooze or dismiss) or post a notice, and it is not passed on further.");
        return new AlertMessage(a.id(), level, category, a.reason().name(), reasonWords, detail, numbers,
                a.raisedAt(), subject, b.toString());
    }
}
