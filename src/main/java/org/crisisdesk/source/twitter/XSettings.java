package org.crisisdesk.source.twitter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything the connector needs: the account's keys, which API generation, an optional compatible server and
 * optional keyword searches. Immutable.
 *
 * @param apiBase  null for X itself, else a base URL ending in "/": v1.1 calls go to {@code apiBase + "1.1/"}, v2 calls
 *                 to {@code apiBase + "2/"}
 * @param keywords search queries for posts about the company that do not @-mention it; may be empty
 * @param timeout  connect and read timeout of each HTTP call
 */
public record XSettings(XCredentials credentials, ApiVersion api, String apiBase, List<String> keywords,
        Duration timeout, OAuth2Session oauth2) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public XSettings(XCredentials credentials, ApiVersion api, String apiBase, List<String> keywords,
            Duration timeout) {
        this(credentials, api, apiBase, keywords, timeout, null);
    }

    /**
     * The same account signed in with OAuth 2.0 instead of the four OAuth 1.0a keys: v2 calls carry the session's
     * bearer token (refreshed before it expires and on a 401). v2 only.
     */
    public XSettings withOAuth2(OAuth2Session session) {
        return new XSettings(credentials, ApiVersion.V2, apiBase, keywords, timeout, session);
    }

    public XSettings {
        credentials = credentials == null ? XCredentials.NONE : credentials;
        api = api == null ? ApiVersion.V2 : api;
        apiBase = normalizeBase(apiBase);
        keywords = keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty())
                .distinct().toList();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public static XSettings of(XCredentials credentials) {
        return new XSettings(credentials, ApiVersion.V2, null, List.of(), null);
    }

    public boolean connected() {
        return credentials.complete() || oauth2 != null;
    }

    public XSettings withApi(ApiVersion newApi) {
        return new XSettings(credentials, newApi, apiBase, keywords, timeout, oauth2);
    }

    public XSettings withApiBase(String newBase) {
        return new XSettings(credentials, api, newBase, keywords, timeout, oauth2);
    }

    public XSettings withKeywords(List<String> newKeywords) {
        return new XSettings(credentials, api, apiBase, newKeywords, timeout, oauth2);
    }

    public XSettings withTimeout(Duration newTimeout) {
        return new XSettings(credentials, api, apiBase, keywords, newTimeout, oauth2);
    }

    public XSettings withCredentials(XCredentials newCredentials) {
        return new XSettings(newCredentials, api, apiBase, keywords, timeout, oauth2);
    }

    /**
     * Where a source keeps its checkpoint: the account, not the API generation (post ids are the same in v2 and
     * v1.1, so switching generations neither repeats nor skips).
     */
    public String sourceKey() {
        if (oauth2 != null && oauth2.userId() != null) {
            return "x:" + oauth2.userId();
        }
        String id = credentials.tokenUserId();
        if (id != null) {
            return "x:" + id;
        }
        // A compatible server may issue tokens without the id prefix: key by a short digest of the public token.
        return "x:token-" + digest(credentials.accessToken() == null ? "" : credentials.accessToken());
    }

    private static String digest(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks and normalizes a base URL: http or https, a host, no query; a missing trailing slash is added.
     *
     * @return null for blank input
     * @throws IllegalArgumentException with a message fit to show
     */
    public static String normalizeBase(String base) {
        if (base == null || base.isBlank()) {
            return null;
        }
        String b = base.strip();
        URI uri;
        try {
            uri = new URI(b);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + b);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The API base must be an http or https URL: " + b);
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("The API base needs a host and no query: " + b);
        }
        return b.endsWith("/") ? b : b + "/";
    }

    @Override
    public String toString() {
        return "XSettings[api=" + api + ", apiBase=" + (apiBase == null ? "X" : apiBase) + ", keywords=" + keywords
                + ", credentials=" + credentials + (oauth2 == null ? "" : ", oauth2") + "]";
    }
}
