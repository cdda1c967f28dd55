package org.crisisdesk.source.twitter;

/**
 * OAuth 1.0a user-context keys for one X account. {@link #toString()} masks every value, so a credential logged by
 * mistake stays useless.
 */
public record XCredentials(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
    public static final XCredentials NONE = new XCredentials(null, null, null, null);

    public XCredentials {
        consumerKey = trimToNull(consumerKey);
        consumerSecret = trimToNull(consumerSecret);
        accessToken = trimToNull(accessToken);
        accessTokenSecret = trimToNull(accessTokenSecret);
    }

    /** All four keys are there (whether X accepts them is for {@link XClient#verify()} to say). */
    public boolean complete() {
        return consumerKey != null && consumerSecret != null && accessToken != null && accessTokenSecret != null;
    }

    /**
     * The account's numeric id as X encodes it at the start of an OAuth 1.0a access token ({@code 12345-abc...}), or
     * null for tokens of another shape. Lets the checkpoint key be known before the first successful call.
     */
    public String tokenUserId() {
        if (accessToken == null) {
            return null;
        }
        int dash = accessToken.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String id = accessToken.substring(0, dash);
        return id.chars().allMatch(Character::isDigit) ? id : null;
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    @Override
    public String toString() {
        return "XCredentials[consumerKey=" + Secrets.mask(consumerKey) + ", consumerSecret="
                + Secrets.mask(consumerSecret) + ", accessToken=" + Secrets.mask(accessToken)
                + ", accessTokenSecret=" + Secrets.mask(accessTokenSecret) + "]";
    }
}
