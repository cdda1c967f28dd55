package org.crisisdesk.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;

/**
 * What a ticket is made from: the post, its link, author, time and category, and the stable external id. The text is
 * untrusted: connectors send it as plain-text data, never as markup.
 */
public record CasePayload(String externalId, String source, String postId, String link, String author,
        String authorName, Instant createdAt, String lang, String text, String category) {

    /** The case's stable key: the same for every attempt and every process ({@code crisisdesk-x-123}). */
    public static String externalIdFor(Mention m) {
        return "crisisdesk-" + m.source().replaceAll("[^A-Za-z0-9]", "") + "-" + m.platformId();
    }

    public static CasePayload of(StoredMention sm, String category) {
        Mention m = sm.mention();
        return new CasePayload(externalIdFor(m), m.source(), m.platformId(), m.permalink(), m.author(),
                m.authorName(), m.createdAt(), m.lang(), m.text(), category);
    }

    /** A one-line title: who, and the start of what they wrote. */
    public String subject() {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        String start = oneLine.codePointCount(0, oneLine.length()) > 60
                ? oneLine.substring(0, oneLine.offsetByCodePoints(0, 60)) + "…" : oneLine;
        return "X @" + author + ": " + start;
    }

    /** The ticket's first comment: the post and its facts, as plain text. */
    public String body(ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append(text).append("\n\n");
        b.append("— @").append(author);
        if (authorName != null && !authorName.isBlank()) {
            b.append(" (").append(authorName).append(")");
        }
        b.append("\n").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt.atZone(zone)));
        if (category != null) {
            b.append("\nCategory: ").append(category);
        }
        b.append("\n").append(link);
        b.append("\nRef: ").append(externalId);
        return b.toString();
    }
}
