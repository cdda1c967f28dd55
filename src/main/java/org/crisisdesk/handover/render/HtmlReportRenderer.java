package org.crisisdesk.handover.render;

import java.time.Instant;
import java.util.List;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.EtaOutcome;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.handover.HandoverReport.ReportAlert;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Promise;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.HandoverReport.Theme;
import org.crisisdesk.handover.HandoverReport.Uncovered;

/**
 * The report as one self-contained HTML file: inline CSS (screen and print), the chart as inline SVG, no script and
 * nothing loaded from elsewhere. Every piece of text from the database goes through {@link Escape#html}; the markup is
 * also well-formed XML, which the tests use to prove that no element or attribute came from a mention.
 */
public final class HtmlReportRenderer {
    static final int TEXT_CLIP = 280;

    private HtmlReportRenderer() {}

    private static final String CSS = """
            :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-subtle: #f6f8fa; --accent: #0969da;
                    --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
            * { box-sizing: border-box; }
            body { font-family: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", system-ui,
                   sans-serif; color: var(--fg); margin: 24px auto; max-width: 1000px; padding: 0 16px;
                   font-size: 14px; line-height: 1.5; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 14px; margin: 16px 0 6px; }
            .meta { color: var(--muted); margin: 2px 0; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 150px; }
            .card .n { font-size: 22px; font-weight: 700; }
            .card .l { color: var(--muted); font-size: 12px; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
            th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            th { background: var(--bg-subtle); font-weight: 600; font-size: 13px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
            th, td { word-break: keep-all; }
            td.text { word-break: break-word; overflow-wrap: anywhere; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; margin: 4px 0 8px; }
            .chart { display: block; max-width: 100%; height: auto; }
            .chart .grid { stroke: #e6e9ec; stroke-width: 1; }
            .chart .axis-line { stroke: #8c959f; stroke-width: 1; }
            .chart .axis { fill: #59636e; font-size: 11px; font-family: inherit; }
            .chart .area { fill-opacity: 0.85; stroke-width: 0.8; }
            .tag { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600;
                   border: 1px solid currentColor; white-space: nowrap; }
            .KEPT { color: var(--good); } .MISSED { color: var(--bad); } .PENDING { color: var(--warn); }
            .REVISED { color: var(--accent); }
            .NO_ETA { color: var(--muted); } .overdue { color: var(--bad); font-weight: 600; }
            .up { color: var(--bad); } .down { color: var(--good); }
            .empty { color: var(--muted); font-style: italic; }
            .notes { white-space: pre-wrap; border-left: 4px solid var(--accent); background: var(--bg-subtle);
                     padding: 10px 14px; margin: 6px 0; }
            .ack { font-weight: 600; }
            .ack.pending { color: var(--warn); }
            footer { color: var(--muted); font-size: 12px; margin-top: 32px; border-top: 1px solid var(--line);
                     padding-top: 8px; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11.5px; }
              h2 { break-after: avoid; }
              section, table, tr, .card, svg { break-inside: avoid; }
              thead { display: table-header-group; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    public static String render(HandoverReport report, ReportText words) {
        ReportText t = words.forReport(report);
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.locale().getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(e(title(report, t))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, report, t);
        cards(h, report, t);
        volume(h, report, t);
        notices(h, report, t);
        open(h, report, t);
        handOffs(h, report, t);
        themes(h, report, t);
        notes(h, report, t);
        h.append("<footer>").append(e(t.t("report.footer", t.zone().getId()))).append("</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    static String title(HandoverReport r, ReportText t) {
        String who = r.shift() == null ? "" : " — " + r.shift().manager();
        return t.t("report.title") + who;
    }

    private static void header(StringBuilder h, HandoverReport r, ReportText t) {
        h.append("<header>\n<h1>").append(e(title(r, t))).append("</h1>\n");
        h.append("<p class=\"meta\">").append(e(t.t("report.window", t.dateTime(r.window().from()),
                t.dateTime(r.window().to())))).append(" (").append(e(t.length(r.window().length()))).append(")");
        h.append(" · ").append(e(t.t("report.generated", t.dateTime(r.generatedAt()), t.dateTime(r.asOf()))))
                .append("</p>\n");
        if (r.shift() == null) {
            h.append("<p class=\"meta\">").append(e(t.t("report.shift.none"))).append("</p>\n");
        } else {
            var s = r.shift();
            h.append("<p class=\"meta\">").append(e(t.t("report.shift.manager", s.manager()))).append(" · ")
                    .append(e(t.time(s.startedAt()))).append("–")
                    .append(e(s.endedAt() == null ? t.t("report.shift.open") : t.time(s.endedAt())));
            if (s.scheduledStart() != null && s.scheduledEnd() != null) {
                h.append(" · ").append(e(t.t("report.shift.scheduled", t.time(s.scheduledStart()),
                        t.time(s.scheduledEnd()))));
            }
            if (s.boundaryEditedAt() != null) {
                h.append(" · ").append(e(t.t("report.shift.boundaryEdited", t.dateTime(s.boundaryEditedAt()))));
            }
            h.append("</p>\n");
            var before = r.shiftBefore();
            if (before != null && before.acknowledged()) {
                h.append("<p class=\"meta\">").append(e(t.t("report.shift.began", before.acknowledgedBy(),
                        t.time(before.acknowledgedAt()), before.manager()))).append("</p>\n");
            }
        }
        h.append("</header>\n");
    }

    private static void cards(StringBuilder h, HandoverReport r, ReportText t) {
        h.append("<div class=\"cards\">\n");
        card(h, Long.toString(r.totalMentions()), t.t("report.summary.mentions") + " · "
                + t.vsPrevious(r));
        card(h, Integer.toString(r.notices().size()), t.t("report.summary.notices"));
        card(h, Integer.toString(r.open().overdue().size()), t.t("report.summary.overdue"));
        card(h, Long.toString(r.handOffs().waiting()), t.t("report.summary.handoffs"));
        card(h, Long.toString(r.open().unsorted().total()), t.t("report.summary.unsorted"));
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, String n, String label) {
        h.append("<div class=\"card\"><div class=\"n\">").append(e(n)).append("</div><div class=\"l\">")
                .append(e(label)).append("</div></div>\n");
    }

    private static void volume(StringBuilder h, HandoverReport r, ReportText t) {
        h.append("<section id=\"volume\">\n<h2>").append(e(t.t("report.volume.title"))).append("</h2>\n");
        if (r.totalMentions() == 0) {
            h.append("<p class=\"empty\">").append(e(t.t("report.volume.empty"))).append("</p>\n");
        } else {
            h.append("<p class=\"meta\">").append(e(t.t("report.volume.bucket", r.volume().bucket().toMinutes())))
                    .append("</p>\n");
            h.append(SvgStackedAreaChart.render(r.volume(), t)).append('\n');
            h.append("<div class=\"legend\">");
            for (Series s : r.volume().series()) {
                h.append("<span>");
                swatch(h, s.category().color());
                h.append(e(t.category(s.category()))).append("</span>");
            }
            h.append("</div>\n");
        }
        h.append("<table class=\"totals\">\n<thead><tr><th>").append(e(t.t("report.totals.category")))
                .append("</th><th class=\"num\">").append(e(t.t("report.totals.now")))
                .append("</th><th class=\"num\">").append(e(t.previousColumn(r))).append("</th><th class=\"num\">")
                .append(e(t.t("report.totals.change"))).append("</th></tr></thead>\n<tbody>\n");
        for (CategoryTotal c : r.totals()) {
            h.append("<tr><td>");
            swatch(h, c.category().color());
            h.append(e(t.category(c.category()))).append("</td><td class=\"num\">").append(c.count())
                    .append("</td><td class=\"num\">").append(c.previous()).append("</td><td class=\"num ")
                    .append(c.change() > 0 ? "up" : c.change() < 0 ? "down" : "").append("\">")
                    .append(e(t.change(c))).append("</td></tr>\n");
        }
        h.append("<tr><th>").append(e(t.t("report.totals.total"))).append("</th><th class=\"num\">")
                .append(r.totalMentions()).append("</th><th class=\"num\">").append(r.previousTotalMentions())
                .append("</th><th class=\"num\">").append(e(t.change(r.totalMentions(), r.previousTotalMentions())))
                .append("</th></tr>\n</tbody>\n</table>\n</section>\n");
    }

    private static void notices(StringBuilder h, HandoverReport r, ReportText t) {
        h.append("<section id=\"notices\">\n<h2>").append(e(t.t("report.notices.title"))).append("</h2>\n");
        if (r.notices().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.notices.none"))).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr>");
            for (String k : new String[] {"time", "category", "author", "department", "stage", "eta", "nextUpdate",
                "outcome", "text"}) {
                h.append("<th>").append(e(t.t("report.notices." + k))).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (PostedNotice n : r.notices()) {
                h.append("<tr><td class=\"time\">").append(e(t.time(n.postedAt()))).append("</td><td>")
                        .append(e(t.noticeCategory(n.category()))).append("</td><td class=\"author\">")
                        .append(e(t.noticePeople(n))).append("</td><td>").append(e(n.department()))
                        .append("</td><td>").append(e(t.stage(n))).append("</td><td class=\"time\">")
                        .append(e(t.time(n.eta()))).append("</td><td class=\"time\">")
                        .append(e(t.time(n.nextUpdate()))).append("</td><td>");
                outcome(h, n, t);
                h.append("</td><td class=\"text\">").append(e(Escape.clip(n.text(), TEXT_CLIP))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n<p class=\"meta\">").append(e(t.t("report.outcome.definition")))
                    .append("</p>\n");
        }
        // issue 22: a second person's decisions, approvals and sendings back, with who, when and why
        h.append("<h3>").append(e(t.t("report.decisions.title"))).append("</h3>\n");
        if (r.decisions().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.decisions.none"))).append("</p>\n");
        } else {
            h.append("<ul class=\"decisions\">\n");
            for (HandoverReport.Decision d : r.decisions()) {
                h.append("<li class=\"").append(d.approved() ? "approved" : "sent-back").append("\">")
                        .append(e(t.decision(d)));
                if (!d.approved()) {
                    h.append("<br/><span class=\"meta\">").append(e(Escape.clip(d.text(), TEXT_CLIP)))
                            .append("</span>");
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h3>").append(e(t.t("report.promised.title"))).append("</h3>\n");
        promises(h, r.promised(), t, "report.promised.none");
        h.append("</section>\n");
    }

    private static void outcome(StringBuilder h, PostedNotice n, ReportText t) {
        EtaOutcome o = n.outcome();
        h.append("<span class=\"tag ").append(o.name()).append("\">").append(e(t.t("report.outcome." + o.name())))
                .append("</span>");
        String detail = t.outcomeDetail(n);
        if (!detail.isEmpty()) {
            h.append("<br/><span class=\"meta\">").append(e(detail)).append("</span>");
        }
    }

    private static void promises(StringBuilder h, List<Promise> promises, ReportText t, String noneKey) {
        if (promises.isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t(noneKey))).append("</p>\n");
            return;
        }
        h.append("<ul class=\"promises\">\n");
        for (Promise p : promises) {
            h.append("<li").append(p.overdue() ? " class=\"overdue\"" : "").append("><strong>")
                    .append(e(t.time(p.due()))).append("</strong> · ").append(e(t.t("report.promise." + p.kind().name())))
                    .append(" · ").append(e(t.noticeCategory(p.category()))).append(" <span class=\"meta\">(")
                    .append(e(t.t("report.promise.from", t.time(p.noticePostedAt())))).append(")</span></li>\n");
        }
        h.append("</ul>\n");
    }

    private static void open(StringBuilder h, HandoverReport r, ReportText t) {
        var open = r.open();
        h.append("<section id=\"open\">\n<h2>").append(e(t.t("report.open.title"))).append("</h2>\n");
        h.append("<h3>").append(e(t.t("report.open.overdue"))).append("</h3>\n");
        promises(h, open.overdue(), t, "report.open.overdue.none");
        Promise next = open.nextUpdateDue();
        h.append("<p>").append(e(next == null ? t.t("report.open.nextUpdate.none")
                : t.t("report.open.nextUpdate", t.time(next.due()), t.noticeCategory(next.category())))).append("</p>\n");

        h.append("<h3>").append(e(t.t("report.open.uncovered"))).append("</h3>\n");
        if (open.uncovered().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.open.uncovered.none"))).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>").append(e(t.t("report.totals.category"))).append("</th><th class=\"num\">")
                    .append(e(t.t("report.open.uncovered.count"))).append("</th><th>")
                    .append(e(t.t("report.open.uncovered.oldest"))).append("</th><th>")
                    .append(e(t.t("report.open.uncovered.lastNotice"))).append("</th></tr></thead>\n<tbody>\n");
            for (Uncovered u : open.uncovered()) {
                h.append("<tr><td>");
                swatch(h, u.category().color());
                h.append(e(t.category(u.category()))).append("</td><td class=\"num\">").append(u.count())
                        .append("</td><td class=\"time\">").append(e(t.time(u.oldest()))).append("</td><td class=\"time\">")
                        .append(e(u.lastNoticeAt() == null ? t.t("report.open.uncovered.never") : t.time(u.lastNoticeAt())))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        // issue 22: who owns what, and the busy categories nobody owns
        h.append("<h3>").append(e(t.t("report.owners.title"))).append("</h3>\n");
        if (r.owners().owned().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.owners.none"))).append("</p>\n");
        } else {
            h.append("<ul class=\"owners\">\n");
            for (HandoverReport.Owner o : r.owners().owned()) {
                h.append("<li>");
                swatch(h, o.category().color());
                h.append(e(t.t("report.owners.line", t.category(o.category()), o.person(), o.handle(),
                        t.time(o.since())))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!r.owners().unownedBusy().isEmpty()) {
            h.append("<p>").append(e(t.t("report.owners.unowned"))).append("</p>\n<ul class=\"unowned\">\n");
            for (HandoverReport.CategoryTotal u : r.owners().unownedBusy()) {
                h.append("<li>");
                swatch(h, u.category().color());
                h.append(e(t.t("report.owners.unowned.line", t.category(u.category()), u.count()))).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h3>").append(e(t.t("report.open.alerts"))).append("</h3>\n");
        if (open.alerts().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.open.alerts.none"))).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>").append(e(t.t("report.open.alerts.raised"))).append("</th><th>")
                    .append(e(t.t("report.totals.category"))).append("</th><th>")
                    .append(e(t.t("report.open.alerts.reason"))).append("</th><th>")
                    .append(e(t.t("report.open.alerts.state"))).append("</th><th>")
                    .append(e(t.t("report.open.alerts.steps"))).append("</th><th>")
                    .append(e(t.t("report.open.alerts.message"))).append("</th></tr></thead>\n<tbody>\n");
            for (ReportAlert a : open.alerts()) {
                h.append("<tr><td class=\"time\">").append(e(t.time(a.raisedAt()))).append("</td><td>")
                        .append(e(t.noticeCategory(a.category()))).append("</td><td>").append(e(t.alertReason(a)))
                        .append("</td><td>").append(e(t.alertState(a, r.asOf()))).append("</td><td>")
                        .append(e(t.alertSteps(a))).append("</td><td class=\"text\">")
                        .append(e(Escape.clip(t.alertDetail(a, r.asOf()), TEXT_CLIP))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        h.append("<h3>").append(e(t.t("report.open.unsorted"))).append("</h3>\n<p>");
        var b = open.unsorted();
        h.append(e(b.total() == 0 ? t.t("report.open.unsorted.none")
                : t.t("report.open.unsorted.value", b.total(), t.time(b.oldest()), b.inWindow()))).append("</p>\n");
        h.append("</section>\n");
    }

    private static void handOffs(StringBuilder h, HandoverReport r, ReportText t) {
        var ho = r.handOffs();
        h.append("<section id=\"handoffs\">\n<h2>").append(e(t.t("report.handoffs.title"))).append("</h2>\n");
        h.append("<p>").append(e(t.t("report.handoffs.summary", ho.filedInWindow(), ho.exportedOfWindow(),
                ho.waiting()))).append("</p>\n");
        if (ho.ticketsInUse()) {
            h.append("<p id=\"handoffs-tickets\">").append(e(t.t("report.handoffs.tickets", ho.ticketsSent(),
                    ho.ticketsNotSent(), ho.ticketsPending()))).append("</p>\n");
        }
        if (ho.items().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.handoffs.none"))).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>").append(e(t.t("report.handoffs.filed"))).append("</th><th>")
                    .append(e(t.t("report.handoffs.author"))).append("</th><th>")
                    .append(e(t.t("report.handoffs.text"))).append("</th><th>")
                    .append(e(t.t("report.handoffs.state"))).append("</th></tr></thead>\n<tbody>\n");
            for (HandOff x : ho.items()) {
                h.append("<tr><td class=\"time\">").append(e(t.time(x.filedAt()))).append("</td><td>@")
                        .append(e(x.author())).append("</td><td class=\"text\">")
                        .append(e(Escape.clip(x.text(), TEXT_CLIP))).append("</td><td>");
                if (x.ticketSent()) {
                    h.append("<span class=\"tag KEPT\">").append(e(t.t("report.handoffs.ticket", x.ticket())))
                            .append("</span>");
                } else if (x.ticketState() != null) {
                    h.append("<span class=\"tag PENDING\">").append(e(t.t("report.handoffs.ticketNotSent",
                            x.ticketState()))).append("</span>");
                } else if (x.exported()) {
                    h.append("<span class=\"tag KEPT\">").append(e(t.t("report.handoffs.exported",
                            t.time(x.handedOverAt())))).append("</span>");
                } else {
                    h.append("<span class=\"tag PENDING\">").append(e(t.t("report.handoffs.notYet"))).append("</span>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (ho.more() > 0) {
                h.append("<p class=\"meta\">").append(e(t.t("report.handoffs.more", ho.more()))).append("</p>\n");
            }
        }
        h.append("</section>\n");
    }

    private static void themes(StringBuilder h, HandoverReport r, ReportText t) {
        var th = r.themes();
        h.append("<section id=\"themes\">\n<h2>").append(e(t.t("report.themes.title"))).append("</h2>\n");
        if (th.top().isEmpty()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.themes.none"))).append("</p>\n");
        } else {
            h.append("<p class=\"meta\">").append(e(t.t("report.themes.sample", th.sampled(), th.ofTotal())))
                    .append("</p>\n<ol class=\"themes\">\n");
            for (Theme x : th.top()) {
                h.append("<li><strong>").append(e(x.term())).append("</strong> <span class=\"meta\">")
                        .append(x.count()).append("</span></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n");
    }

    private static void notes(StringBuilder h, HandoverReport r, ReportText t) {
        h.append("<section id=\"notes\">\n<h2>").append(e(t.t("report.notes.title"))).append("</h2>\n");
        Shift s = r.shift();
        if (r.notes().isBlank()) {
            h.append("<p class=\"empty\">").append(e(t.t("report.notes.none"))).append("</p>\n");
        } else {
            h.append("<div class=\"notes\">").append(e(r.notes())).append("</div>\n");
            if (s != null && s.notesUpdatedAt() != null) {
                h.append("<p class=\"meta\">").append(e(t.t("report.notes.updated", t.time(s.notesUpdatedAt()))))
                        .append("</p>\n");
            }
        }
        h.append("<h2>").append(e(t.t("report.ack.title"))).append("</h2>\n");
        if (s != null && s.acknowledged()) {
            h.append("<p class=\"ack\">").append(e(t.t("report.ack.done", s.acknowledgedBy(),
                    t.dateTime(s.acknowledgedAt())))).append("</p>\n");
        } else {
            h.append("<p class=\"ack pending\">").append(e(t.t("report.ack.pending"))).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void swatch(StringBuilder h, String color) {
        h.append("<span class=\"swatch\" style=\"background:").append(Escape.color(color)).append("\"></span>");
    }

    private static String e(String s) {
        return Escape.html(s);
    }
}
