package org.crisisdesk.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a command could not write the file it was asked for. Writers go through a temporary sibling, so the
 * exception names that sibling ({@code .export-123.part}); people need the file they gave and a reason.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** An exception whose message names {@code target} and says why it could not be written. */
    static IOException explain(Path target, IOException e) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String reason;
        if (folder != null && !Files.exists(folder)) {
            reason = "the folder " + folder + " does not exist";
        } else if (folder != null && !Files.isDirectory(folder)) {
            reason = folder + " is not a folder";
        } else if (Files.isDirectory(absolute) && !(e instanceof AccessDeniedException)) {
            reason = "it is a folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage();
        }
        return new IOException("cannot write " + target + ": " + reason, e);
    }

    /** Files of a home the desk keeps itself; an export must never be moved over one. */
    private static final java.util.regex.Pattern OWN_FILES = java.util.regex.Pattern.compile(
            "crisisdesk\\..*|desk\\.properties|twitter4j\\.properties|x-oauth2\\.properties|alert-channels\\.properties"
                    + "|customer-centre\\.properties|pgpassword|drill-outbox\\.jsonl");

    /**
     * Refuses an output target that is one of the desk's own files: the database (HOME/crisisdesk.mv.db, or the H2
     * file --db names) and its stamp and lock, the settings and credentials files, anything in backups, logs or the
     * search index (also through a symbolic link). {@code export --out HOME/crisisdesk.mv.db} moved 2 KB of JSON
     * Lines over a 3.5 MB live database, and the next start refused it as damaged.
     */
    static void refuseDeskFile(Path target, Path home, String dbUrl) throws IOException {
        java.util.Set<Path> targets = new java.util.LinkedHashSet<>();
        targets.add(real(target));
        if (Files.exists(target)) {
            try {
                targets.add(target.toRealPath());
            } catch (IOException ignored) {
                // the resolved parent above is enough
            }
        }
        java.util.List<Path> homes = java.util.List.of(real(home), real(Services.drillHome(home)));
        java.util.Optional<Path> base = org.crisisdesk.store.Database.h2FileBase(dbUrl).map(OutputFiles::real);
        for (Path t : targets) {
            Path folder = t.getParent();
            String name = t.getFileName() == null ? "" : t.getFileName().toString();
            boolean own = base.isPresent() && base.get().getParent().equals(folder)
                    && name.startsWith(base.get().getFileName() + ".");
            for (Path h : homes) {
                own |= h.equals(folder) && OWN_FILES.matcher(name).matches();
                for (String dir : new String[] {"backups", "logs", org.crisisdesk.search.SearchIndex.DIR}) {
                    own |= t.startsWith(h.resolve(dir));
                }
            }
            if (own) {
                throw new IOException("cannot write " + target + ": it is one of the desk's own files (its database, "
                        + "settings, credentials, backups or logs); nothing was written. Choose another file.");
            }
        }
    }

    /** The absolute path with its folder's symbolic links resolved (the file itself need not exist). */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            return abs;
        }
        try {
            return parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }
}
