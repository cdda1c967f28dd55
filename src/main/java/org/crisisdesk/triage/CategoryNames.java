package org.crisisdesk.triage;

import java.text.Normalizer;
import org.crisisdesk.mention.TextChecks;

/** What a category name may be: visible, one line, at most 60 characters, NFC. */
public final class CategoryNames {
    public static final int MAX_LENGTH = 60;

    private CategoryNames() {}

    /** The cleaned name, or an {@link IllegalArgumentException} that says what is wrong. */
    public static String clean(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("A category needs a name");
        }
        String problem = TextChecks.problem(raw);
        if (problem != null) {
            throw new IllegalArgumentException("Category name: " + problem);
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A category needs a name");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("A category name can have at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
