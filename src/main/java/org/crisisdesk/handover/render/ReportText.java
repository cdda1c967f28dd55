package org.crisisdesk.handover.render;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReport.CategoryRef;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.ReportAlert;

/**
 * The report's words (Korean base, English) and how it writes times: "HH:mm" on the report's own day, "MM-dd HH:mm"
 * otherwise, always in the given zone. Immutable.
 */
public final class ReportText {
    static final String BUNDLE = "org.crisisdesk.handover.render.report";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;
    private final LocalDate day;
    private final org.crisisdesk.alert.AlertWords alertWords;

    public ReportText(Locale locale, ZoneId zone) {
        this(locale, zone, null);
    }

    private ReportText(Locale locale, ZoneId zone, LocalDate day) {
        this.locale = "ko".equals(locale.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
        this.zone = zone;
        this.day = day;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.alertWords = org.crisisdesk.alert.AlertWords.of(this.locale, this::time);
    }

    /** The same words, writing short times relative to the report's first day. */
    public ReportText forReport(HandoverReport report) {
        return new ReportText(locale, zone, report.window().from().atZone(zone).toLocalDate());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public String t(String key, Object... args) {
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : "!" + key + "!";
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** "" for null. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        var z = at.atZone(zone);
        return day != null && z.toLocalDate().equals(day) ? TIME.format(z) : DAY_TIME.format(z);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone));
    }

    public String category(CategoryRef c) {
        return c.unsorted() ? t("report.category.unsorted") : c.name();
    }

    /** Notices without a category are general notices, not "unsorted". */
    public String noticeCategory(CategoryRef c) {
        return c.unsorted() ? t("report.category.general") : c.name();
    }

    /** Issue 22: "민지" or "민지 · 준호 승인" for the author cell; "–" when the author is not known. */
    public String noticePeople(PostedNotice n) {
        String author = n.author() == null || n.author().isBlank() ? "–" : n.author();
        return n.approvedBy() == null ? author : author + " · " + t("report.notices.approvedBy", n.approvedBy());
    }

    /**
     * Issue 22: one decision line: "14:02 · 배송 지연 · notice #12 by 민지 · approved by 준호: “…”" (the comment only when
     * one was given).
     */
    public String decision(HandoverReport.Decision d) {
        String author = d.author() == null || d.author().isBlank() ? "–" : d.author();
        String line = t(d.approved() ? "report.decisions.approved" : "report.decisions.sentBack", time(d.at()),
                noticeCategory(d.category()), String.valueOf(d.noticeId()), author, d.person() == null ? "–" : d.person());
        return d.comment() == null || d.comment().isBlank() ? line
                : line + ": " + t("report.decisions.comment", d.comment());
    }

    /**
     * What followed a notice's ETA, for the outcome cell: "next notice 01:45", "ETA moved to 04:00 at 01:45", "ETA
     * dropped at 01:45", or "" (no ETA, a closing notice, nothing followed). One wording for the renderers and the desk.
     */
    public String outcomeDetail(PostedNotice n) {
        if (n.followUpAt() == null || n.outcome() == HandoverReport.EtaOutcome.NO_ETA || n.closing()) {
            return "";
        }
        if (n.outcome() == HandoverReport.EtaOutcome.REVISED) {
            return n.revisedEta() == null ? t("report.outcome.dropped", time(n.followUpAt()))
                    : t("report.outcome.revisedTo", time(n.followUpAt()), time(n.revisedEta()));
        }
        return t("report.outcome.followUp", time(n.followUpAt()));
    }

    /** The alert's reason in the report's language (as the desk words it). */
    public String alertReason(ReportAlert a) {
        return alertWords.reason(a.reason());
    }

    /** The measures behind the alert, worded from its facts; the stored (English) message when it has none. */
    public String alertDetail(ReportAlert a, Instant asOf) {
        String d = alertWords.detail(a.reason(), a.level(), a.facts(), asOf);
        return d != null ? d : a.message() == null ? "" : a.message();
    }

    /** Where the alert stood at {@code asOf}: "snooze ended (12:40)", "snoozed until 13:10", "resolved by notice #4"… */
    public String alertState(ReportAlert a, Instant asOf) {
        if (a.snoozeExpired(asOf)) {
            return t("report.open.alerts.snoozeExpired", time(a.snoozedUntil()));
        }
        if ("SNOOZED".equals(a.state()) && a.snoozedUntil() != null) {
            return t("report.open.alerts.snoozedUntil", time(a.snoozedUntil()));
        }
        try {
            return alertWords.state(org.crisisdesk.alert.AlertState.valueOf(a.state()), a.snoozedUntil(),
                    a.resolvedByNotice());
        } catch (IllegalArgumentException e) {
            return a.state();
        }
    }

    /** What was done about the alert, oldest first ("13:05 snoozed until 13:35 by Kim; 14:10 resolved by notice #12"). */
    public String alertSteps(ReportAlert a) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (HandoverReport.AlertStep s : a.steps()) {
            String w = alertWords.step(s.event(), s.snoozedUntil());
            if (w != null) {
                out.add(w);
            }
        }
        // then who outside the desk was told (e-mail, webhooks), per channel (issue 25)
        for (HandoverReport.ReportDelivery d : a.deliveries()) {
            out.add(alertWords.delivery(d.channel(), d.level(), d.state(), d.attempts(), d.createdAt(), d.sentAt(),
                    d.nextAttemptAt(), d.failure()));
        }
        return out.isEmpty() ? t("report.open.alerts.noSteps") : String.join("; ", out);
    }

    /** "2/4 label" or "" when the notice has no stage. */
    public String stage(PostedNotice n) {
        StringBuilder sb = new StringBuilder();
        if (n.stageStep() != null) {
            sb.append(n.stageStep());
            if (n.stageTotal() != null) {
                sb.append('/').append(n.stageTotal());
            }
        }
        if (n.stageLabel() != null && !n.stageLabel().isBlank()) {
            sb.append(sb.length() > 0 ? " " : "").append(n.stageLabel().strip());
        }
        return sb.toString();
    }

    /** "+7 (+140%)", "−3 (−50%)", "+4 (new)", "0". */
    public String change(CategoryTotal t) {
        return change(t.count(), t.previous());
    }

    public String change(long now, long previous) {
        long d = now - previous;
        String abs = d > 0 ? "+" + d : d < 0 ? "−" + (-d) : "0";
        if (d == 0) {
            return abs;
        }
        if (previous == 0) {
            return abs + " (" + t("report.totals.new") + ")";
        }
        long pct = Math.round(100.0 * d / previous);
        return abs + " (" + (pct > 0 ? "+" : pct < 0 ? "−" : "") + Math.abs(pct) + "%)";
    }

    /** "+11 (+85%) vs previous shift", or "… vs the 9h before" when there was no shift to compare with. */
    public String vsPrevious(HandoverReport r) {
        String change = change(r.totalMentions(), r.previousTotalMentions());
        return r.comparedWithShift() ? t("report.summary.vsPrevious", change)
                : t("report.summary.vsBefore", change, length(r.comparedWith().length()));
    }

    /** The totals' comparison column: "Previous shift (Kim)" or "Previous 9h". */
    public String previousColumn(HandoverReport r) {
        return r.comparedWithShift() ? t("report.totals.previousShift", r.comparedWith().shift().manager())
                : t("report.totals.previous", length(r.comparedWith().length()));
    }

    /** "9h", "8h 30m", "45m". */
    public String length(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        if (h == 0) {
            return m + "m";
        }
        return m == 0 ? h + "h" : h + "h " + m + "m";
    }
}
