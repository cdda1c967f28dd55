package org.crisisdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a backup zip completely before anything trusts it: a readable zip whose entry is intact (read through, its
 * CRC-32 and size compared with the zip's own; java.util.zip.ZipFile does not do that by itself), exactly one entry, named {@code NAME.mv.db} with no
 * folder in its name (nothing can land outside the target folder), and, extracted into a scratch folder, a real H2
 * database that opens and holds CrisisDesk's schema (the Flyway history, versions this build knows, the mention
 * table). Nothing is written anywhere but the scratch folder.
 */
public final class BackupCheck {
    /** At most this much unpacked: a zip bomb cannot fill the disk (a million mentions are about 1 GB). */
    static final long MAX_UNPACKED = 64L * 1024 * 1024 * 1024;

    /**
     * Free space an unpacked backup must leave on the home's disk: a zip bomb (or a real backup too big for the disk)
     * would otherwise fill the disk the live database and a running collector write to.
     */
    static final long RESERVE = 512L * 1024 * 1024;

    /** How every H2 MVStore file begins; a backup entry that does not is refused before more of it is unpacked. */
    private static final byte[] H2_HEADER = "H:2,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private BackupCheck() {}

    /** A backup that passed: its extracted database file (in the scratch folder) and what it holds. */
    public record Good(Path extracted, String entryName, long mentions, String schemaVersion) {}

    /** Why a backup cannot be used, said so a person can act on it. */
    public static final class BadBackup extends IOException {
        private static final long serialVersionUID = 1L;

        BadBackup(Path zip, String why, Throwable cause) {
            super("The backup " + zip + " cannot be used: " + why, cause);
        }
    }

    /**
     * Checks only the zip: one intact {@code NAME.mv.db} entry (every byte read and its CRC compared). Quick enough
     * for listing the backups; {@link #verify} also opens the database.
     */
    public static String checkZip(Path zip) throws BadBackup {
        return unpack(zip, null, 0);
    }

    /**
     * The whole check: the zip as in {@link #checkZip}, then the database, extracted to {@code scratch} (made if
     * missing; the caller deletes it), opened and looked at.
     */
    public static Good verify(Path zip, Path scratch) throws BadBackup {
        return verify(zip, scratch, RESERVE);
    }

