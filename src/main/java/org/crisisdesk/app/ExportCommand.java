package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.triage.Category;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write stored mentions, with their current category, as canonical JSON Lines or CSV.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced).")
    Path out;

    @Option(names = "--from", paramLabel = "ISO", description = "Only mentions created at or after this instant.")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "Only mentions created before this instant.")
    String to;

    @Option(names = "--category", paramLabel = "NAME", description = "Only this category (\"Unsorted\" for none).")
    String category;

    @Override
    public Integer call() throws IOException {
        MentionExporter.Format fmt = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "jsonl" -> MentionExporter.Format.JSONL;
            case "csv" -> MentionExporter.Format.CSV;
            default -> throw new ParameterException(spec.commandLine(), "--format must be jsonl or csv");
        };
        PrintWriter o = spec.commandLine().getOut();
        try (Services services = root.openServices()) {
            OutputFiles.refuseDeskFile(out, services.home(), services.db().url());
            Map<Long, String> names = new HashMap<>();
            for (Category c : services.categories().all()) {
                names.put(c.id(), c.name());
            }
            MentionFilter filter = MentionFilter.ALL.between(instant(from, "--from"), instant(to, "--to"));
            if (category != null) {
                if (category.equalsIgnoreCase("unsorted")) {
                    filter = filter.withUnsortedOnly(true);
                } else {
                    Category c = services.categories().byName(category).orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "No category named \"" + category + "\""));
                    filter = filter.withCategory(c.id());
                }
            }
            int n;
            try {
                n = services.exporter().export(filter, fmt, out, names::get);
            } catch (IOException e) {
                throw OutputFiles.explain(out, e);
            }
            o.printf("exported %d %s to %s%n", n, n == 1 ? "mention" : "mentions", out);
        }
        o.flush();
        return 0;
    }

    private Instant instant(String s, String option) {
        if (s == null) {
            return null;
        }
        try {
            return IsoInstants.parse(s, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be ISO-8601 with an offset, e.g. "
                    + "2026-10-17T09:00:00+09:00");
        }
    }
}
