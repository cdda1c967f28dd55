package org.crisisdesk.mention;

import java.time.Instant;

/**
 * What a feed, board or export asks the store for. Null fields do not filter.
 *
 * @param categoryId    only this category (ignored when {@code unsortedOnly})
 * @param unsortedOnly  only mentions without a category
 * @param text          case-insensitive substring of the text
 * @param author        case-insensitive substring of handle or name
 * @param lang          exact language code
 * @param beforePk      keyset paging: only mentions stored before this one
 */
public record MentionFilter(
        Long categoryId,
        boolean unsortedOnly,
        String text,
        String author,
        String lang,
        Instant from,
        Instant to,
        Long beforePk) {

    public static final MentionFilter ALL = new MentionFilter(null, false, null, null, null, null, null, null);

    public static MentionFilter category(Long categoryId) {
        return categoryId == null
                ? new MentionFilter(null, true, null, null, null, null, null, null)
                : new MentionFilter(categoryId, false, null, null, null, null, null, null);
    }

    public MentionFilter before(Long pk) {
        return new MentionFilter(categoryId, unsortedOnly, text, author, lang, from, to, pk);
    }

    public MentionFilter between(Instant newFrom, Instant newTo) {
        return new MentionFilter(categoryId, unsortedOnly, text, author, lang, newFrom, newTo, beforePk);
    }

    public MentionFilter withText(String newText) {
        return new MentionFilter(categoryId, unsortedOnly, newText, author, lang, from, to, beforePk);
    }

    public MentionFilter withAuthor(String newAuthor) {
        return new MentionFilter(categoryId, unsortedOnly, text, newAuthor, lang, from, to, beforePk);
    }

    public MentionFilter withLang(String newLang) {
        return new MentionFilter(categoryId, unsortedOnly, text, author, newLang, from, to, beforePk);
    }

    public MentionFilter withUnsortedOnly(boolean only) {
        return new MentionFilter(only ? null : categoryId, only, text, author, lang, from, to, beforePk);
    }

    public MentionFilter withCategory(Long id) {
        return new MentionFilter(id, false, text, author, lang, from, to, beforePk);
    }
}
