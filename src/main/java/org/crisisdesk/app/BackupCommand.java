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

    @Option(names = "--list", description = "List the existing backups, newest first, instead of taking one.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = root.home();
        Backups backups = new Backups(home);
        if (list) {
            backups.list().forEach(p -> out.println(p));
            out.flush();
            return 0;
        }
        try (Services services = root.openServices()) {
            Path zip = backups.create(services.db(), Clock.systemUTC(), "manual");
            out.println("backup written to " + zip);
        }
        out.flush();
        return 0;
    }
}
