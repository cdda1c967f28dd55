package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * "Verify" in the Connect dialog: who the keys belong to, then which of the endpoints the desk needs they can reach,
 * each tried once in a way that reads no posts and posts nothing:
 * <ul>
 * <li>mentions and search are asked for posts newer than this very moment ({@code since_id} minted from the clock),
 * so X checks the keys and the access level and answers an empty page (no post read, nothing billed);</li>
 * <li>posting is tried with an empty post ({@code POST /2/tweets} with no text), which X can only refuse: a 400
 * means the keys and the access level let it through to the request check, a 403 says which of them stopped it.
 * Nothing is ever posted. On v1.1 posting is not checked (an empty {@code statuses/update} is not a safe probe
 * on every compatible server).</li>
 * </ul>
 * Blocks on HTTP: never on the FX thread.
 */
public final class AccessCheck {
    /** How one endpoint answered. */
    public enum Reach {
        /** The keys and the access level let the call through. */
        YES,
        /** 403 client-not-enrolled or 453: the access level does not include it. */
        NOT_IN_ACCESS_LEVEL,
        /** 401/403 for the keys themselves, e.g. read-only app permissions asked to post. */
        REFUSED,
        /** Not tried (see the detail). */
        NOT_CHECKED,
        /** Could not tell (timeout, 5xx, rate limit or usage cap). */
        UNKNOWN
    }

    /** One endpoint's answer; {@code detail} is X's own words or why it was not tried. */
    public record Result(XClient.Endpoint endpoint, String name, Reach reach, String detail) {}

    /** The account and what it can reach. */
    public record Report(XAccount account, List<Result> results) {}

    private AccessCheck() {}

    /**
     * Verifies the keys (throwing {@link XApiException} as {@link XClient#verify()} does when X refuses them), then
     * tries mentions, search and posting once each.
     */
    public static Report run(XSettings settings, Clock clock) throws XApiException {
        return run(XClient.create(settings, clock), clock);
    }

    static Report run(XClient client, Clock clock) throws XApiException {
        XAccount account = client.verify();
        String now = Long.toString(SnowflakeIds.fromTime(clock.instant()));
        List<Result> out = new ArrayList<>();
        out.add(attempt(client, XClient.Endpoint.MENTIONS, () -> client.mentions(account, now, null)));
        if (client.api() == ApiVersion.V1_1) {
            out.add(new Result(XClient.Endpoint.SEARCH, XClient.Endpoint.SEARCH.label(client.api()), Reach.NOT_CHECKED,
                    "v1.1 search/tweets was retired in 2023; back-fill needs v2"));
        } else {
            out.add(attempt(client, XClient.Endpoint.SEARCH, () -> client.searchBetween("@" + account.handle(), now,
                    null, null, null)));
        }
        out.add(probePost(client));
        return new Report(account, List.copyOf(out));
    }

    private interface Call {
        void run() throws XApiException;
    }

    private static Result attempt(XClient client, XClient.Endpoint endpoint, Call call) {
        String name = endpoint.label(client.api());
        try {
            call.run();
            return new Result(endpoint, name, Reach.YES, null);
        } catch (XApiException e) {
            return new Result(endpoint, name, of(e), e.getMessage());
        }
    }

    private static Result probePost(XClient client) {
        XClient.Endpoint endpoint = XClient.Endpoint.POST;
        String name = endpoint.label(client.api());
        if (client.api() == ApiVersion.V1_1) {
            return new Result(endpoint, name, Reach.NOT_CHECKED, "not checked on v1.1 (checking could post)");
        }
        try {
            client.probePost();
            // X accepted an empty post: it cannot, so the server is not X; say so rather than guess.
            return new Result(endpoint, name, Reach.UNKNOWN, "the server accepted an empty post");
        } catch (XApiException e) {
            if (e.httpStatus() == 400) {
                return new Result(endpoint, name, Reach.YES, null);
            }
            return new Result(endpoint, name, of(e), e.getMessage());
        }
    }

    private static Reach of(XApiException e) {
        switch (e.kind()) {
            case ACCESS_LEVEL:
                return Reach.NOT_IN_ACCESS_LEVEL;
            case CREDENTIALS:
                return Reach.REFUSED;
            default:
                return Reach.UNKNOWN;
        }
    }

    /** Post ids as X mints them (milliseconds since 2010-11-04 in the upper bits). */
    static final class SnowflakeIds {
        private SnowflakeIds() {}

        static long fromTime(java.time.Instant t) {
            return (t.toEpochMilli() - 1288834974657L) << 22;
        }
    }
}
