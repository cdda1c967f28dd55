package org.crisisdesk.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisisdesk.mention.QuarantineStore;
import org.crisisdesk.mention.TextChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code crisisdesk quarantine}: the posts set aside because they could not be stored (the desk's status bar too). */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List the posts set aside because they could not be stored (kept raw in the database; the "
                + "desk's status bar says \"N posts set aside\"): where each came from, how often it was tried, why "
                + "it failed, and its raw line. Opening the database tries them again first, as every start does.",
            "Control and bidi characters of the raw text are printed as <U+XXXX>, so a hostile post cannot move the "
                + "cursor, recolour the terminal or reorder the line.",
            "Exit status 0 when none are held, 1 when some are."})
final class QuarantineCommand implements Callable<Integer> {
    static final int RAW_SHOWN = 2_000;

    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "Held posts to list, oldest first (default: ${DEFAULT-VALUE}); all are counted.")
    int limit;

    @Option(names = "--full", description = "Print each raw line whole (default: its first " + RAW_SHOWN
            + " characters).")
    boolean full;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long count;
        List<QuarantineStore.Held> held;
        try (Services services = root.openServices()) {
            count = services.quarantine().count();
            held = services.quarantine().list(Math.max(0, limit));
        }
        if (count == 0) {
            out.println("no posts are set aside: every post was stored");
            out.flush();
            return 0;
        }
        out.printf("%d post(s) set aside: they could not be stored and are kept raw; each start tries them again%n",
                count);
        for (QuarantineStore.Held h : held) {
            out.printf("#%d %s %s · tried %d time(s) · first seen %s%n", h.id(), TextChecks.visible(h.source(), 40),
                    TextChecks.visible(h.platformId(), 200), h.attempts(), h.firstSeen());
            out.printf("  why: %s%n", TextChecks.oneLine(TextChecks.visible(h.error(), 2000)));
            out.printf("  raw: %s%n", TextChecks.visible(h.raw(), full ? Integer.MAX_VALUE : RAW_SHOWN)
                    .replace("\n", "<U+000A>").replace("\t", "<U+0009>"));
        }
        if (count > held.size()) {
            out.printf("… and %d more (--limit)%n", count - held.size());
        }
        out.flush();
        return 1;
    }
}
