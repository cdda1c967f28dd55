package org.crisisdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * What a database file held when it was last closed cleanly (or backed up), kept OUTSIDE the file, beside it as
 * {@code NAME.mv.db.stamp}: the file's length after closing (when no other process still had it open), the number of
 * mentions and the highest mention key.
 * Mentions are never deleted and H2 only grows a file between closes (REUSE_SPACE=FALSE), so on the next open a file
 * shorter than its stamp, or one that opens with fewer mentions or a lower highest key, has lost data: it was cut
 * short (a full disk, a bad copy, {@code truncate}) and is refused instead of being opened with part of its data.
 * H2's own chunk checks catch a file damaged in its last chunk; the stamp catches one that H2 would quietly read back
 * to an older chunk. Deleting the stamp accepts the file as it is.
 */
public final class IntegrityStamp {
    private IntegrityStamp() {}

    record Stamp(long length, long mentions, long maxPk) {}

    static Path file(Path base) {
        return base.toAbsolutePath().resolveSibling(base.getFileName() + ".mv.db.stamp");
    }

    static Optional<Stamp> read(Path base) {
        Path f = file(base);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            return Optional.of(new Stamp(Long.parseLong(p.getProperty("length", "0")),
                    Long.parseLong(p.getProperty("mentions", "0")), Long.parseLong(p.getProperty("maxPk", "0"))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a stamp that cannot be read proves nothing either way
        }
    }

    /** Counts what the open database holds (cheap: H2 keeps row counts, the key is the primary index's last). */
    static long[] count(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(pk), 0) FROM mention")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Writes the stamp for a closed file (written beside it under a temporary name, then renamed).
     *
     * @param withLength whether the file is closed for every process, so its length is final (else 0: unknown)
     */
    static void write(Path base, long mentions, long maxPk, boolean withLength) {
        Path db = base.toAbsolutePath().resolveSibling(base.getFileName() + ".mv.db");
        try {
            long length = withLength ? Files.size(db) : 0;
            Properties p = new Properties();
            p.setProperty("length", Long.toString(length));
            p.setProperty("mentions", Long.toString(mentions));
            p.setProperty("maxPk", Long.toString(maxPk));
            Path tmp = file(base).resolveSibling(file(base).getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "What " + db.getFileName() + " held when it was last closed; see README, Where data lives");
            }
            OwnerOnly.restrictFile(tmp);
            Files.move(tmp, file(base), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // no stamp, no check next time: never a reason to fail closing
        }
    }

    static void forget(Path base) throws IOException {
        Files.deleteIfExists(file(base));
    }

    /** Before H2 opens the file: an empty file, or one shorter than when it was last closed, is refused. */
    static void checkBeforeOpen(Path base) {
        Path db = base.toAbsolutePath().resolveSibling(base.getFileName() + ".mv.db");
        if (!Files.exists(db)) {
            return;
        }
        long size;
        try {
            size = Files.size(db);
        } catch (IOException e) {
            throw new StoreException("Cannot read the database file " + db + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw damaged(db, "it is empty (0 bytes)");
        }
        Optional<Stamp> stamp = read(base);
        if (stamp.isPresent() && size < stamp.get().length()) {
            throw damaged(db, "it is " + size + " bytes, shorter than the " + stamp.get().length()
                    + " bytes it had when it was last closed: it has been cut short");
        }
    }

    /** After H2 opened it: fewer mentions than when it was last closed means H2 read it back to an older state. */
    static void checkAfterOpen(Path base, Connection c) throws SQLException {
        Optional<Stamp> stamp = read(base);
        if (stamp.isEmpty()) {
            return;
        }
        long[] now = count(c);
        if (now[0] < stamp.get().mentions() || now[1] < stamp.get().maxPk()) {
            Path db = base.toAbsolutePath().resolveSibling(base.getFileName() + ".mv.db");
            throw damaged(db, "it opens with " + now[0] + " mentions, fewer than the " + stamp.get().mentions()
                    + " it held when it was last closed");
        }
    }

    private static StoreException damaged(Path db, String why) {
        return new StoreException("The database file " + db + " is damaged: " + why + ". "
                + StoreException.lastBackup(db.getParent()) + "Restore one with `crisisdesk restore BACKUP.zip` "
                + "(`crisisdesk backup --list` shows them); CrisisDesk will not open it with part of its data nor "
                + "start a new empty database over it. (If you are sure this file is what you want, delete "
                + file(db.resolveSibling(db.getFileName().toString().replace(".mv.db", ""))) + " and start again.)",
                null);
    }
}
