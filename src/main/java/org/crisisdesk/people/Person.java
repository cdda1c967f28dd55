package org.crisisdesk.people;

import java.util.Locale;
import org.crisisdesk.settings.DeskSettings;

/**
 * Who sits at a desk (issue 22): a name as the history, the handover and the other desks show it ("김민지"), and a
 * short handle for tight places (a column header, the people list: "민지"). Both are cleaned on the way in.
 */
public record Person(String name, String handle) {
    /** The longest handle kept. */
    public static final int HANDLE_MAX = 16;

    public Person {
        name = DeskSettings.cleanName(name);
        if (name.isEmpty()) {
            name = osUser();
        }
        handle = cleanHandle(handle);
        if (handle.isEmpty()) {
            handle = handleFor(name);
        }
    }

    /** A person from what was typed; a blank name is the computer's user, a blank handle is made from the name. */
    public static Person of(String name, String handle) {
        return new Person(name, handle);
    }

    /** The computer's user name (the fallback for a desk that never said who it is). */
    public static String osUser() {
        String u = System.getProperty("user.name", "");
        return u == null || u.isBlank() ? "desk" : u.strip();
    }

    /** A handle as typed: no spaces, no leading '@', at most {@link #HANDLE_MAX} characters; may be empty. */
    public static String cleanHandle(String handle) {
        if (handle == null) {
            return "";
        }
        String s = handle.strip();
        while (s.startsWith("@")) {
            s = s.substring(1);
        }
        s = s.replaceAll("\\s+", "");
        return s.codePointCount(0, s.length()) > HANDLE_MAX
                ? s.substring(0, s.offsetByCodePoints(0, HANDLE_MAX)) : s;
    }

    /**
     * The handle a name gives when none was typed: the first word of a Latin name in lower case ("Minji Kim" ->
     * "minji"); for a Korean name of two or more syllables, the given name without the family syllable ("김민지" ->
     * "민지"), which is how colleagues call each other.
     */
    public static String handleFor(String name) {
        String n = DeskSettings.cleanName(name);
        if (n.isEmpty()) {
            return cleanHandle(osUser());
        }
        String first = n.split(" ")[0];
        boolean hangul = first.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
        if (hangul && !n.contains(" ") && first.codePointCount(0, first.length()) >= 3) {
            return cleanHandle(first.substring(first.offsetByCodePoints(0, 1)));
        }
        return cleanHandle(hangul ? first : first.toLowerCase(Locale.ROOT));
    }

    /** "김민지 (@민지)": how a person is named where both fit. */
    public String label() {
        return name + " (@" + handle + ")";
    }
}
