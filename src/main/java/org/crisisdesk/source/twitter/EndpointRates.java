package org.crisisdesk.source.twitter;

import java.util.EnumMap;
import java.util.Map;
import org.crisisdesk.source.twitter.XClient.Endpoint;
import twitter4j.RateLimitStatus;
import twitter4j.TwitterException;

/**
 * The rate limit an X client last saw for each endpoint: from every response's headers, and from a failure's when it
 * carries them (a 429 says when the window resets). The collector paces itself by them.
 */
final class EndpointRates {
    private final ApiVersion api;
    private final Map<Endpoint, RateLimit> rates = new EnumMap<>(Endpoint.class);

    EndpointRates(ApiVersion api) {
        this.api = api;
    }

    /** Records a response's headers for {@code endpoint} and returns them as a {@link RateLimit}. */
    RateLimit seen(Endpoint endpoint, RateLimitStatus status) {
        RateLimit rate = Twitter4j.rate(status);
        rates.put(endpoint, rate);
        return rate;
    }

    RateLimit get(Endpoint endpoint) {
        return rates.get(endpoint);
    }

    /** The failure as the desk reports it, its rate limit recorded when it has one. */
    XApiException failed(Endpoint endpoint, TwitterException e) {
        XApiException x = Twitter4j.map(e, api, endpoint);
        if (x.rate() != null) {
            rates.put(endpoint, x.rate());
        }
        return x;
    }
}
