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
import org.h2.tools.Restore;

/** Zip backups of the desk's H2 file in {@code HOME/backups}: made hot with BACKUP TO, restored while closed. */
public final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String DB_NAME = "crisisdesk";
    /** The reason in the names of the backups taken when a shift ends. */
    public static final String SHIFT_END = "shift-end";
    /** How many automatic (shift-end) backups are kept; older ones are deleted. Manual backups are never deleted. */
    public static final int KEEP_AUTOMATIC = 14;

    private final Path home;

    public Backups(Path home) {
        this.home = home;
    }

    public Path directory() {
        return home.resolve("backups");
    }

    /** Takes a consistent copy of the open database; returns the zip. */
    public Path create(Database db, Clock clock, String reason) {
        try {
            Files.createDirectories(directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path zip = directory().resolve(DB_NAME + "-" + STAMP.format(clock.instant()) + "-" + reason + ".zip");
        db.backupTo(zip);
        org.slf4j.LoggerFactory.getLogger(Backups.class).info("Backup ({}): {}", reason, zip);
        return zip;
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

    public Optional<Path> newest() {
        return list().stream().findFirst();
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
        if (!Files.isReadable(zip)) {
            throw new IOException("Cannot read the backup " + zip);
        }
        Path dir = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        Files.createDirectories(dir);
        Path current = dir.resolve(name + ".mv.db");
        Optional<Path> kept = Optional.empty();
        if (Files.exists(current)) {
            Path aside = dir.resolve(name + ".mv.db.before-restore-" + STAMP.format(clock.instant()));
            try {
                Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException("The database " + current + " is in use or cannot be moved aside; close every "
                        + "CrisisDesk using it first (" + e.getMessage() + ")", e);
            }
            kept = Optional.of(aside);
        }
        // H2 renames the database in the zip (always "crisisdesk", as backups are taken) to the target's name.
        Restore.execute(zip.toString(), dir.toString(), name);
        if (!Files.exists(current)) {
            throw new IOException("The backup " + zip + " holds no CrisisDesk database");
        }
        return kept;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
