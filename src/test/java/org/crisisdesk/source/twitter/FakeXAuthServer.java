package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * X's OAuth 2.0 authorization and token endpoints on 127.0.0.1, with their rules: the authorize page checks every
 * parameter (S256 only, the registered client, the scopes) and "the person" approves or denies it by redirecting to
 * redirect_uri; the token endpoint takes a code once, within 30 s, only with the verifier whose S256 matches the
 * challenge and the same redirect_uri and client; refresh tokens rotate. Time comes from the given clock.
 */
public final class FakeXAuthServer implements AutoCloseable {
    public static final String CLIENT_ID = "Y2xpZW50LWlkLWZvci10ZXN0czox";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Consent { APPROVE, DENY, FORGE_STATE }

    private record Grant(String challenge, String redirect, String clientId, Instant issued) {}

    private final Clock clock;
    private final HttpServer http;
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>(); // refresh → client
    /** Access tokens X would accept now (a refreshed one replaces the one before it). */
    public final java.util.Set<String> liveAccessTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    public volatile Consent consent = Consent.APPROVE;
    /** Time that passes between the redirect and the exchange (an expired code when over 30 s). */
    volatile Duration exchangeDelay = Duration.ZERO;
    volatile boolean refuseRefresh;
    volatile String lastAuthorizeQuery;

    public FakeXAuthServer(Clock clock) throws IOException {
        this.clock = clock;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/i/oauth2/authorize", this::authorize);
        http.createContext("/2/oauth2/token", this::token);
        http.start();
    }

    public URI authorizeUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/i/oauth2/authorize");
    }

    public URI tokenUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/2/oauth2/token");
    }

    private synchronized void authorize(HttpExchange ex) throws IOException {
        try (ex) {
            lastAuthorizeQuery = ex.getRequestURI().getRawQuery();
            Map<String, String> q = OAuth2SignIn.parse(lastAuthorizeQuery);
            String redirect = q.get("redirect_uri");
            String problem = null;
            if (!"code".equals(q.get("response_type"))) {
                problem = "response_type must be code";
            } else if (!CLIENT_ID.equals(q.get("client_id"))) {
                problem = "unknown client_id";
            } else if (redirect == null || !redirect.matches("http://127\\.0\\.0\\.1:\\d+/callback")) {
                problem = "redirect_uri is not registered";
            } else if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
                problem = "PKCE S256 is required";
            } else if (!List.of(q.getOrDefault("scope", "").split(" ")).containsAll(
                    List.of("tweet.read", "users.read", "tweet.write", "offline.access"))) {
                problem = "scope";
            } else if (q.get("state") == null) {
                problem = "state is required";
            }
            if (problem != null) {
                send(ex, 400, "text/plain", problem);
                return;
            }
            String state = consent == Consent.FORGE_STATE ? "forged-" + q.get("state") : q.get("state");
            String target;
            if (consent == Consent.DENY) {
                target = redirect + "?error=access_denied&state=" + enc(state);
            } else {
                String code = "code-" + UUID.randomUUID();
                codes.put(code, new Grant(q.get("code_challenge"), redirect, q.get("client_id"), clock.instant()));
                target = redirect + "?state=" + enc(state) + "&code=" + enc(code);
            }
            ex.getResponseHeaders().add("Location", target);
            ex.sendResponseHeaders(302, -1);
        }
    }

    private synchronized void token(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> f = OAuth2SignIn.parse(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            tokenRequests.add(f.get("grant_type"));
            if (!CLIENT_ID.equals(f.get("client_id"))) {
                error(ex, 401, "unauthorized_client", "Missing valid authorization header");
                return;
            }
            if ("authorization_code".equals(f.get("grant_type"))) {
                Grant g = codes.remove(f.get("code"));
                Instant now = clock.instant().plus(exchangeDelay);
                if (g == null || now.isAfter(g.issued().plusSeconds(30)) || !g.redirect().equals(f.get("redirect_uri"))
                        || f.get("code_verifier") == null
                        || !OAuth2SignIn.challenge(f.get("code_verifier")).equals(g.challenge())) {
                    error(ex, 400, "invalid_request", "Value passed for the authorization code was invalid.");
                    return;
                }
                issue(ex);
            } else if ("refresh_token".equals(f.get("grant_type"))) {
                if (refuseRefresh || refreshTokens.remove(f.get("refresh_token")) == null) {
                    error(ex, 400, "invalid_request", "Value passed for the token was invalid.");
                    return;
                }
                issue(ex);
            } else {
                error(ex, 400, "unsupported_grant_type", "grant_type");
            }
        }
    }

    private void issue(HttpExchange ex) throws IOException {
        String refresh = "refresh-" + UUID.randomUUID();
        refreshTokens.put(refresh, CLIENT_ID);
        ObjectNode n = JSON.createObjectNode();
        n.put("token_type", "bearer");
        n.put("expires_in", 7200);
        String access = "access-" + UUID.randomUUID();
        liveAccessTokens.clear();
        liveAccessTokens.add(access);
        n.put("access_token", access);
        n.put("scope", "tweet.write users.read tweet.read offline.access");
        n.put("refresh_token", refresh);
        send(ex, 200, "application/json", n.toString());
    }

    private static void error(HttpExchange ex, int status, String error, String description) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        send(ex, status, "application/json", n.toString());
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
