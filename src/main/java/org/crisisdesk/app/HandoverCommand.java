package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.ReportWindow;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code crisisdesk handover}: the shift handover report as a file, without a window (for a scheduled job). */
@Command(name = "handover", mixinStandardHelpOptions = true,
        description = {"Write the shift handover report (HTML or Markdown) for a time window.",
            "Without --from/--to: the shift just ending (the open shift, or the last ended one). "
                    + "Only --from: up to now. Only --to: the 12 hours before it."})
final class HandoverCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "ISO",
            description = "Window start, e.g. 2026-10-17T09:00:00+09:00 (without an offset: in --zone).")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "Window end (exclusive).")
    String to;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|md",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced).")
    Path out;

    @Option(names = "--lang", defaultValue = "ko", paramLabel = "ko|en",
            description = "Language of the report (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone the report shows times in, e.g. Asia/Seoul (default: the desk's zone from its "
                    + "settings, else this computer's).")
    String zone;

    @Override
    public Integer call() throws IOException {
        ReportFormat fmt;
        try {
            fmt = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format must be html or md");
        }
        if (!lang.equalsIgnoreCase("ko") && !lang.equalsIgnoreCase("en")) {
            throw new ParameterException(spec.commandLine(), "--lang must be ko or en");
        }
        PrintWriter o = spec.commandLine().getOut();
        try (Services services = root.openServices()) {
            OutputFiles.refuseDeskFile(out, services.home(), services.db().url());
            ZoneId z = DeskZone.resolve(zone, services, spec);
            Instant start = instant(from, "--from", z);
            Instant end = instant(to, "--to", z);
            ReportWindow window;
            try {
                window = window(services, start, end);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            HandoverReport report = services.handover().build(window);
            try {
                fmt.write(report, new ReportText(Locale.forLanguageTag(lang.toLowerCase(Locale.ROOT)), z), out);
            } catch (IOException e) {
                throw OutputFiles.explain(out, e);
            }
            o.printf("handover report %s – %s (%s): %d mentions, %d notices, %d alerts (%d open) → %s%n",
                    report.window().from().atZone(z).toLocalDateTime(), report.window().to().atZone(z).toLocalDateTime(),
                    z.getId(), report.totalMentions(), report.notices().size(), report.open().alerts().size(),
                    report.open().alerts().stream().filter(HandoverReport.ReportAlert::open).count(), out);
        }
        o.flush();
        return 0;
    }

    private static ReportWindow window(Services services, Instant start, Instant end) {
        Instant now = services.clock().instant();
        if (start == null && end == null) {
            return services.shifts().defaultWindow();
        }
        if (start == null) {
            return ReportWindow.of(end.minus(Duration.ofHours(12)), end);
        }
        return ReportWindow.of(start, end != null ? end : now);
    }

    private Instant instant(String s, String option, ZoneId z) {
        if (s == null) {
            return null;
        }
        try {
            return IsoInstants.parse(s, z);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be ISO-8601, e.g. "
                    + "2026-10-17T09:00:00+09:00");
        }
    }
}
