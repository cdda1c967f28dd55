package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import twitter4j.RateLimitStatus;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/** What both clients share: building twitter4j, reading its rate limits and turning its errors into ours. */
final class Twitter4j {
    static final String X_V1_BASE = "https://api.twitter.com/1.1/";
    static final String X_V2_BASE = "https://api.twitter.com/2/";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // twitter4j's client, reading v2 created_at values in every RFC 3339 form (see CrisisDeskHttpClient); read by
        // twitter4j once, when it makes its first HTTP client, so set before any.
        if (System.getProperty("twitter4j.http.httpClient") == null) {
            System.setProperty("twitter4j.http.httpClient", "twitter4j.CrisisDeskHttpClient");
        }
    }

    private Twitter4j() {}

    /**
     * A twitter4j instance for the settings. Debug stays off whatever a stray twitter4j.properties on the class path
     * or in the working directory says: its configuration dump prints the secrets.
     */
    static Twitter twitter(XSettings s) {
        XCredentials c = s.credentials();
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, s.timeout().toMillis());
        ConfigurationBuilder cb = new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(c.consumerKey())
                .setOAuthConsumerSecret(c.consumerSecret())
                .setOAuthAccessToken(c.accessToken())
                .setOAuthAccessTokenSecret(c.accessTokenSecret())
                .setJSONStoreEnabled(true)
                .setTweetModeExtended(true)
                .setTrimUserEnabled(false)
                .setHttpConnectionTimeout(timeoutMs)
                .setHttpReadTimeout(timeoutMs)
                .setHttpRetryCount(0)
                .setRestBaseURL(s.apiBase() == null ? X_V1_BASE : s.apiBase() + "1.1/");
        if (s.oauth2() != null) {
            // OAuth 2.0 user context: twitter4j sends "Authorization: Bearer <token>" (its app-only path, given a token)
            cb.setOAuthAccessToken(null).setOAuthAccessTokenSecret(null).setApplicationOnlyAuthEnabled(true)
                    .setOAuthConsumerKey("oauth2-public-client").setOAuthConsumerSecret("unused")
                    .setOAuth2TokenType("bearer").setOAuth2AccessToken(s.oauth2().tokens().accessToken());
        }
        Configuration conf = cb.build();
        // twitter4j-v2 keeps its base URL per configuration value: set it every time, never inherit a stale one.
        V2ConfigurationKt.getV2Configuration(conf).setBaseURL(s.apiBase() == null ? X_V2_BASE : s.apiBase() + "2/");
        return new TwitterFactory(conf).getInstance();
    }

    /**
     * A twitter4j instance that authorizes every call with the app's own bearer token (application-only, see
     * {@link AppOnlyToken}): {@code Authorization: Bearer <token>}, no user context. Debug off, as above.
     */
    static Twitter appOnly(XSettings s, String appToken) {
        XCredentials c = s.credentials();
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, s.timeout().toMillis());
        Configuration conf = new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setApplicationOnlyAuthEnabled(true)
                .setOAuthConsumerKey(c.consumerKey())
                .setOAuthConsumerSecret(c.consumerSecret())
                .setOAuth2TokenType("bearer")
                // X hands the token out percent-encoded and expects it so in the header; twitter4j encodes it
                // once more when it writes the header, so it is given the decoded form
                .setOAuth2AccessToken(java.net.URLDecoder.decode(appToken, java.nio.charset.StandardCharsets.UTF_8))
                .setJSONStoreEnabled(true)
                .setHttpConnectionTimeout(timeoutMs)
                .setHttpReadTimeout(timeoutMs)
                .setHttpRetryCount(0)
                .setRestBaseURL(s.apiBase() == null ? X_V1_BASE : s.apiBase() + "1.1/")
                .build();
        V2ConfigurationKt.getV2Configuration(conf).setBaseURL(s.apiBase() == null ? X_V2_BASE : s.apiBase() + "2/");
        return new TwitterFactory(conf).getInstance();
    }

    static RateLimit rate(RateLimitStatus st) {
        if (st == null || st.getResetTimeInSeconds() <= 0) {
            return null;
        }
        return new RateLimit(st.getLimit(), st.getRemaining(), Instant.ofEpochSecond(st.getResetTimeInSeconds()));
    }

    /** v2's problem type for an endpoint outside the project's access level (reason {@code client-not-enrolled}). */
    static final String CLIENT_FORBIDDEN = "https://api.twitter.com/2/problems/client-forbidden";
    /** v2's problem type for a used-up monthly cap (429). */
    static final String USAGE_CAPPED = "https://api.twitter.com/2/problems/usage-capped";

    static XApiException map(TwitterException e, ApiVersion api) {
        return map(e, api, null);
    }

    /**
     * Classifies a twitter4j failure by its HTTP status and X's own problem type or error code (twitter4j itself calls
     * any 400 with rate headers "rate limited"; we do not): 401 the keys; 403 {@code client-not-enrolled} or code 453
     * the access level; 429 {@code usage-capped} the monthly cap; any other 429 the 15-minute window.
     */
    static XApiException map(TwitterException e, ApiVersion api, XClient.Endpoint endpoint) {
        int status = e.getStatusCode();
        RateLimit rate = rate(e.getRateLimitStatus());
        String message = message(e, api);
        JsonNode problem = problem(e.getMessage());
        String type = problem == null ? "" : problem.path("type").asText("");
        String reason = problem == null ? "" : problem.path("reason").asText("");
        String name = endpoint == null ? null : endpoint.label(api);
        XApiException.Kind kind;
        if ((status == 429 || status == 403) && (type.endsWith("/usage-capped") || type.equals(USAGE_CAPPED))) {
            kind = XApiException.Kind.USAGE_CAPPED;
            message = "HTTP " + status + " usage-capped: the project's monthly post cap is used up until it resets on "
                    + "the project's billing day (see the Developer Console)"
                    + (problem.path("detail").isTextual() ? " — " + problem.get("detail").asText() : "");
        } else if (status == 429 || status == 420) {
            kind = XApiException.Kind.RATE_LIMITED;
        } else if (status == 403 && duplicate(e, message)) {
            kind = XApiException.Kind.DUPLICATE;
        } else if (status == 403 && (e.getErrorCode() == 453 || message.contains("(code 453)"))) {
            kind = XApiException.Kind.ACCESS_LEVEL;
            message = "HTTP 403 (code 453): your access level does not include " + (name == null ? "this endpoint"
                    : name) + " — most access levels no longer serve API v1.1; choose v2";
        } else if (status == 403 && ("client-not-enrolled".equals(reason) || type.endsWith("/client-forbidden"))) {
            kind = XApiException.Kind.ACCESS_LEVEL;
            message = "HTTP 403 client-not-enrolled: your project's access level does not include "
                    + (name == null ? "this endpoint" : name);
        } else if (status == 401 || status == 403) {
            kind = XApiException.Kind.CREDENTIALS;
        } else if (status <= 0 || status >= 500) {
            kind = XApiException.Kind.TRANSIENT;
        } else {
            kind = XApiException.Kind.REJECTED;
        }
        return new XApiException(kind, status, message, rate, e, name);
    }

    /** v2's problem JSON inside twitter4j's message, or null. */
    static JsonNode problem(String twitter4jMessage) {
        if (twitter4jMessage == null) {
            return null;
        }
        int brace = twitter4jMessage.indexOf('{');
        if (brace < 0) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(twitter4jMessage.substring(brace));
            return n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static boolean duplicate(TwitterException e, String message) {
        return e.getErrorCode() == 187 || message.toLowerCase(java.util.Locale.ROOT).contains("duplicate");
    }

    /**
     * twitter4j throws unchecked exceptions (NumberFormatException, ClassCastException...) for some damaged answers,
     * e.g. a non-numeric id: a bad answer like any malformed one, retried with back-off instead of ending the source.
     */
    static XApiException unreadable(RuntimeException e) {
        return new XApiException(XApiException.Kind.TRANSIENT, -1, "malformed response: "
                + e.getClass().getSimpleName(), null, e);
    }

    /**
     * What was wrong with an unreadable answer, without quoting it: the JSON parser's messages carry the body, which
     * holds mention text, and this goes into the status bar and the log.
     */
    static String malformed(String parserMessage) {
        if (parserMessage == null) {
            return "malformed response";
        }
        int at = parserMessage.indexOf(" at character ");
        if (at >= 0) {
            int of = parserMessage.indexOf(" of ", at);
            return "malformed response: " + parserMessage.substring(0, of >= 0 ? of : at);
        }
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("cannot be converted to (\\w+)")
                .matcher(parserMessage);
        return type.find() ? "malformed response: not a " + type.group(1) : "malformed response";
    }

    /** The API's own words (v2 problem JSON, v1.1 error message), else a short description of what went wrong. */
    static String message(TwitterException e, ApiVersion api) {
        int status = e.getStatusCode();
        if (status <= 0) {
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException) {
                return "timed out: " + cause.getMessage();
            }
            if (cause != null && cause.getClass().getName().endsWith("JSONException")) {
                return malformed(cause.getMessage());
            }
            return "no response: " + (cause != null ? cause.toString() : abbreviate(e.getMessage()));
        }
        if (e.getErrorMessage() != null) {
            return "HTTP " + status + ": " + e.getErrorMessage()
                    + (e.getErrorCode() > 0 ? " (code " + e.getErrorCode() + ")" : "");
        }
        String problem = problemText(e.getMessage());
        return "HTTP " + status + (problem != null ? ": " + problem : "");
    }

    /** v2 puts its problem JSON ({@code title}, {@code detail}, {@code errors[]}) into twitter4j's message. */
    static String problemText(String twitter4jMessage) {
        if (twitter4jMessage == null) {
            return null;
        }
        int brace = twitter4jMessage.indexOf('{');
        if (brace < 0) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(twitter4jMessage.substring(brace));
            String detail = text(n, "detail");
            String title = text(n, "title");
            if (detail == null && n.path("errors").isArray() && n.get("errors").size() > 0) {
                JsonNode first = n.get("errors").get(0);
                detail = text(first, "message") != null ? text(first, "message") : text(first, "detail");
            }
            if (detail != null && title != null && !detail.startsWith(title)) {
                return title + " — " + detail;
            }
            return detail != null ? detail : title;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    static JsonNode readRaw(String rawJson) {
        if (rawJson == null) {
            return null;
        }
        try {
            return JSON.readTree(rawJson);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** Text any store can carry: NUL and unpaired surrogates become U+FFFD (a live post is never dropped for them). */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(ch)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    if (sb != null) {
                        sb.append(ch).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = ch == 0 || Character.isLowSurrogate(ch);
            }
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** When a post id was minted (X ids carry milliseconds since 2010-11-04 in their upper bits). */
    static Instant snowflakeTime(long id) {
        return Instant.ofEpochMilli((id >> 22) + 1288834974657L);
    }
}
