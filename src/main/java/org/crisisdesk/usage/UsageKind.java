package org.crisisdesk.usage;

/** What X charges for, as the desk counts it (X's pay-per-use price list names them "Posts: Read" and "Content: Create"). */
public enum UsageKind {
    /** A post X returned to the desk (mentions, recent search, the account's own posts). */
    READ,
    /** A post the desk created (a notice, a reply) without a link. */
    CREATE,
    /** A post the desk created that holds a link: X charges more for it. */
    CREATE_URL;

    /** CREATE_URL when the text holds a link (http://, https:// or www.), else CREATE. */
    public static UsageKind created(String text) {
        if (text == null) {
            return CREATE;
        }
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.contains("http://") || t.contains("https://") || t.contains("www.") ? CREATE_URL : CREATE;
    }
}
