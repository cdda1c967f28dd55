package org.crisisdesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.crisisdesk.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Take a consistent copy of the desk's database (also while a desk is open) into HOME/backups.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = {"List the existing backups, newest first, instead of taking one. Each "
            + "zip is read through; a broken one (cut short, not a backup) is marked BROKEN with the reason, and the "
            + "exit status is then 1."})
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = root.home();
        Backups backups = new Backups(home);
        if (list) {
            boolean broken = false;
            for (Backups.Listed l : backups.listChecked()) {
                if (l.problem().isEmpty()) {
                    out.println(l.zip());
                } else {
                    broken = true;
                    out.println(l.zip() + "  BROKEN: " + l.problem().get() + " (do not restore it)");
                }
            }
            out.flush();
            return broken ? 1 : 0;
        }
        try (Services services = root.openServices()) {
            Path zip = backups.create(services.db(), Clock.systemUTC(), "manual");
            out.println("backup written to " + zip);
        }
        out.flush();
        return 0;
    }
}
