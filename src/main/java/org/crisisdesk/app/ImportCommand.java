package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisisdesk.source.FileImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load mentions from JSON Lines files: CrisisDesk's canonical lines, X API v1.1 tweet objects or "
                + "X API v2 tweet objects/responses. A line with a \"category\" is filed there (created if missing).",
            "Exit status 1 when any line (or any tweet of an X API v2 page) was rejected; the good ones are imported "
                + "all the same."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files (UTF-8).")
    List<Path> files;

    @Option(names = "--max-errors", defaultValue = "50", paramLabel = "N",
            description = "Rejected lines to list per file (default: ${DEFAULT-VALUE}); all are counted.")
    int maxErrors;

    /** How often a running import says how far it got (package-private for tests). */
    static long progressEveryNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int rejectedTotal = 0;
        boolean missing = false;
        boolean quarantined = false;
        try (Services services = root.openServices()) {
            // a big file takes minutes (1M lines): say how far it got every few seconds, on the error stream
            long[] last = {System.nanoTime()};
            FileImporter importer = services.importer("import").onProgress((f, c) -> {
                long now = System.nanoTime();
                if (now - last[0] >= progressEveryNanos) {
                    last[0] = now;
                    err.printf("%s: so far imported %d, duplicates skipped %d%s…%n", f, c[0], c[1],
                            c[2] == 0 ? "" : ", quarantined " + c[2]);
                    err.flush();
                }
            });
            for (Path f : files) {
                if (Files.isDirectory(f) || !Files.isReadable(f)) {
                    // said per file, and the other files are still imported ("Is a directory" named no file and
                    // stopped the whole command)
                    err.println(f + ": " + (Files.isDirectory(f) ? "is a folder, not a file: give the JSON Lines "
                            + "files in it (e.g. " + f.resolve("*.jsonl") + ")"
                            : !Files.exists(f) ? "no such file" : "cannot read the file (permissions)")
                            + "; not imported");
                    missing = true;
                    continue;
                }
                FileImporter.Report r;
                try {
                    r = importer.importFile(f);
                } catch (FileImporter.Stopped stopped) {
                    FileImporter.Report p = stopped.partial();
                    err.printf("%s: the import stopped: %s%n", f, stopped.getMessage());
                    err.printf("%s: %d mentions of this file were stored before that (committed and kept), %d were "
                            + "already there, %d lines rejected; the batch being written (up to %d lines) may also be "
                            + "there in part. Importing the file again skips whatever is there as duplicates.%n",
                            f, p.imported(), p.duplicates(), p.rejected().size(), FileImporter.BATCH);
                    err.flush();
                    return 2;
                }
                out.printf("%s: imported %d, duplicates skipped %d, rejected %d%s%n", f, r.imported(), r.duplicates(),
                        r.rejected().size(), r.quarantined() == 0 ? "" : ", quarantined " + r.quarantined());
                r.rejected().stream().limit(maxErrors)
                        .forEach(x -> out.printf("  line %d: %s%n", x.line(), x.reason()));
                if (r.rejected().size() > maxErrors) {
                    out.printf("  … and %d more rejected%n", r.rejected().size() - maxErrors);
                }
                rejectedTotal += r.rejected().size();
            }
            long held = services.quarantine().count();
            if (held > 0) {
                out.printf("quarantine: %d post(s) could not be stored and are kept raw in the database; each start "
                        + "tries them again%n", held);
                quarantined = true;
            }
        }
        out.flush();
        return rejectedTotal > 0 || missing || quarantined ? 1 : 0;
    }
}
