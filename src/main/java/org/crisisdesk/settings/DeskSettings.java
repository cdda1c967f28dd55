package org.crisisdesk.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The names and rules of the desk's own settings in the setting table, in one place, so the settings dialog, the
 * start-up and the features read the same values the same way. Pure functions; no storage.
 */
public final class DeskSettings {
    /** Who sits at this desk: credited in the move history and offered for shifts and handovers. */
    public static final String DESK_NAME = "desk.name";
    /** "ko" or "en". */
    public static final String LANGUAGE = "ui.language";
    /** "light" or "dark". */
    public static final String THEME = "ui.theme";
    /** The account's time zone (a ZoneId such as Asia/Seoul); absent: the demo's zone or the machine's. */
    public static final String ZONE = "desk.zone";
    /** "drill" on a drill's database (the demo, a replay): nothing is posted from it (see Services.openDrill). */
    public static final String MODE = "desk.mode";
    /** Same name the triage engine reads; "off" or a confidence in (0, 1]. */
    public static final String AUTO_FILE = "triage.autofile.threshold";

    private DeskSettings() {}

    /** A name fit for the history: trimmed, at most 60 characters; empty means "use the computer's user name". */
    public static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** The stored desk name, else the computer's user name. */
    public static String deskName(Optional<String> stored) {
        return stored.map(DeskSettings::cleanName).filter(s -> !s.isEmpty())
                .orElseGet(() -> System.getProperty("user.name", "desk"));
    }

    /** A zone id as stored, or empty for blank or unknown text (an unknown zone never stops the desk). */
    public static Optional<ZoneId> zone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "ko" or "en" for a stored language; anything else is Korean, the desk's first language. */
    public static Locale language(String stored) {
        return "en".equals(stored) ? Locale.ENGLISH : Locale.KOREAN;
    }

    /** The auto-file threshold as stored: empty when off or not a usable number. */
    public static OptionalDouble autoFile(String stored) {
        if (stored == null || stored.isBlank() || stored.strip().equalsIgnoreCase("off")) {
            return OptionalDouble.empty();
        }
        try {
            double t = Double.parseDouble(stored.strip());
            return t > 0 && t <= 1 ? OptionalDouble.of(t) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The H2 file URL for a database kept in {@code folder} (same options as the home's default). */
    public static String h2FolderUrl(java.nio.file.Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("crisisdesk") + ";AUTO_SERVER=TRUE";
    }
}
