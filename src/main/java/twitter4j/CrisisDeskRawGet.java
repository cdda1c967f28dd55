package twitter4j;

/**
 * A GET on an X endpoint twitter4j and twitter4j-v2 have no method for (the usage endpoint, {@code GET
 * /2/usage/tweets}), through the same twitter4j instance as every other call: its HTTP client (and so
 * {@link CrisisDeskHttpClient}), timeouts and authorization (OAuth 1.0a keys, or the OAuth 2.0 bearer token set on
 * it). A refusal throws {@link TwitterException} exactly as twitter4j's own calls do, so the X adapter classifies it
 * the same way. In twitter4j's package because the instance's client and authorization are package-private there.
 */
public final class CrisisDeskRawGet {
    /** The body as read, and the rate-limit headers of the answer (or null). */
    public static final class Answer {
        private final String body;
        private final RateLimitStatus rate;

        Answer(String body, RateLimitStatus rate) {
            this.body = body;
            this.rate = rate;
        }

        public String body() {
            return body;
        }

        public RateLimitStatus rate() {
            return rate;
        }
    }

    private CrisisDeskRawGet() {}

    /** GETs {@code url} with the query {@code params} (name, value, name, value, …) as {@code twitter} would. */
    public static Answer get(Twitter twitter, String url, String... params) throws TwitterException {
        if (!(twitter instanceof TwitterBaseImpl)) {
            throw new IllegalArgumentException("not a twitter4j instance: " + twitter.getClass());
        }
        TwitterBaseImpl t = (TwitterBaseImpl) twitter;
        HttpParameter[] p = new HttpParameter[params.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = new HttpParameter(params[2 * i], params[2 * i + 1]);
        }
        HttpResponse res = t.http.get(url, p, t.auth, null);
        return new Answer(res.asString(), RateLimitStatusJSONImpl.createFromResponseHeader(res));
    }
}
