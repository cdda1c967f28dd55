package org.crisisdesk.notice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The full notice for the company blog or homepage (the short notice links there), as Markdown and as one
 * self-contained HTML file: the current state, what is known, what is next, the timeline of notices with promises
 * kept or missed, and when the next update comes.
 *
 * <p>Every piece of text that came from a person or a mention is escaped: in HTML nothing becomes markup (no tags, no
 * attributes, no script; a Content-Security-Policy forbids scripts besides), in Markdown inline syntax and raw HTML are
 * neutralised. Only links that pass {@link LinkCheck} become links.
 */
public final class LongForm {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private LongForm() {}

    /** Both renderings of one long-form notice. */
    public record Document(String title, String markdown, String html) {}

    /**
     * @param category the category's name
     * @param timeline the category's posted notices
     * @param quotes mention texts to quote (may be empty); escaped like everything else
     */
    public static Document render(String category, NoticeTimeline timeline, List<String> quotes, NoticeLang lang,
            ZoneId zone, Instant now) {
        Words w = lang == NoticeLang.KO ? Words.KO : Words.EN;
        NoticeTimeline.Entry latest = timeline.latest();
        Notice cur = latest == null ? null : latest.facts();
        String title = w.title.formatted(category == null ? "" : category);
        Instant asOf = cur != null && cur.asOf() != null ? cur.asOf() : now;
        String stamp = w.asOf.formatted(DAY_TIME.format(asOf.atZone(zone)) + " (" + zone.getId() + ")");

        List<String[]> state = new ArrayList<>();
        if (cur != null) {
            add(state, w.department, cur.department());
            add(state, w.stage, cur.stage() == null ? null : stageText(cur.stage(), lang));
            add(state, w.eta, cur.eta() == null ? null : NoticeTimes.relative(cur.eta(), cur.asOf(), zone, lang));
            add(state, w.nextUpdate, cur.nextUpdate() == null ? null
                    : NoticeTimes.relative(cur.nextUpdate(), cur.asOf(), zone, lang));
        }
        List<String> known = new ArrayList<>();
        for (NoticeTimeline.Entry e : timeline.entries()) {
            if (e.facts().doneLine() != null) {
                known.add(clock(e.facts(), zone) + " — " + e.facts().doneLine());
            }
        }
        String next = cur == null ? null : cur.nextLine();
        String link = cur == null ? null : cur.link();
        LinkCheck linkCheck = LinkCheck.check(link);
        String href = linkCheck.usable() ? linkCheck.finalUrl() : null;

        StringBuilder md = new StringBuilder();
        md.append("# ").append(md(title)).append("\n\n");
        md.append('_').append(md(stamp)).append("_\n\n");
        md.append("## ").append(w.now).append("\n\n");
        if (cur == null) {
            md.append(w.noNotice).append("\n\n");
        } else {
            if (cur.resolved()) {
                md.append("**").append(w.resolved).append("**\n\n");
            }
            for (String[] row : state) {
                md.append("- ").append(row[0]).append(": ").append(md(row[1])).append('\n');
            }
            md.append('\n');
        }
        md.append("## ").append(w.known).append("\n\n");
        if (known.isEmpty()) {
            md.append(w.nothingYet).append("\n\n");
        } else {
            known.forEach(k -> md.append("- ").append(md(k)).append('\n'));
            md.append('\n');
        }
        if (next != null) {
            md.append("## ").append(w.next).append("\n\n").append(md(next)).append("\n\n");
        }
        if (!quotes.isEmpty()) {
            md.append("## ").append(w.quotes).append("\n\n");
            quotes.forEach(q -> md.append("> ").append(md(q)).append("\n>\n"));
            md.setLength(md.length() - 2); // no empty quote line after the last one
            md.append('\n');
        }
        md.append("## ").append(w.timeline).append("\n\n");
        if (timeline.isEmpty()) {
            md.append(w.noNotice).append("\n\n");
        } else {
            md.append("| ").append(String.join(" | ", w.columns)).append(" |\n");
            md.append("|---|---|---|---|---|\n");
            for (NoticeTimeline.Entry e : timeline.entries()) {
                md.append("| ").append(String.join(" | ", row(e, lang, zone, w).stream().map(LongForm::md).toList()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (cur != null && cur.nextUpdate() != null) {
            md.append("## ").append(w.nextUpdate).append("\n\n")
                    .append(md(w.nextUpdateLine.formatted(NoticeTimes.relative(cur.nextUpdate(), cur.asOf(), zone, lang))))
                    .append("\n\n");
        }
        if (href != null) {
            md.append("[").append(md(w.source)).append("](").append(mdUrl(href)).append(")\n");
        }

        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<title>").append(html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        h.append("<h1>").append(html(title)).append("</h1>\n");
        h.append("<p class=\"as-of\">").append(html(stamp)).append("</p>\n");
        h.append("<h2>").append(html(w.now)).append("</h2>\n");
        if (cur == null) {
            h.append("<p>").append(html(w.noNotice)).append("</p>\n");
        } else {
            if (cur.resolved()) {
                h.append("<p class=\"resolved\">").append(html(w.resolved)).append("</p>\n");
            }
            h.append("<dl>\n");
            for (String[] row : state) {
                h.append("<dt>").append(html(row[0])).append("</dt><dd>").append(html(row[1])).append("</dd>\n");
            }
            h.append("</dl>\n");
        }
        h.append("<h2>").append(html(w.known)).append("</h2>\n");
        if (known.isEmpty()) {
            h.append("<p>").append(html(w.nothingYet)).append("</p>\n");
        } else {
            h.append("<ul>\n");
            known.forEach(k -> h.append("<li>").append(html(k)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (next != null) {
            h.append("<h2>").append(html(w.next)).append("</h2>\n<p>").append(html(next)).append("</p>\n");
        }
        if (!quotes.isEmpty()) {
            h.append("<h2>").append(html(w.quotes)).append("</h2>\n");
            quotes.forEach(q -> h.append("<blockquote>").append(html(q)).append("</blockquote>\n"));
        }
        h.append("<h2>").append(html(w.timeline)).append("</h2>\n");
        if (timeline.isEmpty()) {
            h.append("<p>").append(html(w.noNotice)).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr>");
            for (String c : w.columns) {
                h.append("<th>").append(html(c)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (NoticeTimeline.Entry e : timeline.entries()) {
                h.append("<tr>");
                List<String> cells = row(e, lang, zone, w);
                for (int i = 0; i < cells.size(); i++) {
                    String cls = i == cells.size() - 1 ? " class=\"promise " + e.eta().name().toLowerCase() + "\"" : "";
                    h.append("<td").append(cls).append(">").append(html(cells.get(i))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (cur != null && cur.nextUpdate() != null) {
            h.append("<h2>").append(html(w.nextUpdate)).append("</h2>\n<p>")
                    .append(html(w.nextUpdateLine.formatted(
                            NoticeTimes.relative(cur.nextUpdate(), cur.asOf(), zone, lang))))
                    .append("</p>\n");
        }
        if (href != null) {
            h.append("<p><a href=\"").append(html(href)).append("\" rel=\"noopener noreferrer\">")
                    .append(html(w.source)).append("</a></p>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return new Document(title, md.toString(), h.toString());
    }

    /** Writes {@code DIR/notice-<category id>-<as-of>.md} and {@code .html} (replacing them); returns both paths. */
    public static List<Path> save(Path dir, long categoryId, Instant asOf, ZoneId zone, Document doc)
            throws IOException {
        Files.createDirectories(dir);
        String base = "notice-" + categoryId + "-" + FILE_STAMP.format(asOf.atZone(zone));
        Path md = write(dir.resolve(base + ".md"), doc.markdown());
        Path html = write(dir.resolve(base + ".html"), doc.html());
        return List.of(md, html);
    }

    private static Path write(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void add(List<String[]> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {label, value});
        }
    }

    private static String clock(Notice n, ZoneId zone) {
        return n.asOf() == null ? "–" : NoticeTimes.clock(n.asOf(), zone);
    }

    private static String stageText(Stage s, NoticeLang lang) {
        String head = lang == NoticeLang.KO ? s.total() + "단계 중 " + s.step() + "단계"
                : "step " + s.step() + " of " + s.total();
        return s.hasLabel() ? head + " — " + s.label() : head;
    }

    private static List<String> row(NoticeTimeline.Entry e, NoticeLang lang, ZoneId zone, Words w) {
        Notice n = e.facts();
        return List.of(
                clock(n, zone),
                n.department() == null ? "–" : n.department(),
                n.stage() == null ? "–" : n.stage().toString(),
                n.eta() == null ? "–" : NoticeTimes.relative(n.eta(), n.asOf(), zone, lang),
                w.promise(e.eta()));
    }

    /** Text for HTML element content and quoted attribute values. */
    static String html(String s) {
        return org.crisisdesk.mention.TextChecks.escapeHtml(s);
    }

    /** Inline Markdown text: raw HTML and markup characters neutralised, one line. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("[\\r\\n]+", " ");
        StringBuilder b = new StringBuilder(one.length() + 16);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A checked URL inside {@code (...)}: parentheses and spaces encoded so the link cannot end early. */
    private static String mdUrl(String url) {
        return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E");
    }

    private record Words(String title, String asOf, String now, String department, String stage, String eta,
            String nextUpdate, String known, String next, String quotes, String timeline, String[] columns,
            String noNotice, String nothingYet, String resolved, String nextUpdateLine, String source,
            String kept, String revised, String missed, String pending, String none) {
        static final Words KO = new Words("[%s] 진행 상황 안내", "%s 기준", "현재 상황", "담당", "진행 단계", "완료 예상",
                "다음 안내", "지금까지 확인된 내용", "다음 작업", "고객 문의 예시", "안내 기록",
                new String[] {"기준 시각", "담당", "단계", "완료 예상", "예상 시각 준수"}, "아직 게시된 안내가 없습니다.",
                "아직 정리된 내용이 없습니다.", "조치가 완료되었습니다.", "%s에 다시 안내드리겠습니다.", "공지 원문",
                "지킴", "변경 안내", "지키지 못함", "진행 중", "–");
        static final Words EN = new Words("%s: progress notice", "As of %s", "Where things stand", "Team", "Stage",
                "Expected fix", "Next update", "What we know", "What happens next", "What customers report",
                "Notice history", new String[] {"As of", "Team", "Stage", "Expected fix", "ETA kept?"},
                "No notice has been posted yet.", "Nothing confirmed yet.", "The work is complete.",
                "We will update you at %s.", "Original notice", "kept", "revised in time", "missed", "pending", "–");

        String promise(NoticeTimeline.Promise p) {
            return switch (p) {
                case KEPT -> kept;
                case REVISED -> revised;
                case MISSED -> missed;
                case PENDING -> pending;
                case NONE -> none;
            };
        }
    }

    private static final String CSS = """
            body { font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif;
                   color: #1f2328; background: #fff; margin: 0; line-height: 1.6; }
            main { max-width: 720px; margin: 0 auto; padding: 32px 20px; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
            .as-of { color: #59636e; margin-top: 0; }
            .resolved { color: #1a7f37; font-weight: bold; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
            dt { color: #59636e; } dd { margin: 0; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d0d7de; }
            blockquote { margin: 8px 0; padding: 4px 12px; border-left: 3px solid #d0d7de; color: #59636e; }
            .promise.kept { color: #1a7f37; } .promise.missed { color: #cf222e; } .promise.revised { color: #9a6700; }
            @media (prefers-color-scheme: dark) {
              body { background: #0d1117; color: #e6edf3; } h2, th, td { border-color: #30363d; }
              .as-of, dt, blockquote { color: #9198a1; }
            }
            """;
}
