package org.crisisdesk.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small preferences file of one app home, {@code HOME/desk.properties}: what must be known before the database
 * opens (where the database is, whether the welcome screen was answered) and the window's layout. Everything else
 * lives in the database's setting table ({@link SettingsStore}). Plain text a person can read or delete; a damaged
 * file reads as empty, never stops the desk.
 *
 * <p>Thread-safe; {@link #put} writes the whole file at once (temp file + rename) before it returns.
 */
public final class DeskPrefs {
    public static final String FILE_NAME = "desk.properties";
    /** "true" once the first-run welcome screen was answered. */
    public static final String WELCOME_DONE = "welcome.done";
    /**
     * "drill" once this home ran the demo (or a drill): the desk opens the drill again, even with an account's keys
     * saved, until the person switches to live explicitly (which writes "live").
     */
    public static final String MODE = "desk.mode";
    /**
     * The account's time zone as answered on the welcome screen (default: the computer's): a live database without
     * a zone setting takes it on opening, so a desk never falls back to the computer's zone silently.
     */
    public static final String ACCOUNT_ZONE = "account.zone";
    /** A JDBC URL for the database, used when the command line names none; absent: the H2 file in the home. */
    public static final String DB_URL = "db.url";
    /** Who sits at this desk (issue 22): the person's name, kept in the home because a team database is shared. */
    public static final String PERSON_NAME = "person.name";
    /** The person's short handle ("민지"), shown on column headers and in the people list. */
    public static final String PERSON_HANDLE = "person.handle";
    /** Window geometry "x,y,width,height[,max]" (see {@link WindowGeometry}). */
    public static final String WINDOW = "window.geometry";
    /** SplitPane divider positions of the main window, "0.24,0.78". */
    public static final String SPLIT = "layout.split";
    /** Width of a board column in pixels. */
    public static final String COLUMN_WIDTH = "layout.column.width";

    private static final Logger log = LoggerFactory.getLogger(DeskPrefs.class);

    private final Path file;
    private final Properties values = new Properties();

    private DeskPrefs(Path file) {
        this.file = file;
    }

    public static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** Reads the home's file; a missing or unreadable file gives empty preferences (logged, not thrown). */
    public static DeskPrefs load(Path home) {
        DeskPrefs prefs = new DeskPrefs(file(home));
        if (Files.isRegularFile(prefs.file)) {
            try (InputStream in = Files.newInputStream(prefs.file);
                    var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                prefs.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Ignoring {}: {}", prefs.file, e.toString());
                prefs.values.clear();
            }
        }
        return prefs;
    }

    /** The database URL this home was told to use, if any. */
    public static Optional<String> dbUrl(Path home) {
        return load(home).get(DB_URL).filter(s -> !s.isBlank());
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public boolean flag(String key) {
        return "true".equals(get(key, "false"));
    }

    /** Sets (or, with null, removes) a value and writes the file before returning. */
    public void put(String key, String value) {
        java.util.Map<String, String> one = new java.util.HashMap<>();
        one.put(key, value);
        putAll(one);
    }

    /**
     * Sets several values (null removes) and writes the file once. The file is read again first, so a value another
     * instance wrote meanwhile (the desk's mode, the welcome's answer, the window layout) is kept, not overwritten.
     */
    public void putAll(java.util.Map<String, String> changes) {
        synchronized (FILE_LOCK) {
            synchronized (this) {
                reread();
                changes.forEach((k, v) -> {
                    if (v == null) {
                        values.remove(k);
                    } else {
                        values.setProperty(k, v);
                    }
                });
                save();
            }
        }
    }

    /** One writer of desk.properties at a time in this JVM (they share one temporary file name). */
    private static final Object FILE_LOCK = new Object();

    private void reread() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties disk = new Properties();
        try (InputStream in = Files.newInputStream(file);
                var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            disk.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return; // unreadable: this instance's values are the best there are
        }
        values.clear();
        values.putAll(disk);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (var out = new java.io.FileOutputStream(tmp.toFile());
                    var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                values.store(writer, "CrisisDesk preferences of this home (see docs/user-guide.md)");
                writer.flush();
                out.getFD().sync(); // on disk before anyone is told it is saved
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
