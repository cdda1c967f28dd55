package org.crisisdesk.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.DatabaseCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code crisisdesk db copy --to JDBC_URL [--merge]}: the desk's database into another (see {@link DatabaseCopy}). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Work on the database as a whole.",
        subcommands = {DbCommand.Copy.class})
final class DbCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy everything in this desk's database (--db, the settings' choice or the home's H2 "
                    + "file) into another one, e.g. the team's PostgreSQL database: mentions, categories and rules, "
                    + "moves and their history, notices and outbox states, alerts and their history, shifts, notes, "
                    + "drafts, the learned triage model and the settings. Nothing in this database changes.",
                "A target that holds other data is refused unless --merge; running the copy again does nothing.",
                "Stop the desks and collectors writing to this database first, so the copy is the whole crisis."})
    static final class Copy implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
                description = "The target database, e.g. jdbc:postgresql://HOST:5432/crisis?user=NAME (password from "
                        + "PGPASSWORD, ~/.pgpass or HOME/pgpassword; never in the URL).")
        String to;

        @Option(names = "--merge", description = "Add to a target that already holds data: rows it lacks are added, "
                + "rows it has are kept, rows that differ under the same key are counted and left as they are.")
        boolean merge;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CrisisDeskCommand root = db.root;
            java.nio.file.Path home = root.home();
            String from = root.dbUrl != null ? root.dbUrl : DeskPrefs.dbUrl(home).orElse(Database.fileUrl(home));
            try (Database source = Database.open(Database.checkedUrl(from), home);
                    Database target = Database.open(Database.checkedUrl(to), home)) {
                if (source.displayLocation().equals(target.displayLocation())) {
                    err.println("The source and the target are the same database (" + source.displayLocation() + ").");
                    return 2;
                }
                DatabaseCopy.Result r = new DatabaseCopy(source, target).copy(merge);
                switch (r.outcome()) {
                    case REFUSED_NOT_EMPTY -> {
                        err.println(target.displayLocation() + " already holds other data; nothing was copied. "
                                + "Copy into an empty database, or add --merge to add what it lacks.");
                        return 1;
                    }
                    case ALREADY_COPIED -> out.println(target.displayLocation() + " already holds everything in "
                            + source.displayLocation() + ": nothing to copy.");
                    default -> {
                        out.println((r.outcome() == DatabaseCopy.Outcome.MERGED ? "merged " : "copied ")
                                + r.copiedRows() + " rows from " + source.displayLocation() + " to "
                                + target.displayLocation() + ":");
                        for (Map.Entry<String, Long> e : r.copied().entrySet()) {
                            if (e.getValue() > 0) {
                                out.println("  " + e.getKey() + " " + e.getValue());
                            }
                        }
                    }
                }
                if (r.conflictingRows() > 0) {
                    err.println(r.conflictingRows() + " rows differ under the same key and were left as the target "
                            + "has them: " + r.conflicting().entrySet().stream().filter(e -> e.getValue() > 0)
                                    .map(e -> e.getKey() + " " + e.getValue()).toList());
                    out.flush();
                    return 1;
                }
            }
            out.flush();
            return 0;
        }
    }
}
