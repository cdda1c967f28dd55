package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.LongForm;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeLint;
import org.crisisdesk.notice.NoticeRenderer;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.NoticeTimes;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Template;
import org.crisisdesk.triage.Category;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisisdesk notice render|post|list|mark-posted|longform|approve|reject}. */
@Command(name = "notice", mixinStandardHelpOptions = true,
        description = "Compose, post and export progress notices.",
        subcommands = {NoticeCommand.Render.class, NoticeCommand.Post.class, NoticeCommand.ListNotices.class,
            NoticeCommand.MarkPosted.class, NoticeCommand.LongFormCommand.class, NoticeCommand.Approve.class,
            NoticeCommand.Reject.class, NoticeCommand.Approval.class})
final class NoticeCommand extends CommandGroup {
    /** The facts of a notice, shared by render and post. */
    static final class Facts {
        @Option(names = "--category", required = true, paramLabel = "NAME", description = "The category it answers.")
        String category;

        @Option(names = "--department", paramLabel = "TEXT", description = "Who is doing the work.")
        String department;

        @Option(names = "--stage", paramLabel = "\"N/M LABEL\"", description = "Step N of M, e.g. \"2/4 재배송 준비\".")
        String stage;

        @Option(names = "--eta", paramLabel = "HH:MM|ISO", description = "When the work should be done.")
        String eta;

        @Option(names = "--next-update", paramLabel = "HH:MM|ISO", description = "When the next notice comes.")
        String nextUpdate;

        @Option(names = "--link", paramLabel = "URL", description = "The full notice, an https link.")
        String link;

        @Option(names = "--as-of", paramLabel = "ISO", description = "When the facts are true (default: now).")
        String asOf;

        @Option(names = "--lang", defaultValue = "ko", paramLabel = "ko|en", description = "Default: ${DEFAULT-VALUE}.")
        String lang;

        @Option(names = "--template", paramLabel = "FILE",
                description = "Template text (default: the stored standard template of the language).")
        Path template;

        @Option(names = "--done", paramLabel = "TEXT", description = "What has been done (one line).")
        String done;

        @Option(names = "--next", paramLabel = "TEXT", description = "What happens next (one line).")
        String next;

        @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone the notice's times are read and "
                + "written in (default: the offset written in --as-of, e.g. +09:00; else the desk's zone from its "
                + "settings, else this computer's; stderr says which when it is not the written offset).")
        String zone;