    /** As {@link #verify(Path, Path)}, leaving at least {@code reserve} bytes free on the scratch folder's disk. */
    static Good verify(Path zip, Path scratch, long reserve) throws BadBackup {
        String entry;
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new BadBackup(zip, "cannot make the scratch folder " + scratch + " (" + e.getMessage() + ")", e);
        }
        entry = unpack(zip, scratch, reserve);
        String name = entry.substring(0, entry.length() - ".mv.db".length());
        Path file = scratch.resolve(entry);
        String url = "jdbc:h2:file:" + scratch.toAbsolutePath().resolve(name) + ";IFEXISTS=TRUE;FILE_LOCK=NO";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement st = c.createStatement()) {
            if (!hasTable(c, "flyway_schema_history") || !hasTable(c, "MENTION")) {
                throw new BadBackup(zip, "it is an H2 database but not a CrisisDesk one (no schema history or "
                        + "mention table)", null);
            }
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                    + "ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        continue;
                    }
                    if (!rs.getBoolean(2)) {
                        throw new BadBackup(zip, "its schema migration " + rs.getString(1) + " had failed", null);
                    }
                    versions.add(rs.getString(1));
                }
            }
            for (String v : versions) {
                if (!Database.MIGRATIONS.contains(v)) {
                    throw new BadBackup(zip, "it was written by a newer CrisisDesk (schema version " + v
                            + "); update CrisisDesk first", null);
                }
            }
            long mentions;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mention")) {
                rs.next();
                mentions = rs.getLong(1);
            }
            return new Good(file, entry, mentions, versions.isEmpty() ? "" : versions.get(versions.size() - 1));
        } catch (SQLException e) {
            throw new BadBackup(zip, "the file in it is not a database CrisisDesk can open (H2 error " + e.getErrorCode()
                    + ")", e);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    /** Reads every entry through (CRC checked); with a target folder, writes the one database entry there. */
    private static String unpack(Path zip, Path into, long reserve) throws BadBackup {
        if (!Files.isRegularFile(zip)) {
            throw new BadBackup(zip, Files.exists(zip) ? "it is not a regular file" : "there is no such file", null);
        }
        if (!Files.isReadable(zip)) {
            throw new BadBackup(zip, "it cannot be read (permissions)", null);
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                entries.add(e.nextElement());
            }
            if (entries.isEmpty()) {
                throw new BadBackup(zip, "the zip is empty", null);
            }
            for (ZipEntry entry : entries) {
                String n = entry.getName();
                if (n.contains("/") || n.contains("\\") || n.contains("..") || n.contains(":") || n.isBlank()
                        || n.chars().anyMatch(ch -> ch < 0x20)) {
                    throw new BadBackup(zip, "it holds an entry with a path (" + printable(n) + "); a backup holds "
                            + "only the database file", null);
                }
            }
            if (entries.size() != 1 || !entries.get(0).getName().endsWith(".mv.db")
                    || entries.get(0).getName().length() <= ".mv.db".length()) {
                throw new BadBackup(zip, "it is not a CrisisDesk backup (it should hold one NAME.mv.db file and "
                        + "holds " + describe(entries) + ")", null);
            }
            ZipEntry db = entries.get(0);
            long limit = MAX_UNPACKED;
            if (into != null) {
                long room = Math.max(0, Files.getFileStore(into).getUsableSpace() - reserve);
                if (db.getSize() > room) {
                    throw new BadBackup(zip, "its database file would unpack to " + mb(db.getSize()) + ", more than "
                            + "the " + mb(room) + " that can be used on the disk of " + into.getParent()
                            + " (" + mb(reserve) + " are kept free for the live database); nothing was unpacked", null);
                }
                limit = Math.min(limit, room);
            }
            if (db.getSize() >= 0) {
                limit = Math.min(limit, db.getSize());
            }
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int headerSeen = 0;
            // ZipFile does not compare the CRC itself (only ZipInputStream does): a damaged backup inflated into a
            // different file that H2 then read back to an older state (schema 30, no mentions), found by fuzzing.
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            try (InputStream in = new java.util.zip.CheckedInputStream(z.getInputStream(db), crc);
                    OutputStream out = into == null ? OutputStream.nullOutputStream()
                            : Files.newOutputStream(into.resolve(db.getName()))) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    // An H2 file starts "H:2,": anything else (a zip bomb of zeros, a renamed file) is refused at
                    // its first bytes instead of being unpacked whole.
                    for (int i = 0; i < n && headerSeen < H2_HEADER.length; i++, headerSeen++) {
                        if (buf[i] != H2_HEADER[headerSeen]) {
                            throw new BadBackup(zip, "its " + printable(db.getName()) + " is not an H2 database "
                                    + "file (it does not start as one)", null);
                        }
                    }
                    total += n;
                    if (total > limit) {
                        throw new BadBackup(zip, limit == db.getSize()
                                ? "its database file is longer than the zip says: the zip is damaged"
                                : limit < MAX_UNPACKED
                                        ? "its database file unpacks to more than the " + mb(limit) + " that can be "
                                                + "used on the disk of " + into.getParent() + " (" + mb(reserve)
                                                + " are kept free for the live database)"
                                        : "it unpacks to more than " + MAX_UNPACKED / (1 << 30) + " GB", null);
                    }
                    out.write(buf, 0, n);
                }
            }
            if (total == 0) {
                throw new BadBackup(zip, "its database file is empty", null);
            }
            if (db.getCrc() == -1 || crc.getValue() != db.getCrc() || db.getSize() != -1 && total != db.getSize()) {
                throw new BadBackup(zip, "its database file does not match its checksum (CRC-32): the zip is "
                        + "damaged", null);
            }
            return db.getName();
        } catch (BadBackup b) {
            throw b;
        } catch (ZipException ze) {
            throw new BadBackup(zip, "it is not a complete zip file (" + firstLine(ze.getMessage())
                    + "); it may have been cut short", ze);
        } catch (IOException io) {
            throw new BadBackup(zip, "it cannot be read (" + firstLine(io.getMessage()) + ")", io);
        }
    }

    private static String mb(long bytes) {
        return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
    }

    private static String describe(List<ZipEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, entries.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(printable(entries.get(i).getName()));
        }
        if (entries.size() > 3) {
            sb.append(" and ").append(entries.size() - 3).append(" more");
        }
        return sb.toString();
    }

    private static String printable(String s) {
        String t = s.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
