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
        return zip;
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
     * Restores {@code zip} over the home's database, which must be closed. The current file is kept beside it as
     * {@code crisisdesk.mv.db.before-restore-STAMP}, so a restore can itself be undone.
     *
     * @return where the previous database file was moved, if there was one
     */
    public Optional<Path> restore(Path zip, Clock clock) throws IOException {
        if (!Files.isReadable(zip)) {
            throw new IOException("Cannot read the backup " + zip);
        }
        Path current = home.resolve(DB_NAME + ".mv.db");
        Optional<Path> kept = Optional.empty();
        if (Files.exists(current)) {
            Path aside = home.resolve(DB_NAME + ".mv.db.before-restore-" + STAMP.format(clock.instant()));
            try {
                Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException("The database " + current + " is in use or cannot be moved aside; close every "
                        + "CrisisDesk using it first (" + e.getMessage() + ")", e);
            }
            kept = Optional.of(aside);
        }
        Restore.execute(zip.toString(), home.toString(), DB_NAME);
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