        @Option(names = "--split", description = "Split a text over the limit into a numbered thread.")
        boolean split;
    }

    /** A composed notice with what the command needs to print; {@code templateProblems} name a template's mistakes. */
    record Composed(Composition composition, String templateName, Category category, List<String> templateProblems,
            String zoneNote, boolean split) {}

    /**
     * The zone the notice's clock times are written in: {@code --zone}; else the offset written in {@code --as-of}
     * (2026-03-14T14:00+09:00 means 14:00, whatever this computer's zone); else the desk's zone setting; else this
     * computer's. The note (null when the written offset was used) says which, for stderr.
     */
    static java.util.Map.Entry<ZoneId, String> zoneFor(Services services, Facts f, CommandSpec spec) {
        DeskZone.Resolved r = DeskZone.resolveExplained(f.zone, services, spec);
        java.util.Optional<java.time.ZoneOffset> written = NoticeTimes.writtenOffset(f.asOf);
        if (f.zone == null && written.isPresent()) {
            Instant at = java.time.OffsetDateTime.parse(f.asOf.strip()).toInstant();
            // the desk's own zone when it agrees with what was written (its name and summer time), else the offset
            ZoneId zone = r.zone().getRules().getOffset(at).equals(written.get()) ? r.zone() : written.get();
            return java.util.Map.entry(zone, "");
        }
        return java.util.Map.entry(r.zone(), "time zone: " + r.zone().getId() + " (" + r.from() + ")");
    }

    static Composed compose(Services services, Facts f, CommandSpec spec) throws IOException {
        var chosen = zoneFor(services, f, spec);
        ZoneId zone = chosen.getKey();
        NoticeLang lang = NoticeLang.parse(f.lang);
        Instant now = services.clock().instant();
        Instant asOf = f.asOf == null ? now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                : named("--as-of", () -> NoticeTimes.parseAsOf(f.asOf, now, zone));
        Category category = services.categories().byName(f.category.strip()).orElse(null);
        long count = category == null ? 0 : services.notices().store().uncovered(category.id());
        Notice facts = new Notice(category == null ? null : category.id(),
                category == null ? f.category.strip() : category.name(), asOf, f.department,
                f.stage == null ? null : Stage.parse(f.stage), named("--eta", () -> NoticeTimes.parseLater(f.eta, asOf, zone)),
                named("--next-update", () -> NoticeTimes.parseLater(f.nextUpdate, asOf, zone)), f.done, f.next, f.link,
                lang, count, null);
        String body;
        String templateName;
        if (f.template != null) {
            body = readTemplate(f.template);
            templateName = f.template.getFileName().toString();
        } else {
            Template t = services.notices().templates().standard(lang);
            body = t.body();
            templateName = t.name();
        }
        return new Composed(NoticeService.compose(facts, body, f.split, zone), templateName, category,
                NoticeRenderer.problems(body), chosen.getValue().isEmpty() ? null : chosen.getValue(), f.split);
    }

    /** A time option's problem, said with the option's name. */
    private static Instant named(String option, java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static String readTemplate(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("template file not found: " + file, e);
        } catch (IOException e) {
            throw new IOException("cannot read the template file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Warnings and link notes go to stderr so that stdout is exactly the notice and the status line. */
    static void explain(Composed composed, PrintWriter err) {
        Composition c = composed.composition();
        if (composed.zoneNote() != null) {
            err.println(composed.zoneNote());
        }
        if (c.link().status() != org.crisisdesk.notice.LinkCheck.Status.EMPTY) {
            err.println("link: " + c.link().message() + (c.link().finalUrl() != null ? " → " + c.link().finalUrl() : ""));
        }
        for (NoticeLint.Warning w : c.warnings()) {
            err.println("warning: " + switch (w) {
                case NO_AS_OF -> "no as-of time in the text";
                case NO_DEPARTMENT -> "no department: who is doing the work?";
                case NO_STAGE -> "no stage: how far along is it?";
                case NO_ETA_OR_NEXT_UPDATE -> "no ETA and no next update time";
                case APOLOGY_ONLY -> "mostly apology boilerplate, few facts";
                case STALE_AS_OF -> "the as-of time is more than " + NoticeLint.STALE_AFTER.toMinutes() + " min old";
                case NO_LINK -> "no link to the full notice";
            });
        }
        if (c.block() != null && c.block() != Composition.Block.NO_CATEGORY) {
            err.println("not postable: " + switch (c.block()) {
                case EMPTY -> "the text is empty";
                case OVER_LIMIT -> composed.split()
                        ? "over the limit (" + c.measure().counter() + ") even with --split: a thread is split "
                                + "between lines and sentences, and one piece is still longer than a post; shorten the "
                                + "longest field"
                        : "over the limit (" + c.measure().counter() + "); shorten it or use --split";
                case LINK_INVALID -> c.link().message();
                case TEMPLATE_INVALID -> "the template has mistakes: " + String.join(" ", composed.templateProblems());
                case NO_CATEGORY -> "no such category";
            });
        }
    }

    /** The text as it would be posted, then the status line. */
    static void print(Composition c, PrintWriter out) {
        if (c.thread()) {
            for (int i = 0; i < c.parts().size(); i++) {
                if (i > 0) {
                    out.println("---");
                }
                out.println(c.parts().get(i));
            }
        } else {
            out.println(c.text());
        }
        boolean valid = c.block() == null || c.block() == Composition.Block.NO_CATEGORY;
        out.println("weighted_length=" + c.measure().weighted() + " valid=" + valid);
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Print a notice as it would be posted, then one line: weighted_length=N valid=true|false.",
                "valid: the platform would accept it as printed (a split thread: every part fits) and the link is usable."})
    static final class Render implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Mixin
        Facts facts = new Facts();

        @Override
        public Integer call() throws Exception {
            try (Services services = cli.openServices()) {
                Composed c = compose(services, facts, cli.spec());
                explain(c, cli.err());
                print(c.composition(), cli.out());
            }
            cli.out().flush();
            return 0;
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true,
            description = {"Queue a notice and post it through the outbox (exactly once; a re-run with the same facts "
                + "finds the same notice).", "Exit: 0 posted, 1 failed, 3 not connected (kept for posting by hand), "
                + "4 queued for a retry, 5 warnings without --anyway, 6 waiting for a second person's approval."})
    static final class Post implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Mixin
        Facts facts = new Facts();

        @Option(names = "--anyway", description = "Post even when the says-something check warns.")
        boolean anyway;

        @Option(names = "--as", paramLabel = "NAME",
                description = "Who writes it (default: the desk's name from its settings, else the OS user); with "
                        + "approval on, another person approves it.")
        String as;

        @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS",
                description = "Keep retrying a transient failure for up to this long (default: ${DEFAULT-VALUE}).")
        long waitSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = cli.out();
            PrintWriter err = cli.err();
            try (Services services = cli.openServices()) {
                Composed c = compose(services, facts, cli.spec());
                Composition comp = c.composition();
                explain(c, err);
                print(comp, out);
                if (c.category() == null) {
                    throw cli.usageError("No category named \"" + facts.category + "\"");
                }
                if (!comp.postable()) {
                    out.println("state=NOT_QUEUED");
                    return 1;
                }
                if (!comp.warnings().isEmpty() && !anyway) {
                    err.println("Not posted: fix the warnings above or pass --anyway.");
                    out.println("state=NOT_QUEUED");
                    return 5;
                }
                Outbox outbox = services.notices().outbox();
                outbox.recover();
                StoredNotice n = outbox.queue(comp.notice(), comp.parts(), key(c), c.templateName(),
                        person(services, as));
                Outbox.Outcome o = outbox.post(n.id());
                Instant deadline = services.clock().instant().plusSeconds(Math.max(0, waitSeconds));
                while (o.kind() == Outbox.Outcome.Kind.RETRY_SCHEDULED && o.notice().nextAttemptAt() != null
                        && !o.notice().nextAttemptAt().isAfter(deadline)) {
                    Duration pause = Duration.between(services.clock().instant(), o.notice().nextAttemptAt());
                    err.println("retrying in " + Math.max(0, pause.toSeconds()) + " s: " + o.notice().failure());
                    Thread.sleep(Math.max(0, pause.toMillis()));
                    o = outbox.post(n.id());
                }
                return report(o, out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }

        /** Same category, as-of and text: the same notice. */
        private static String key(Composed c) throws NoSuchAlgorithmException {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Notice n = c.composition().notice();
            String material = "cli|" + n.categoryId() + "|" + n.asOf() + "|" + String.join("\u0000", c.composition().parts());
            return "cli-" + HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)));
        }

        private static int report(Outbox.Outcome o, PrintWriter out, PrintWriter err) {
            StoredNotice n = o.notice();
            switch (o.kind()) {
                case POSTED, ALREADY_POSTED -> {
                    out.println("state=POSTED id=" + n.id() + " url=" + (n.platformUrl() == null ? "" : n.platformUrl()));
                    return 0;
                }
                case NOT_CONNECTED -> {
                    err.println("Not connected: notice #" + n.id() + " is kept. Post the text above by hand, then run: "
                            + "crisisdesk notice mark-posted " + n.id() + " --url URL");
                    out.println("state=NOT_CONNECTED id=" + n.id());
                    return 3;
                }
                case AWAITING_APPROVAL -> {
                    err.println("Notice #" + n.id() + " waits for a second person: crisisdesk notice approve " + n.id()
                            + " --as NAME");
                    out.println("state=AWAITING_APPROVAL id=" + n.id());
                    return 6;
                }
                case RETRY_SCHEDULED, IN_PROGRESS -> {
                    err.println(n.failure() == null ? o.message() : n.failure());
                    out.println("state=" + n.state() + " id=" + n.id() + " next_attempt="
                            + (n.nextAttemptAt() == null ? "" : n.nextAttemptAt()));
                    return 4;
                }
                default -> {
                    err.println(n.failure());
                    out.println("state=FAILED id=" + n.id() + " reason=" + n.failureKind());
                    return 1;
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Notices, newest first.")
    static final class ListNotices implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            try (Services services = cli.openServices()) {
                for (StoredNotice n : services.notices().store().recent(limit)) {
                    out.printf("#%d %s %s %s %s%s%n", n.id(), n.state(), n.notice().asOf(), n.notice().category(),
                            n.notice().stage() == null ? "-" : n.notice().stage().fraction(),
                            n.platformUrl() != null ? " " + n.platformUrl()
                                    : n.failureKind() != null ? " (" + n.failureKind() + ")" : "");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "mark-posted", mixinStandardHelpOptions = true,
            description = "Record a notice posted by hand, with the post's URL.")
    static final class MarkPosted implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--url", required = true, paramLabel = "URL")
        String url;

        @Override
        public Integer call() {
            try (Services services = cli.openServices()) {
                StoredNotice n = services.notices().outbox().markPostedByHand(id, url);
                cli.out().println("state=" + n.state() + " id=" + n.id() + " url=" + n.platformUrl()
                        + " covered=" + services.notices().store().coveredBy(n.id()));
            }
            cli.out().flush();
            return 0;
        }
    }

    /** The subcommand's {@code --as NAME}, else the global one, else the home's person, else the OS user. */
    static String person(Services services, String as) {
        if (as != null && !as.isBlank()) {
            return as.strip();
        }
        return services.person().name();
    }

    /**
     * What approve and reject share: a second person (not the author) decides on a notice waiting for approval. A
     * refused decision prints the reason and the notice's state, exit 1.
     */
    abstract static class Decide implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--as", paramLabel = "NAME",
                description = "Who decides (default: the global --as, else the desk's person, else the OS user); not the author.")
        String as;

        @Option(names = "--comment", paramLabel = "TEXT",
                description = "A note kept with the decision (sending back: what to change, for the author).")
        String comment;

        /** Records the decision of {@code person}; throws IllegalStateException or IllegalArgumentException if refused. */
        abstract StoredNotice decide(Services services, String person);

        /** Acts on the recorded decision and prints what came of it; the exit code. */
        abstract int report(Services services, StoredNotice decided, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            PrintWriter err = cli.err();
            try (Services services = cli.openServices()) {
                StoredNotice decided;
                try {
                    decided = decide(services, person(services, as));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    err.println(e.getMessage());
                    out.println("state=" + services.notices().store().find(id).map(n -> n.state().name())
                            .orElse("NONE") + " id=" + id);
                    return 1;
                }
                return report(services, decided, out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approve a notice waiting for a second person, and post it (exactly once).",
                "Exit: 0 posted, 1 failed or refused (the author cannot approve it), 3 not connected (kept), "
                    + "4 queued for a retry."})
    static final class Approve extends Decide {
        @Override
        StoredNotice decide(Services services, String person) {
            return services.notices().approvals().approve(id, person, comment);
        }

        @Override
        int report(Services services, StoredNotice decided, PrintWriter out, PrintWriter err) {
            return Post.report(services.notices().outbox().post(id), out, err);
        }
    }

    @Command(name = "approval", mixinStandardHelpOptions = true,
            description = "Show, or turn on/off, the team setting that notices need a second person's approval "
                    + "(shared by every desk on the database; without a stored value: on for PostgreSQL, off for H2).")
    static final class Approval implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(index = "0", arity = "0..1", paramLabel = "on|off")
        String value;

        @Override
        public Integer call() {
            try (Services services = cli.openServices()) {
                if (value != null) {
                    if (!value.equalsIgnoreCase("on") && !value.equalsIgnoreCase("off")) {
                        throw cli.usageError("Say on or off, not \"" + value + "\"");
                    }
                    services.notices().approvals().setRequired(value.equalsIgnoreCase("on"));
                }
                cli.out().println("approval=" + (services.notices().approvals().required() ? "on"
                        : "off"));
            }
            cli.out().flush();
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = {"Send a notice waiting for approval back to its author with a comment; it is not posted.",
                "Exit: 0 sent back, 1 refused (the author cannot decide on it, or it is not waiting)."})
    static final class Reject extends Decide {
        @Override
        StoredNotice decide(Services services, String person) {
            return services.notices().approvals().sendBack(id, person, comment);
        }

        @Override
        int report(Services services, StoredNotice decided, PrintWriter out, PrintWriter err) {
            out.println("state=SENT_BACK id=" + decided.id());
            return 0;
        }
    }

    @Command(name = "longform", mixinStandardHelpOptions = true,
            description = "The full notice of a category for the blog or homepage, as Markdown (default) or HTML.")
    static final class LongFormCommand implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Option(names = "--category", required = true, paramLabel = "NAME")
        String category;

        @Option(names = "--lang", defaultValue = "ko", paramLabel = "ko|en")
        String lang;

        @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the times in the text (default: the "
                + "desk's zone from its settings, else this computer's).")
        String zone;

        @Option(names = "--html", description = "Print HTML instead of Markdown.")
        boolean html;

        @Option(names = "--out", paramLabel = "DIR", description = "Write both files into DIR and print their paths.")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = cli.out();
            try (Services services = cli.openServices()) {
                ZoneId z = DeskZone.resolve(zone, services, cli.spec());
                Category c = services.categories().byName(category.strip()).orElseThrow(() -> cli.usageError("No category named \"" + category + "\""));
                var timeline = services.notices().timeline(c.id());
                Instant now = services.clock().instant();
                LongForm.Document d = LongForm.render(c.name(), timeline, List.of(), NoticeLang.parse(lang), z, now);
                if (out != null) {
                    Instant asOf = timeline.isEmpty() ? now : timeline.latest().facts().asOf();
                    List<Path> files;
                    try {
                        files = LongForm.save(out, c.id(), asOf, z, d);
                    } catch (IOException e) {
                        throw OutputFiles.explain(out.resolve("notice-" + c.id() + "-…"), e);
                    }
                    files.forEach(o::println);
                } else {
                    o.print(html ? d.html() : d.markdown());
                }
            }
            o.flush();
            return 0;
        }
    }
}
