package org.crisisdesk.source.twitter;

/** Shows a credential so a person can recognise it without anyone being able to use it. */
public final class Secrets {
    private static final String DOTS = "••••";

    private Secrets() {}

    /**
     * The last four characters after a fixed row of dots ({@code ••••wxyz}); values of eight characters or fewer show
     * nothing at all, and the length is never revealed.
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.length() <= 8) {
            return DOTS;
        }
        return DOTS + secret.substring(secret.length() - 4);
    }
}
