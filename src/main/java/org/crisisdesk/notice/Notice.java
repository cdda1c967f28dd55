package org.crisisdesk.notice;

import java.time.Instant;

/**
 * One progress notice: the facts a person fills in and the text rendered from them.
 *
 * @param categoryId the category it answers (null only for a notice rendered outside the desk)
 * @param category the category's name as shown in the text
 * @param asOf the time the facts are true at
 * @param department who is doing the work ("물류팀")
 * @param stage how far along, or null
 * @param eta when the work is expected to be done, or null
 * @param nextUpdate when the next notice comes, or null
 * @param doneLine what has been done (one short line), or null
 * @param nextLine what happens next (one short line), or null
 * @param link the full notice on the homepage (final, validated URL), or null
 * @param lang the language of the text
 * @param count mentions this notice answers (uncovered mentions of the category when composed)
 * @param text the text as posted (the whole text; a thread's parts are kept beside it), or null before rendering
 */
public record Notice(Long categoryId, String category, Instant asOf, String department, Stage stage, Instant eta,
        Instant nextUpdate, String doneLine, String nextLine, String link, NoticeLang lang, long count, String text) {

    public Notice {
        category = clean(category);
        department = clean(department);
        doneLine = clean(doneLine);
        nextLine = clean(nextLine);
        link = clean(link);
        lang = lang == null ? NoticeLang.KO : lang;
    }

    /** One line: a newline, a control or a bidi override typed into a field never reaches the posted text. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = org.crisisdesk.mention.TextChecks.oneLine(s);
        return t.isEmpty() ? null : t;
    }

    public Notice withText(String newText) {
        return new Notice(categoryId, category, asOf, department, stage, eta, nextUpdate, doneLine, nextLine, link, lang,
                count, newText);
    }

    public Notice withLink(String newLink) {
        return new Notice(categoryId, category, asOf, department, stage, eta, nextUpdate, doneLine, nextLine, newLink,
                lang, count, text);
    }

    public boolean resolved() {
        return stage != null && stage.isFinal();
    }
}
