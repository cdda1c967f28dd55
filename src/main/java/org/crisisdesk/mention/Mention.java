package org.crisisdesk.mention;

import java.time.Instant;
import java.util.Objects;

/**
 * A post that names the account, as it arrives from a source and before it is stored.
 *
 * @param source       where it came from ("x", "replay", "import"); with {@code platformId} its identity
 * @param platformId   the platform's id, as a string
 * @param categoryHint a category name carried by an import line, or null
 * @param releaseSeconds seconds after a scenario's start at which a replay releases it, or null
 */
public record Mention(
        String source,
        String platformId,
        Instant createdAt,
        String author,
        String authorName,
        String lang,
        String text,
        String conversationId,
        String categoryHint,
        Double releaseSeconds) {

    public Mention {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    public Mention withSource(String newSource) {
        return new Mention(newSource, platformId, createdAt, author, authorName, lang, text, conversationId,
                categoryHint, releaseSeconds);
    }

    /** Link to the post on x.com (works for replayed ids too, they just lead nowhere). */
    public String permalink() {
        // An author known only by id ("id:123", see the v2 import) has no handle for the path; x.com/i/ needs none.
        return "https://x.com/" + (author.startsWith("id:") ? "i" : author) + "/status/" + platformId;
    }
}
