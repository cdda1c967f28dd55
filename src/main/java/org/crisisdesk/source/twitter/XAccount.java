package org.crisisdesk.source.twitter;

/** The account the credentials belong to, as X describes it. */
public record XAccount(String id, String handle, String name) {
    /** "@handle". */
    public String at() {
        return "@" + handle;
    }
}
