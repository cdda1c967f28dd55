package org.crisisdesk.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files the desk writes are its owner's alone, whatever the umask: folders 0700, files 0600 (mentions, backups and
 * logs are people's words; credentials are secrets). On a file system without POSIX permissions (Windows) this does
 * nothing: the user's profile folder is already private there.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /**
     * Makes {@code dir} (and missing parents) and sets each folder this call made to 0700. A folder that was there
     * already is left as it is (it may be shared, such as /tmp): see {@link #restrictFolder} and {@link #restrictHome}.
     */
    public static Path createFolder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path first = absolute;
        while (first.getParent() != null && !Files.exists(first.getParent())) {
            first = first.getParent();
        }
        boolean existed = Files.isDirectory(absolute);
        Files.createDirectories(absolute);
        if (POSIX && !existed) {
            for (Path p = absolute; p != null && p.startsWith(first); p = p.getParent()) {
                Files.setPosixFilePermissions(p, FOLDER);
            }
        }
        return dir;
    }

    /**
     * Sets an existing app home to 0700 when it is plainly a CrisisDesk home (it holds the desk's database or
     * settings) and not a folder others share: never the file-system root, the user's own home or the temp folder.
     */
    public static void restrictHome(Path home) {
        Path h = home.toAbsolutePath().normalize();
        if (h.getParent() == null || h.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())
                || h.equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
            return;
        }
        if (Files.exists(h.resolve("crisisdesk.mv.db")) || Files.exists(h.resolve("desk.properties"))
                || Files.exists(h.resolve("twitter4j.properties"))) {
            restrictFolder(h);
        }
    }

    /** Sets a folder the desk owns to 0700 (when it is this user's). */
    public static void restrictFolder(Path dir) {
        set(dir, FOLDER);
    }

    /** Sets a file the desk wrote to 0600. */
    public static void restrictFile(Path file) {
        set(file, FILE);
    }

    /** The H2 files of a database ({@code base.mv.db}, its lock, trace and stamp files) to 0600, its folder 0700. */
    public static void restrictDatabaseFiles(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(name + ".")).forEach(OwnerOnly::restrictFile);
        } catch (IOException | RuntimeException e) {
            // nothing to restrict, or not ours
        }
    }

    /** Whether a file can be read or written by anyone but its owner (false where there are no POSIX permissions). */
    public static boolean openToOthers(Path file) {
        if (!POSIX) {
            return false;
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.stream().anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void set(Path p, Set<PosixFilePermission> perms) {
        if (!POSIX) {
            return;
        }
        try {
            if (Files.exists(p) && !Files.isSymbolicLink(p) && !perms.equals(Files.getPosixFilePermissions(p))) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to change (another user's file, a read-only mount): leave it
        }
    }
}
