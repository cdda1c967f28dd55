package org.crisisdesk.desk.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisisdesk.mention.MentionFilter;

/**
 * The feed's search box read as one filter: {@code @handle} (author), {@code lang:xx} (language) and the remaining
 * words (text) all apply together, so {@code @minji lang:ko 배송} finds minji's Korean posts that mention 배송. No
 * JavaFX: plain logic, tested on its own.
 */
public final class FeedQuery {
    private FeedQuery() {}

    /** Adds what {@code query} asks for to {@code base}; a blank query leaves it as it is. */
    public static MentionFilter apply(MentionFilter base, String query) {
        if (query == null || query.isBlank()) {
            return base;
        }
        String author = null;
        String lang = null;
        List<String> words = new ArrayList<>();
        for (String token : query.strip().split("\\s+")) {
            if (token.length() > 1 && token.startsWith("@")) {
                author = token.substring(1); // the last one wins: one author at a time
            } else if (token.length() > 5 && token.regionMatches(true, 0, "lang:", 0, 5)) {
                lang = token.substring(5).toLowerCase(Locale.ROOT); // X's codes are lower case
            } else {
                words.add(token);
            }
        }
        MentionFilter f = base;
        if (author != null) {
            f = f.withAuthor(author);
        }
        if (lang != null) {
            f = f.withLang(lang);
        }
        // the words stay one phrase (the text is searched as a substring, as before)
        return words.isEmpty() ? f : f.withText(String.join(" ", words));
    }
}
