package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.store.Backups;
import org.crisisdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the desk's database with a backup (close every desk and collector using it first: "
                + "restore refuses while any program has the database open).",
            "The backup is checked completely first (an intact zip holding one CrisisDesk database that opens, of a "
                + "schema this version knows); a bad one is refused and nothing is changed.",
            "The current file is kept beside it as crisisdesk.mv.db.before-restore-STAMP."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BACKUP.zip", description = "A zip from `crisisdesk backup` (see `backup --list`).")
    Path zip;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = root.home();
        // The database the desk would open: --db, else the location chosen in the settings, else the home's file.
        String url = root.dbUrl != null ? root.dbUrl : DeskPrefs.dbUrl(home).orElse(Database.fileUrl(home));
        Path base = Database.h2FileBase(url).orElse(null);
        if (base == null) {
            // (the URL itself is not printed: it may carry a password)
            spec.commandLine().getErr().println("restore replaces an H2 database file, and this desk's database "
                    + "(--db or the location in the settings) is not one: restore it with that database's own tools");
            return 2;
        }
        var kept = new Backups(home).restore(zip, Clock.systemUTC(), base);
        kept.ifPresent(p -> out.println("previous database kept as " + p));
        // The text-search index describes the replaced database; it rebuilds itself from the restored one.
        org.crisisdesk.search.SearchIndex.discard(root.home());
        // Open once so a bad backup is reported now, not at the next start.
        try (Services services = root.openServices()) {
            out.println("restored " + zip + " into " + services.db().displayLocation());
        }
        out.flush();
        return 0;
    }
}
