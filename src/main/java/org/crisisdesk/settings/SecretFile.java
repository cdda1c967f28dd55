package org.crisisdesk.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A small properties file in the app home for credentials (helpdesk tokens, webhook secrets, the SMTP password): never
 * in the database, never logged. Created 0600 before any secret is written, then moved over the old file, so no other
 * user can read it even for a moment. {@link #toString()} names the file, never its values.
 */
public final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;

    public SecretFile(Path home, String fileName) {
        this.file = home.resolve(fileName);
    }

    public Path path() {
        return file;
    }

    /** The value, or empty when the file or the key is missing or blank. */
    public Optional<String> get(String key) {
        String v = read().getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Sets (or, for a null or blank value, removes) the keys, keeping the file's other keys. */
    public void put(Map<String, String> values) throws IOException {
        Files.createDirectories(file.getParent());
        Properties p = read();
        values.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                p.remove(k);
            } else {
                p.setProperty(k, v.strip());
            }
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
            java.io.File f = tmp.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "CrisisDesk credentials. Keep this file private (permissions 0600).");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                // unreadable: treated as empty; the settings show the connector as not configured
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "SecretFile[" + file + "]";
    }
}
