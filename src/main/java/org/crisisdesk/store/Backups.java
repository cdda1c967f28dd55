package org.crisisdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Zip backups of the desk's H2 file in {@code HOME/backups}: made hot with BACKUP TO, restored while closed. */
public final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String DB_NAME = "crisisdesk";
    /** The reason in the names of the backups taken when a shift ends. */
    public static final String SHIFT_END = "shift-end";
    /** How many automatic (shift-end) backups are kept; older ones are deleted. Manual backups are never deleted. */
    public static final int KEEP_AUTOMATIC = 14;

    /** The ending of a backup still being written (and of one cut short): never listed, never restored. */
    static final String PART = ".part";

    private final Path home;

    public Backups(Path home) {
        this.home = home;
    }

    public Path directory() {
        return home.resolve("backups");
    }

    /**
     * Takes a consistent copy of the open database; returns the zip. The copy is written under a temporary name
     * ({@code .NAME.zip.part}), read back through (every entry's CRC checked, see {@link BackupCheck#checkZip}),
     * forced to the disk and only then renamed to its final name: a backup killed or cut short by a full disk never
     * looks like a good one.
     */
    public Path create(Database db, Clock clock, String reason) {
        try {
            OwnerOnly.createFolder(directory());
            OwnerOnly.restrictFolder(directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = DB_NAME + "-" + STAMP.format(clock.instant()) + "-" + reason + ".zip";
        Path zip = directory().resolve(name);
        Path part = directory().resolve("." + name + PART);
        try {
            db.backupTo(part);
            OwnerOnly.restrictFile(part);
            BackupCheck.checkZip(part);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(part,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            org.slf4j.LoggerFactory.getLogger(Backups.class).info("Backup ({}): {}", reason, zip);
            return zip;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("The backup could not be written to " + zip + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part is never listed as a backup
        }
    }

    /**
     * Takes a shift-end backup and deletes the automatic ones beyond the newest {@code keep}; manual backups stay.
     * Does nothing for a database that is not an H2 file (e.g. PostgreSQL has its own backups).
     *
     * @return the new zip, or empty when this database is not backed up this way
     */
    public Optional<Path> createAutomatic(Database db, Clock clock, int keep) {
        if (db.dialect() != SqlDialect.H2 || !db.url().startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        Path zip = create(db, clock, SHIFT_END);
        rotate(SHIFT_END, keep);
        return Optional.of(zip);
    }

    /** Deletes the backups made for {@code reason} beyond the newest {@code keep}; returns those deleted. */
    public List<Path> rotate(String reason, int keep) {
        List<Path> same = list().stream().filter(p -> p.getFileName().toString().endsWith("-" + reason + ".zip"))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        List<Path> deleted = new java.util.ArrayList<>();
        for (Path old : same.subList(Math.min(Math.max(0, keep), same.size()), same.size())) {
            try {
                Files.deleteIfExists(old);
                deleted.add(old);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }

    public List<Path> list() {
        if (!Files.isDirectory(directory())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing(Backups::modified).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest backup whose zip is intact (see {@link #listChecked}). */
    public Optional<Path> newest() {
        return list().stream().filter(p -> problem(p).isEmpty()).findFirst();
    }

    /** A listed backup and, when its zip is not intact, why. */
    public record Listed(Path zip, Optional<String> problem) {}

    /** Every backup, newest first, each checked (its zip read through): the broken ones say why. */
    public List<Listed> listChecked() {
        return list().stream().map(p -> new Listed(p, problem(p))).toList();
    }

    private static Optional<String> problem(Path zip) {
        try {
            BackupCheck.checkZip(zip);
            return Optional.empty();
        } catch (BackupCheck.BadBackup e) {
            String m = e.getMessage();
            int at = m.indexOf(" cannot be used: ");
            return Optional.of(at < 0 ? m : m.substring(at + " cannot be used: ".length()));
        }
    }

    /**
     * Restores {@code zip} over the home's default database ({@code HOME/crisisdesk.mv.db}), which must be closed.
     *
     * @see #restore(Path, Clock, Path)
     */
    public Optional<Path> restore(Path zip, Clock clock) throws IOException {
        return restore(zip, clock, home.resolve(DB_NAME));
    }

    /**
     * Restores {@code zip} over the H2 database file {@code base.mv.db} (where a desk keeps it: the home, or the
     * location chosen in the settings), which must be closed. The current file is kept beside it as
     * {@code NAME.mv.db.before-restore-STAMP}, so a restore can itself be undone.
     *
     * @return where the previous database file was moved, if there was one
     */
    public Optional<Path> restore(Path zip, Clock clock, Path base) throws IOException {
        Path dir = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            throw new IOException("The database folder " + dir + " does not exist");
        }
        Path current = dir.resolve(name + ".mv.db");
        // Held from before the check until the restored file is in place: no desk or collector can open the database
        // meanwhile, and one that has it open now makes this fail before anything is touched.
        try (InUseLock lock = InUseLock.acquire(base)) {
            Path scratch = Files.createTempDirectory(dir, ".restore-");
            try {
                // The whole backup is checked in a scratch folder beside the database before the live file is touched.
                BackupCheck.Good good = BackupCheck.verify(zip, scratch);
                Optional<Path> kept = Optional.empty();
                if (Files.exists(current)) {
                    Path aside = dir.resolve(name + ".mv.db.before-restore-" + STAMP.format(clock.instant()));
                    Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
                    kept = Optional.of(aside);
                }
                try {
                    Files.move(good.extracted(), current, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (kept.isPresent()) { // put the live database back: never leave the home without one
                        Files.move(kept.get(), current, StandardCopyOption.ATOMIC_MOVE);
                    }
                    throw new IOException("The backup " + zip + " was good but could not be put in place at " + current
                            + " (" + e.getMessage() + "); the database is as it was", e);
                }
                OwnerOnly.restrictFile(current);
                // The stamp described the replaced file; the restored one is stamped when it is next closed.
                IntegrityStamp.forget(base);
                return kept;
            } finally {
                deleteTree(scratch);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // a scratch folder left behind holds only a copy of the backup
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
