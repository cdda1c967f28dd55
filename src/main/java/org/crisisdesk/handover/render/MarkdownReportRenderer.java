package org.crisisdesk.handover.render;

import java.util.List;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.handover.HandoverReport.ReportAlert;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Promise;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Theme;
import org.crisisdesk.handover.HandoverReport.Uncovered;
import org.crisisdesk.handover.Shift;

/**
 * The report as GitHub-flavoured Markdown, for chat and wikis. The chart becomes a sparkline per category. Every piece
 * of database text goes through {@link Escape#markdown}, so a mention cannot add markup, links or raw HTML.
 */
public final class MarkdownReportRenderer {
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

    private MarkdownReportRenderer() {}

    public static String render(HandoverReport r, ReportText words) {
        ReportText t = words.forReport(r);
        StringBuilder m = new StringBuilder(16_000);
        m.append("# ").append(md(HtmlReportRenderer.title(r, t))).append("\n\n");
        m.append(md(t.t("report.window", t.dateTime(r.window().from()), t.dateTime(r.window().to()))))
                .append(" (").append(t.length(r.window().length())).append(") · ")
                .append(md(t.t("report.generated", t.dateTime(r.generatedAt()), t.dateTime(r.asOf())))).append("  \n");
        Shift s = r.shift();
        if (s == null) {
            m.append(md(t.t("report.shift.none"))).append("\n\n");
        } else {
            m.append(md(t.t("report.shift.manager", s.manager()))).append(" · ").append(md(t.time(s.startedAt())))
                    .append("–").append(md(s.endedAt() == null ? t.t("report.shift.open") : t.time(s.endedAt())));
            if (s.scheduledStart() != null && s.scheduledEnd() != null) {
                m.append(" · ").append(md(t.t("report.shift.scheduled", t.time(s.scheduledStart()),
                        t.time(s.scheduledEnd()))));
            }
            if (s.boundaryEditedAt() != null) {
                m.append(" · ").append(md(t.t("report.shift.boundaryEdited", t.dateTime(s.boundaryEditedAt()))));
            }
            m.append("  \n");
            Shift before = r.shiftBefore();
            if (before != null && before.acknowledged()) {
                m.append(md(t.t("report.shift.began", before.acknowledgedBy(), t.time(before.acknowledgedAt()),
                        before.manager()))).append("\n");
            }
            m.append('\n');
        }
        m.append("- **").append(md(t.t("report.summary.mentions"))).append("** ").append(r.totalMentions())
                .append(" (").append(md(t.vsPrevious(r))).append(")\n");
        m.append("- **").append(md(t.t("report.summary.notices"))).append("** ").append(r.notices().size()).append('\n');
        m.append("- **").append(md(t.t("report.summary.overdue"))).append("** ").append(r.open().overdue().size())
                .append('\n');
        m.append("- **").append(md(t.t("report.summary.handoffs"))).append("** ").append(r.handOffs().waiting())
                .append('\n');
        m.append("- **").append(md(t.t("report.summary.unsorted"))).append("** ").append(r.open().unsorted().total())
                .append("\n\n");

        m.append("## ").append(md(t.t("report.volume.title"))).append("\n\n");
        m.append(md(t.t("report.volume.bucket", r.volume().bucket().toMinutes()))).append("\n\n");
        m.append("| ").append(md(t.t("report.totals.category"))).append(" | ").append(md(t.t("report.totals.now")))
                .append(" | ").append(md(t.previousColumn(r))).append(" | ")
                .append(md(t.t("report.totals.change"))).append(" | ").append(md(t.t("report.volume.trend")))
                .append(" |\n|---|---:|---:|---:|---|\n");
        for (CategoryTotal c : r.totals()) {
            m.append("| ").append(md(t.category(c.category()))).append(" | ").append(c.count()).append(" | ")
                    .append(c.previous()).append(" | ").append(md(t.change(c))).append(" | ")
                    .append(spark(r, c)).append(" |\n");
        }
        m.append("| **").append(md(t.t("report.totals.total"))).append("** | **").append(r.totalMentions())
                .append("** | ").append(r.previousTotalMentions()).append(" | ")
                .append(md(t.change(r.totalMentions(), r.previousTotalMentions()))).append(" |  |\n\n");

        m.append("## ").append(md(t.t("report.notices.title"))).append("\n\n");
        if (r.notices().isEmpty()) {
            m.append("_").append(md(t.t("report.notices.none"))).append("_\n\n");
        } else {
            m.append("| ");
            for (String k : new String[] {"time", "category", "author", "department", "stage", "eta", "nextUpdate",
                "outcome", "text"}) {
                m.append(md(t.t("report.notices." + k))).append(" | ");
            }
            m.append("\n|---|---|---|---|---|---|---|---|---|\n");
            for (PostedNotice n : r.notices()) {
                String outcome = t.t("report.outcome." + n.outcome().name());
                String detail = t.outcomeDetail(n);
                if (!detail.isEmpty()) {
                    outcome += " (" + detail + ")";
                }
                m.append("| ").append(md(t.time(n.postedAt()))).append(" | ").append(md(t.noticeCategory(n.category())))
                        .append(" | ").append(md(t.noticePeople(n))).append(" | ").append(md(n.department())).append(" | ").append(md(t.stage(n))).append(" | ")
                        .append(md(t.time(n.eta()))).append(" | ").append(md(t.time(n.nextUpdate()))).append(" | ")
                        .append(n.outcome() == HandoverReport.EtaOutcome.MISSED ? "**" + md(outcome) + "**" : md(outcome))
                        .append(" | ").append(md(Escape.clip(n.text(), HtmlReportRenderer.TEXT_CLIP))).append(" |\n");
            }
            m.append('\n').append(md(t.t("report.outcome.definition"))).append("\n\n");
        }
        // issue 22: a second person's decisions, approvals and sendings back, with who, when and why
        m.append("### ").append(md(t.t("report.decisions.title"))).append("\n\n");
        if (r.decisions().isEmpty()) {
            m.append("_").append(md(t.t("report.decisions.none"))).append("_\n\n");
        } else {
            for (HandoverReport.Decision d : r.decisions()) {
                m.append("- ").append(md(t.decision(d)));
                if (!d.approved()) {
                    m.append(" — ").append(md(Escape.clip(d.text(), HtmlReportRenderer.TEXT_CLIP)));
                }
                m.append('\n');
            }
            m.append('\n');
        }
        m.append("### ").append(md(t.t("report.promised.title"))).append("\n\n");
        promises(m, r.promised(), t, "report.promised.none");

        m.append("## ").append(md(t.t("report.open.title"))).append("\n\n");
        m.append("### ").append(md(t.t("report.open.overdue"))).append("\n\n");
        promises(m, r.open().overdue(), t, "report.open.overdue.none");
        Promise next = r.open().nextUpdateDue();
        m.append(md(next == null ? t.t("report.open.nextUpdate.none")
                : t.t("report.open.nextUpdate", t.time(next.due()), t.noticeCategory(next.category())))).append("\n\n");
        m.append("### ").append(md(t.t("report.open.uncovered"))).append("\n\n");
        if (r.open().uncovered().isEmpty()) {
            m.append("_").append(md(t.t("report.open.uncovered.none"))).append("_\n\n");
        } else {
            m.append("| ").append(md(t.t("report.totals.category"))).append(" | ")
                    .append(md(t.t("report.open.uncovered.count"))).append(" | ")
                    .append(md(t.t("report.open.uncovered.oldest"))).append(" | ")
                    .append(md(t.t("report.open.uncovered.lastNotice"))).append(" |\n|---|---:|---|---|\n");
            for (Uncovered u : r.open().uncovered()) {
                m.append("| ").append(md(t.category(u.category()))).append(" | ").append(u.count()).append(" | ")
                        .append(md(t.time(u.oldest()))).append(" | ").append(md(u.lastNoticeAt() == null
                                ? t.t("report.open.uncovered.never") : t.time(u.lastNoticeAt()))).append(" |\n");
            }
            m.append('\n');
        }
        // issue 22: who owns what, and the busy categories nobody owns
        m.append("### ").append(md(t.t("report.owners.title"))).append("\n\n");
        if (r.owners().owned().isEmpty()) {
            m.append("_").append(md(t.t("report.owners.none"))).append("_\n\n");
        } else {
            for (HandoverReport.Owner o : r.owners().owned()) {
                m.append("- ").append(md(t.t("report.owners.line", t.category(o.category()), o.person(), o.handle(),
                        t.time(o.since())))).append('\n');
            }
            m.append('\n');
        }
        if (!r.owners().unownedBusy().isEmpty()) {
            m.append(md(t.t("report.owners.unowned"))).append("\n\n");
            for (HandoverReport.CategoryTotal u : r.owners().unownedBusy()) {
                m.append("- ").append(md(t.t("report.owners.unowned.line", t.category(u.category()), u.count())))
                        .append('\n');
            }
            m.append('\n');
        }
        m.append("### ").append(md(t.t("report.open.alerts"))).append("\n\n");
        if (r.open().alerts().isEmpty()) {
            m.append("_").append(md(t.t("report.open.alerts.none"))).append("_\n\n");
        } else {
            for (ReportAlert a : r.open().alerts()) {
                m.append("- ").append(md(t.time(a.raisedAt()))).append(" · ").append(md(t.noticeCategory(a.category())))
                        .append(" · ").append(md(t.alertReason(a))).append(" · ")
                        .append(md(t.alertState(a, r.asOf()))).append(" — ")
                        .append(md(Escape.clip(t.alertDetail(a, r.asOf()), HtmlReportRenderer.TEXT_CLIP)))
                        .append(" (").append(md(t.alertSteps(a))).append(")\n");
            }
            m.append('\n');
        }
        var b = r.open().unsorted();
        m.append("### ").append(md(t.t("report.open.unsorted"))).append("\n\n")
                .append(md(b.total() == 0 ? t.t("report.open.unsorted.none")
                        : t.t("report.open.unsorted.value", b.total(), t.time(b.oldest()), b.inWindow())))
                .append("\n\n");

        var ho = r.handOffs();
        m.append("## ").append(md(t.t("report.handoffs.title"))).append("\n\n")
                .append(md(t.t("report.handoffs.summary", ho.filedInWindow(), ho.exportedOfWindow(), ho.waiting())))
                .append("\n\n");
        if (ho.ticketsInUse()) {
            m.append(md(t.t("report.handoffs.tickets", ho.ticketsSent(), ho.ticketsNotSent(), ho.ticketsPending())))
                    .append("\n\n");
        }
        if (ho.items().isEmpty()) {
            m.append("_").append(md(t.t("report.handoffs.none"))).append("_\n\n");
        } else {
            m.append("| ").append(md(t.t("report.handoffs.filed"))).append(" | ")
                    .append(md(t.t("report.handoffs.author"))).append(" | ").append(md(t.t("report.handoffs.text")))
                    .append(" | ").append(md(t.t("report.handoffs.state"))).append(" |\n|---|---|---|---|\n");
            for (HandOff x : ho.items()) {
                m.append("| ").append(md(t.time(x.filedAt()))).append(" | @").append(md(x.author())).append(" | ")
                        .append(md(Escape.clip(x.text(), HtmlReportRenderer.TEXT_CLIP))).append(" | ")
                        .append(md(x.ticketSent() ? t.t("report.handoffs.ticket", x.ticket())
                                : x.ticketState() != null ? t.t("report.handoffs.ticketNotSent", x.ticketState())
                                : x.exported() ? t.t("report.handoffs.exported", t.time(x.handedOverAt()))
                                : t.t("report.handoffs.notYet"))).append(" |\n");
            }
            if (ho.more() > 0) {
                m.append('\n').append(md(t.t("report.handoffs.more", ho.more()))).append('\n');
            }
            m.append('\n');
        }

        m.append("## ").append(md(t.t("report.themes.title"))).append("\n\n");
        if (r.themes().top().isEmpty()) {
            m.append("_").append(md(t.t("report.themes.none"))).append("_\n\n");
        } else {
            m.append(md(t.t("report.themes.sample", r.themes().sampled(), r.themes().ofTotal()))).append("\n\n");
            int i = 1;
            for (Theme x : r.themes().top()) {
                m.append(i++).append(". **").append(md(x.term())).append("** ").append(x.count()).append('\n');
            }
            m.append('\n');
        }

        m.append("## ").append(md(t.t("report.notes.title"))).append("\n\n");
        if (r.notes().isBlank()) {
            m.append("_").append(md(t.t("report.notes.none"))).append("_\n\n");
        } else {
            m.append(Escape.markdownBlock(r.notes())).append('\n');
            if (s != null && s.notesUpdatedAt() != null) {
                m.append("_").append(md(t.t("report.notes.updated", t.time(s.notesUpdatedAt())))).append("_\n\n");
            }
        }
        m.append("## ").append(md(t.t("report.ack.title"))).append("\n\n");
        m.append(s != null && s.acknowledged()
                ? "**" + md(t.t("report.ack.done", s.acknowledgedBy(), t.dateTime(s.acknowledgedAt()))) + "**"
                : "_" + md(t.t("report.ack.pending")) + "_").append("\n\n");
        m.append("---\n").append(md(t.t("report.footer", t.zone().getId()))).append('\n');
        return m.toString();
    }

