package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The app's OAuth 2.0 bearer token (application-only, "client credentials"), which X's usage endpoint ({@code GET
 * /2/usage/tweets}) asks for instead of a user's keys: {@code POST /oauth2/token} with {@code
 * grant_type=client_credentials} and HTTP Basic of the URL-encoded API key and API key secret (X: docs.x.com,
 * "Using and generating an app-only Bearer Token"). X hands out one token per app until it is invalidated, and refuses
 * requests for it that come too often (403, code 99), so the token is kept here, in memory only (never written, never
 * logged, not shown by {@link #toString()}), and asked for again only after X answered 401 to it ({@link
 * #invalidate}) or the keys changed. Thread-safe; {@link #get} blocks on HTTP, never call it on the FX thread.
 */
public final class AppOnlyToken {
    /** X's token endpoint (its documentation names api.x.com). */
    static final String X_TOKEN = "https://api.x.com/oauth2/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String token;
    /** Which token endpoint and keys {@link #token} was issued for: a digest, never the secret itself. */
    private String issuedFor;

    /** The token endpoint for the settings: X's, or the compatible server's {@code apiBase + "oauth2/token"}. */
    static String endpoint(XSettings s) {
        return s.apiBase() == null ? X_TOKEN : s.apiBase() + "oauth2/token";
    }

    /** Whether the settings carry what an app-only token needs: the app's API key and API key secret. */
    public static boolean possible(XSettings s) {
        return s != null && s.credentials().consumerKey() != null && s.credentials().consumerSecret() != null;
    }

    /**
     * The cached token for these settings' app, or a new one from X's token endpoint.
     *
     * @throws XApiException {@link XApiException.Kind#CREDENTIALS} when X refuses the API key and secret (401, or 403
     *                       code 99), {@link XApiException.Kind#TRANSIENT} for no answer or a 5xx, else
     *                       {@link XApiException.Kind#REJECTED}
     */
    public synchronized String get(XSettings s) throws XApiException {
        if (!possible(s)) {
            throw new XApiException(XApiException.Kind.CREDENTIALS, -1, "X's usage endpoint takes the app's own "
                    + "bearer token, made from the app's API key and API key secret; none are set (an OAuth 2.0 "
                    + "sign-in has no secret): enter them in Connect X account", null, null, endpoint(s));
        }
        String key = key(s);
        if (token != null && key.equals(issuedFor)) {
            return token;
        }
        token = null;
        issuedFor = null;
        String fresh = request(s);
        token = fresh;
        issuedFor = key;
        return fresh;
    }

    /** Forgets {@code used} after X answered 401 to it (revoked or invalidated); the next {@link #get} asks anew. */
    public synchronized void invalidate(String used) {
        if (token != null && token.equals(used)) {
            token = null;
            issuedFor = null;
        }
    }

    /** Whether a token is held (for tests and the settings' "measured by X" note); never the token. */
    public synchronized boolean cached() {
        return token != null;
    }

    private static String request(XSettings s) throws XApiException {
        XCredentials c = s.credentials();
        String basic = Base64.getEncoder().encodeToString((enc(c.consumerKey()) + ":" + enc(c.consumerSecret()))
                .getBytes(StandardCharsets.UTF_8));
        String url = endpoint(s);
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(s.timeout())
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .header("User-Agent", "CrisisDesk")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        } catch (IllegalArgumentException e) {
            throw new XApiException(XApiException.Kind.REJECTED, -1, "not a token endpoint: " + url, null, null,
                    "POST /oauth2/token");
        }
        HttpResponse<String> r;
        HttpClient http = HttpClient.newBuilder().connectTimeout(s.timeout()).build();
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new XApiException(XApiException.Kind.TRANSIENT, -1, "no answer from X's token endpoint ("
                    + e.getClass().getSimpleName() + ")", null, e, "POST /oauth2/token");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XApiException(XApiException.Kind.TRANSIENT, -1, "interrupted while asking X for the app's "
                    + "bearer token", null, e, "POST /oauth2/token");
        }
        int status = r.statusCode();
        JsonNode body = Twitter4j.readRaw(r.body());
        if (status == 200) {
            String type = body == null ? "" : body.path("token_type").asText("");
            String t = body == null ? "" : body.path("access_token").asText("");
            if (!"bearer".equalsIgnoreCase(type) || t.isBlank()) {
                throw new XApiException(XApiException.Kind.TRANSIENT, 200, "X's token endpoint answered without a "
                        + "bearer token", null, null, "POST /oauth2/token");
            }
            return t.strip();
        }
        String xSays = errorText(body);
        if (status == 401 || status == 403) {
            throw new XApiException(XApiException.Kind.CREDENTIALS, status, "X refused the app's API key and secret "
                    + "for an app-only bearer token (HTTP " + status + (xSays == null ? "" : ": " + xSays) + "): "
                    + "check the API key and API key secret in Connect X account (the app's keys from the Developer "
                    + "Console, not the access token)", null, null, "POST /oauth2/token");
        }
        XApiException.Kind kind = status == 429 ? XApiException.Kind.RATE_LIMITED
                : status >= 500 ? XApiException.Kind.TRANSIENT : XApiException.Kind.REJECTED;
        throw new XApiException(kind, status, "X's token endpoint answered HTTP " + status
                + (xSays == null ? "" : ": " + xSays), null, null, "POST /oauth2/token");
    }

    /** X's own words from a v1.1-style error list or a v2 problem, never the request's. */
    private static String errorText(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode first = body.path("errors").path(0);
        if (first.isObject()) {
            String m = first.path("message").asText("");
            int code = first.path("code").asInt(0);
            return m.isBlank() ? null : m + (code > 0 ? " (code " + code + ")" : "");
        }
        String detail = body.path("detail").asText(body.path("error_description").asText(body.path("error")
                .asText("")));
        return detail.isBlank() ? null : detail;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String key(XSettings s) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(endpoint(s).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(s.credentials().consumerKey().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(s.credentials().consumerSecret().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized String toString() {
        return "AppOnlyToken[" + (token == null ? "none" : "cached") + "]";
    }
}
