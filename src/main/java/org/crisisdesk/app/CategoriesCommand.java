package org.crisisdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisisdesk.triage.CategoryFile;
import org.crisisdesk.triage.CategoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code crisisdesk categories export|import}: prepare categories and their rules as a file before a launch. */
@Command(name = "categories", mixinStandardHelpOptions = true,
        description = "Export or import the categories and their keyword rules (format crisisdesk-categories/1, "
                + "see docs/formats.md).",
        subcommands = {CategoriesCommand.Export.class, CategoriesCommand.Import.class})
final class CategoriesCommand {
    @ParentCommand
    CrisisDeskCommand root;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every active category, in board order, with its rules.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        CategoriesCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "File to write (replaced); standard output when "
                + "omitted.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try (Services services = parent.root.openServices()) {
                var active = services.categories().active();
                if (out == null) {
                    PrintWriter o = spec.commandLine().getOut();
                    o.print(new String(bytes(active), java.nio.charset.StandardCharsets.UTF_8));
                    o.flush();
                    return 0;
                }
                OutputFiles.refuseDeskFile(out, services.home(), services.db().url());
                try {
                    write(out.toAbsolutePath(), bytes(active));
                } catch (IOException e) {
                    err.println(OutputFiles.explain(out, e).getMessage());
                    err.flush();
                    return 1;
                }
                err.printf("%s: exported %d categories%n", out, active.size());
                err.flush();
                return 0;
            }
        }

        private static void write(Path target, byte[] content) throws IOException {
            if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
                Files.write(target, content); // a device or a pipe: written to, never replaced
                return;
            }
            Path tmp = Files.createTempFile(target.getParent(), ".categories-", ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        private static byte[] bytes(List<org.crisisdesk.triage.Category> categories) throws IOException {
            var buf = new java.io.ByteArrayOutputStream();
            CategoryFile.write(categories, buf);
            return buf.toByteArray();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Merge a categories file into the board, by name: missing categories are created at the "
                    + "end, existing ones get the file's colour and rules (archived ones are restored). "
                    + "Categories the file does not name are kept.",
                "Nothing changes when any part of the file is invalid (exit status 1, with the reason)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        CategoriesCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A crisisdesk-categories/1 JSON file (UTF-8).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<CategoryFile.Spec> specs;
            try (InputStream in = Files.newInputStream(file)) {
                specs = CategoryFile.read(in);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                err.flush();
                return 1;
            } catch (IOException e) {
                err.println(file + ": " + e.getMessage());
                err.flush();
                return 1;
            }
            try (Services services = parent.root.openServices()) {
                CategoryStore.ImportResult r = services.categories().importSpecs(specs);
                services.engine().reload();
                out.printf("%s: created %d, updated %d, restored %d, unchanged %d%n", file, r.created().size(),
                        r.updated().size(), r.restored().size(), r.unchanged().size());
                line(out, "created", r.created());
                line(out, "updated", r.updated());
                line(out, "restored", r.restored());
                out.flush();
                return 0;
            }
        }

        private static void line(PrintWriter out, String what, List<String> names) {
            if (!names.isEmpty()) {
                out.printf("  %s: %s%n", what, String.join(", ", names));
            }
        }
    }
}