    private static void promises(StringBuilder m, List<Promise> promises, ReportText t, String noneKey) {
        if (promises.isEmpty()) {
            m.append("_").append(md(t.t(noneKey))).append("_\n\n");
            return;
        }
        for (Promise p : promises) {
            m.append("- **").append(md(t.time(p.due()))).append("** · ").append(md(t.t("report.promise." + p.kind())))
                    .append(" · ").append(md(t.noticeCategory(p.category()))).append(" (")
                    .append(md(t.t("report.promise.from", t.time(p.noticePostedAt())))).append(")\n");
        }
        m.append('\n');
    }

    /** The category's volume over the window as block characters, scaled to its own peak. */
    static String spark(HandoverReport r, CategoryTotal c) {
        for (Series s : r.volume().series()) {
            if (java.util.Objects.equals(s.category().id(), c.category().id())) {
                long max = 0;
                for (long v : s.counts()) {
                    max = Math.max(max, v);
                }
                StringBuilder sb = new StringBuilder();
                for (long v : s.counts()) {
                    sb.append(max == 0 ? BARS[0] : BARS[(int) Math.round((BARS.length - 1) * (double) v / max)]);
                }
                return sb.toString();
            }
        }
        return "";
    }

    private static String md(String s) {
        return Escape.markdown(s);
    }
}
