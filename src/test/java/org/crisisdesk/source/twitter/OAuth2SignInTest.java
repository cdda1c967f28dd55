package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.crisisdesk.source.twitter.OAuth2SignIn.OAuth2Exception;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with X" end to end against a local authorization and token server: a real loopback redirect, a "browser"
 * that follows X's 302 to it, PKCE checked by the token endpoint; each way it can fail says so in its own words.
 */
class OAuth2SignInTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private FakeXAuthServer x;
    private OAuth2SignIn signIn;
    private final HttpClient browserHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    /** The system browser: opens the authorize page, where the person consents, and follows X's redirect. */
    private final Consumer<URI> browser = uri -> {
        try {
            browserHttp.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeEach
    void open() throws Exception {
        x = new FakeXAuthServer(clock);
        signIn = new OAuth2SignIn(FakeXAuthServer.CLIENT_ID, x.authorizeUri(), x.tokenUri(), clock);
    }

    @AfterEach
    void close() {
        x.close();
    }

    @Test
    void signingInGivesTokensThatAreSavedOwnerOnlyAndNeverShown() throws Exception {
        OAuth2Tokens t = signIn.signIn(browser);

        assertThat(t.accessToken()).startsWith("access-");
        assertThat(t.refreshToken()).startsWith("refresh-");
        assertThat(t.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        Map<String, String> q = OAuth2SignIn.parse(x.lastAuthorizeQuery);
        assertThat(q).containsEntry("code_challenge_method", "S256").containsEntry("scope",
                "tweet.read users.read tweet.write offline.access");
        assertThat(q.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/callback");
        assertThat(t.toString()).doesNotContain(t.accessToken(), t.refreshToken());

        Path home = TempDesk.newHome();
        t.save(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(OAuth2Tokens.file(home))))
                .isEqualTo("rw-------");
        assertThat(OAuth2Tokens.load(home)).isEqualTo(t);
    }

    @Test
    void anAnswerWithAnotherStateIsRefusedAndNothingIsExchanged() {
        x.consent = FakeXAuthServer.Consent.FORGE_STATE;
        assertThatThrownBy(() -> signIn.signIn(browser)).isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.kind()).isEqualTo(OAuth2Exception.Kind.STATE_MISMATCH);
            assertThat(e.getMessage()).contains("state mismatch").contains("Sign in again");
        });
        assertThat(x.tokenRequests).isEmpty();
    }

    @Test
    void declinedConsentSaysSo() {
        x.consent = FakeXAuthServer.Consent.DENY;
        assertThatThrownBy(() -> signIn.signIn(browser)).isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.kind()).isEqualTo(OAuth2Exception.Kind.DENIED);
            assertThat(e.getMessage()).contains("not granted");
        });
        assertThat(x.tokenRequests).isEmpty();
    }

    @Test
    void anExpiredCodeSaysSignInAgain() {
        x.exchangeDelay = Duration.ofSeconds(31);
        assertThatThrownBy(() -> signIn.signIn(browser)).isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.kind()).isEqualTo(OAuth2Exception.Kind.CODE_REFUSED);
            assertThat(e.getMessage()).contains("expires after 30 seconds")
                    .contains("authorization code was invalid");
        });
    }

    @Test
    void theSessionRefreshesBeforeExpiryAndOnA401AndSaysWhenRefreshFails() throws Exception {
        Path home = TempDesk.newHome();
        OAuth2Tokens first = signIn.signIn(browser);
        OAuth2Session session = new OAuth2Session(signIn, home, first, clock);
        assertThat(session.accessToken()).isEqualTo(first.accessToken());

        clock.advance(Duration.ofHours(2).minus(OAuth2Tokens.REFRESH_AHEAD));
        String second = session.accessToken();
        assertThat(second).isNotEqualTo(first.accessToken());
        assertThat(OAuth2Tokens.load(home).accessToken()).isEqualTo(second);
        assertThat(session.tokens().refreshToken()).isNotEqualTo(first.refreshToken()); // rotated

        String third = session.afterUnauthorized(second);
        assertThat(third).isNotEqualTo(second);
        assertThat(session.afterUnauthorized(second)).isEqualTo(third); // another call refreshed already

        x.refuseRefresh = true;
        assertThatThrownBy(() -> session.afterUnauthorized(third)).isInstanceOfSatisfying(OAuth2Exception.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(OAuth2Exception.Kind.REFRESH_REFUSED);
                    assertThat(e.getMessage()).contains("sign in with X again");
                });
    }

    @Test
    void aClientIdIsNeeded() {
        assertThatThrownBy(() -> new OAuth2SignIn(" ", clock)).hasMessageContaining("client ID");
    }

    @Test
    void v2CallsCarryTheSignInsBearerTokenAndRefreshItOnA401() throws Exception {
        Path home = TempDesk.newHome();
        OAuth2Session session = new OAuth2Session(signIn, home, signIn.signIn(browser), clock);
        try (FakeXServer api = new FakeXServer(clock)) {
            api.acceptBearer(x.liveAccessTokens::contains);
            api.mention("@desk_official 로그인 후 첫 멘션", clock.instant().minusSeconds(5));
            XSettings settings = new XSettings(XCredentials.NONE, ApiVersion.V2, api.base(), java.util.List.of(),
                    null).withOAuth2(session);
            assertThat(settings.connected()).isTrue();
            XClient client = XClient.create(settings, clock);
            XAccount me = client.verify();
            assertThat(me.handle()).isEqualTo(FakeXServer.HANDLE);
            assertThat(client.mentions(me, null, null).mentions()).hasSize(1);

            // X revokes the access token early: the next call gets a 401, refreshes once and goes through
            x.liveAccessTokens.clear();
            String before = session.tokens().accessToken();
            x.liveAccessTokens.clear();
            assertThat(client.mentions(me, null, null).mentions()).hasSize(1);
            assertThat(session.tokens().accessToken()).isNotEqualTo(before);
            assertThat(OAuth2Tokens.load(home).accessToken()).isEqualTo(session.tokens().accessToken());
        }
    }
}
