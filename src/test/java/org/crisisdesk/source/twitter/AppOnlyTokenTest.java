package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.usage.ProjectUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's OAuth 2.0 bearer token (client credentials) for X's usage endpoint, over real HTTP against the fake X
 * server, which, as X, reads the usage endpoint only with that token: asked for once and kept in memory, asked for
 * again after a 401, and a clear message when X refuses the keys.
 */
class AppOnlyTokenTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private FakeXServer server;
    private XSettings settings;

    @BeforeEach
    void open() {
        server = new FakeXServer(clock);
        server.usageNeedsAppOnly(true);
        server.usageProject(1_234, 10_000, 5);
        settings = server.settings(ApiVersion.V2);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private static XSettings withSecret(XSettings s, String secret) {
        XCredentials c = s.credentials();
        return s.withCredentials(new XCredentials(c.consumerKey(), secret, c.accessToken(), c.accessTokenSecret()));
    }

    @Test
    void theUsageEndpointIsReadWithTheAppsTokenWhichIsAskedForOnce() {
        AppOnlyToken app = new AppOnlyToken();
        for (int i = 0; i < 3; i++) {
            ProjectUsage.Result r = XUsage.fetch(settings, clock, app);
            assertThat(r.why()).isNull();
            assertThat(r.usage().projectUsage()).isEqualTo(1_234);
            assertThat(r.usage().capResetDay()).isEqualTo(5);
        }
        assertThat(server.requestCount("POST /oauth2/token")).isEqualTo(1);
        assertThat(server.requestCount("GET /2/usage/tweets")).isEqualTo(3);
        assertThat(app.cached()).isTrue();
        assertThat(app.toString()).isEqualTo("AppOnlyToken[cached]");
    }

    @Test
    void userContextAloneIsRefusedAsByX() throws Exception {
        // what the desk did before it had the app's token: X answers 403 to the user's keys
        assertThatThrownBy(() -> XClient.create(settings, clock).usage(XUsage.DAYS))
                .isInstanceOf(XApiException.class).hasMessageContaining("403");
    }

    @Test
    void anInvalidatedTokenIsReplacedOnceAfterThe401() throws Exception {
        AppOnlyToken app = new AppOnlyToken();
        assertThat(XUsage.fetch(settings, clock, app).usage()).isNotNull();
        server.invalidateAppToken();
        ProjectUsage.Result again = XUsage.fetch(settings, clock, app);
        assertThat(again.why()).isNull();
        assertThat(again.usage().projectCap()).isEqualTo(10_000);
        assertThat(server.appTokensIssued()).isEqualTo(2);
        assertThat(server.requestCount("POST /oauth2/token")).isEqualTo(2);
        // the refused call and the one retried with the new token
        assertThat(server.requestCount("GET /2/usage/tweets")).isEqualTo(3);
    }

    @Test
    void otherKeysGetTheirOwnToken() {
        AppOnlyToken app = new AppOnlyToken();
        assertThat(XUsage.fetch(settings, clock, app).usage()).isNotNull();
        ProjectUsage.Result wrong = XUsage.fetch(withSecret(settings, "changed-secret-000000"), clock, app);
        assertThat(wrong.usage()).isNull(); // not the cached token of the other keys
        assertThat(app.cached()).isFalse();
        assertThat(XUsage.fetch(settings, clock, app).usage()).isNotNull();
    }

    @Test
    void wrongKeysGet403Code99WithAClearMessageAndNoUsageCall() {
        String secret = "wrong-consumer-secret-4711";
        AppOnlyToken app = new AppOnlyToken();
        ProjectUsage.Result r = XUsage.fetch(withSecret(settings, secret), clock, app);
        assertThat(r.usage()).isNull();
        assertThat(r.why()).contains("X refused the app's API key and secret").contains("HTTP 403")
                .contains("Unable to verify your credentials (code 99)").contains("Connect X account")
                .doesNotContain(secret).doesNotContain(settings.credentials().consumerSecret());
        assertThat(server.requestCount("GET /2/usage/tweets")).isZero();
        assertThat(app.cached()).isFalse();
    }

    @Test
    void a401FromTheTokenEndpointIsTheKeysToo() {
        server.fault("/oauth2/token", 401, "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}");
        XApiException e = org.junit.jupiter.api.Assertions.assertThrows(XApiException.class,
                () -> new AppOnlyToken().get(settings));
        assertThat(e.kind()).isEqualTo(XApiException.Kind.CREDENTIALS);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("HTTP 401: Could not authenticate you. (code 32)")
                .contains("check the API key and API key secret");
    }

    @Test
    void aServerErrorIsTransientAndAnOAuth2SignInAloneSaysWhatIsMissing() {
        server.fault("/oauth2/token", 503, "{\"errors\":[{\"code\":131,\"message\":\"Internal error\"}]}");
        XApiException e = org.junit.jupiter.api.Assertions.assertThrows(XApiException.class,
                () -> new AppOnlyToken().get(settings));
        assertThat(e.kind()).isEqualTo(XApiException.Kind.TRANSIENT);

        XSettings noSecret = settings.withCredentials(new XCredentials(null, null, null, null));
        assertThat(AppOnlyToken.possible(noSecret)).isFalse();
        assertThatThrownBy(() -> new AppOnlyToken().get(noSecret)).isInstanceOf(XApiException.class)
                .hasMessageContaining("API key secret");
    }
}
