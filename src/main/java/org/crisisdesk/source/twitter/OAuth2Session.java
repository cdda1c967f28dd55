package org.crisisdesk.source.twitter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The signed-in account's access token for v2 calls: refreshed (and saved, 0600) shortly before it expires and once
 * more when X answers 401 anyway. Thread-safe; blocks on HTTP while refreshing.
 */
public final class OAuth2Session {
    private final OAuth2SignIn signIn;
    private final Path home;
    private final Clock clock;
    private OAuth2Tokens tokens;

    public OAuth2Session(OAuth2SignIn signIn, Path home, OAuth2Tokens tokens, Clock clock) {
        this.signIn = signIn;
        this.home = home;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** An access token good for the next call (refreshed first when it is about to expire). */
    public synchronized String accessToken() throws OAuth2SignIn.OAuth2Exception, InterruptedException, IOException {
        if (tokens.dueForRefresh(clock.instant())) {
            refresh();
        }
        return tokens.accessToken();
    }

    /** X answered 401 with {@code rejected}: refresh unless another call already did, and return the new token. */
    public synchronized String afterUnauthorized(String rejected)
            throws OAuth2SignIn.OAuth2Exception, InterruptedException, IOException {
        if (tokens.accessToken().equals(rejected)) {
            refresh();
        }
        return tokens.accessToken();
    }

    /** The signed-in account's id as saved with the sign-in, or null (the checkpoint's key). */
    public String userId() {
        try {
            return OAuth2Tokens.account(home)[1];
        } catch (IOException e) {
            return null;
        }
    }

    public synchronized OAuth2Tokens tokens() {
        return tokens;
    }

    private void refresh() throws OAuth2SignIn.OAuth2Exception, InterruptedException, IOException {
        OAuth2Tokens fresh = signIn.refresh(tokens);
        // X rotates refresh tokens: keep the old one only if no new one came
        tokens = fresh.refreshToken() != null ? fresh
                : new OAuth2Tokens(fresh.accessToken(), tokens.refreshToken(), fresh.expiresAt(), fresh.scope());
        tokens.save(home);
    }
}
