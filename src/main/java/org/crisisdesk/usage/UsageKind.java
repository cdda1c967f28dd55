package org.crisisdesk.usage;

/** What X charges for, as the desk counts it (X's pay-per-use price list names them "Posts: Read" and "Content: Create"). */
public enum UsageKind {
    /** A post X returned to the desk (mentions, recent search, the account's own posts). */
    READ,
    /** A post the desk created (a notice, a reply) without a link. */
    CREATE,
    /** A post the desk created that holds a link: X charges more for it. */
    CREATE_URL,
    /**
     * A user object X returned ("User: Read", charged per user returned): each post's author that the mentions and
     * search calls ask for with {@code expansions=author_id} ({@code includes.users}), and the account itself on
     * {@code GET /2/users/me}. X's usage endpoint does not report these: always the desk's own count.
     */
    USER_READ;

    /** CREATE_URL when the text holds a link (http://, https:// or www.), else CREATE. */
    public static UsageKind created(String text) {
        if (text == null) {
            return CREATE;
        }
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.contains("http://") || t.contains("https://") || t.contains("www.") ? CREATE_URL : CREATE;
    }
}
