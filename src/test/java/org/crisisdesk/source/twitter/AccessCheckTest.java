package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.crisisdesk.source.twitter.AccessCheck.Reach;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verify tries each endpoint once, reads no post and posts nothing; each refusal is told by its own kind. */
class AccessCheckTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private final FakeXServer server = new FakeXServer(clock);

    @AfterEach
    void close() {
        server.close();
    }

    private static Reach reach(AccessCheck.Report r, XClient.Endpoint e) {
        return r.results().stream().filter(x -> x.endpoint() == e).findFirst().orElseThrow().reach();
    }

    @Test
    void fullAccessReachesEverythingWithoutReadingOrPosting() throws Exception {
        server.burst(30, clock.instant().minusSeconds(60), "earlier");
        AccessCheck.Report r = AccessCheck.run(server.settings(ApiVersion.V2), clock);

        assertThat(r.account().handle()).isEqualTo(FakeXServer.HANDLE);
        assertThat(r.results()).extracting(AccessCheck.Result::reach).containsOnly(Reach.YES);
        assertThat(server.ownPosts()).isEmpty();
        assertThat(server.requests()).filteredOn(q -> q.contains("mentions") || q.contains("search"))
                .hasSize(2).allSatisfy(q -> assertThat(q).contains("since_id="));
    }

    @Test
    void endpointsOutsideTheAccessLevelAreNamed() throws Exception {
        server.notEnrolled("search");
        server.notEnrolled("post");
        AccessCheck.Report r = AccessCheck.run(server.settings(ApiVersion.V2), clock);

        assertThat(reach(r, XClient.Endpoint.MENTIONS)).isEqualTo(Reach.YES);
        assertThat(reach(r, XClient.Endpoint.SEARCH)).isEqualTo(Reach.NOT_IN_ACCESS_LEVEL);
        assertThat(reach(r, XClient.Endpoint.POST)).isEqualTo(Reach.NOT_IN_ACCESS_LEVEL);
        assertThat(r.results().get(1).detail()).contains("GET /2/tweets/search/recent");
        assertThat(server.ownPosts()).isEmpty();
    }

    @Test
    void eachRefusalOfTheKeysThemselvesHasItsOwnKind() {
        server.revoke("Unauthorized");
        assertThatThrownBy(() -> AccessCheck.run(server.settings(ApiVersion.V2), clock))
                .isInstanceOfSatisfying(XApiException.class, e -> assertThat(e.kind())
                        .isEqualTo(XApiException.Kind.CREDENTIALS));
    }

    @Test
    void aUsedUpCapAndV11sCode453AreNotCalledCredentials() {
        server.usageCapped(true);
        assertThatThrownBy(() -> AccessCheck.run(server.settings(ApiVersion.V2), clock))
                .isInstanceOfSatisfying(XApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(XApiException.Kind.USAGE_CAPPED);
                    assertThat(e.getMessage()).contains("monthly post cap");
                });
        server.usageCapped(false);
        server.retireV11();
        assertThatThrownBy(() -> AccessCheck.run(server.settings(ApiVersion.V1_1), clock))
                .isInstanceOfSatisfying(XApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(XApiException.Kind.ACCESS_LEVEL);
                    assertThat(e.getMessage()).contains("453").contains("account/verify_credentials")
                            .contains("v2");
                });
    }
}
