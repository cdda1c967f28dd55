package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Sign in with X": OAuth 2.0 Authorization Code with PKCE (S256) for a public client (the company's own client id,
 * no secret). Opens the system browser (through the caller's {@code browser}, e.g. HostServices) at X's authorize URL,
 * listens on a loopback redirect {@code http://127.0.0.1:PORT/callback} for exactly one request, checks its state,
 * and exchanges the code at the token endpoint; {@link #refresh} trades a refresh token for new tokens. Tokens are
 * never logged; every failure is an {@link OAuth2Exception} whose message says what happened and what to do. Blocks:
 * never on the FX thread.
 */
public final class OAuth2SignIn {
    public static final String X_AUTHORIZE = "https://x.com/i/oauth2/authorize";
    public static final String X_TOKEN = "https://api.x.com/2/oauth2/token";
    /** Read mentions and the account, post notices, and keep a refresh token. */
    public static final String SCOPES = "tweet.read users.read tweet.write offline.access";
    static final Duration WAIT_FOR_BROWSER = Duration.ofMinutes(5);

    /** Why a sign-in or refresh failed. */
    public static final class OAuth2Exception extends Exception {
        private static final long serialVersionUID = 1L;

        /** What went wrong, for the message key and the caller's next step. */
        public enum Kind {
            /** The answer's state was not this sign-in's: possibly forged; nothing was exchanged. */
            STATE_MISMATCH,
            /** The person declined on X's consent page. */
            DENIED,
            /** The token endpoint refused the code (expired, used, or not for this verifier/redirect). */
            CODE_REFUSED,
            /** The refresh token was refused: sign in again. */
            REFRESH_REFUSED,
            /** No answer from the browser in time, or a network failure. */
            NO_ANSWER
        }

        private final Kind kind;

        OAuth2Exception(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final URI authorize;
    private final URI token;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /** Against X itself. */
    public OAuth2SignIn(String clientId, Clock clock) {
        this(clientId, URI.create(X_AUTHORIZE), URI.create(X_TOKEN), clock);
    }

    public OAuth2SignIn(String clientId, URI authorize, URI token, Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("Enter the app's OAuth 2.0 client ID (developer console → your app "
                    + "→ Keys and tokens)");
        }
        this.clientId = clientId.strip();
        this.authorize = authorize;
        this.token = token;
        this.clock = clock;
    }

    /**
     * The whole flow: listens on a loopback port, hands the authorize URL to {@code browser}, waits (up to 5 minutes)
     * for the one redirect, and exchanges its code.
     */
    public OAuth2Tokens signIn(Consumer<URI> browser) throws OAuth2Exception, InterruptedException {
        return signIn(browser, WAIT_FOR_BROWSER);
    }

    OAuth2Tokens signIn(Consumer<URI> browser, Duration wait) throws OAuth2Exception, InterruptedException {
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(24);
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "Could not listen on a local port for X's "
                    + "answer: " + e.getMessage());
        }
        server.createContext("/callback", ex -> callback(ex, answer));
        server.start();
        try {
            String redirect = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
            browser.accept(authorizeUri(redirect, state, challenge(verifier)));
            Map<String, String> q;
            try {
                q = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "No answer from X within "
                        + wait.toMinutes() + " minutes: sign in again and finish in the browser");
            } catch (ExecutionException e) {
                throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "The browser's answer could not be read");
            }
            if (!state.equals(q.get("state"))) {
                throw new OAuth2Exception(OAuth2Exception.Kind.STATE_MISMATCH, "The answer did not come from this "
                        + "sign-in (state mismatch); nothing was exchanged. Sign in again.");
            }
            if (q.containsKey("error")) {
                if ("access_denied".equals(q.get("error"))) {
                    throw new OAuth2Exception(OAuth2Exception.Kind.DENIED, "Access was not granted on X's page; "
                            + "the desk is not connected. Sign in again and choose Authorize app.");
                }
                throw new OAuth2Exception(OAuth2Exception.Kind.DENIED, "X refused the sign-in: " + q.get("error")
                        + (q.containsKey("error_description") ? " — " + q.get("error_description") : ""));
            }
            String code = q.get("code");
            if (code == null || code.isBlank()) {
                throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "X's answer carried no code");
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirect);
            form.put("code_verifier", verifier);
            form.put("client_id", clientId);
            return exchange(form, OAuth2Exception.Kind.CODE_REFUSED, "X did not accept the sign-in code (it expires "
                    + "after 30 seconds and works once): sign in again");
        } finally {
            server.stop(0);
        }
    }

    /** New tokens for a refresh token; REFRESH_REFUSED when X no longer accepts it. */
    public OAuth2Tokens refresh(OAuth2Tokens old) throws OAuth2Exception, InterruptedException {
        if (old.refreshToken() == null) {
            throw new OAuth2Exception(OAuth2Exception.Kind.REFRESH_REFUSED, "The sign-in has no refresh token "
                    + "(offline.access was not granted): sign in with X again");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", old.refreshToken());
        form.put("client_id", clientId);
        return exchange(form, OAuth2Exception.Kind.REFRESH_REFUSED, "X no longer accepts this sign-in (the refresh "
                + "token was revoked or expired): sign in with X again");
    }

    URI authorizeUri(String redirect, String state, String challenge) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirect);
        q.put("scope", SCOPES);
        q.put("state", state);
        q.put("code_challenge", challenge);
        q.put("code_challenge_method", "S256");
        return URI.create(authorize + (authorize.getQuery() == null ? "?" : "&") + form(q));
    }

    private OAuth2Tokens exchange(Map<String, String> form, OAuth2Exception.Kind refused, String refusedMessage)
            throws OAuth2Exception, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        HttpResponse<String> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "Could not reach X's token endpoint: "
                    + e.getMessage());
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (r.statusCode() / 100 != 2 || !body.path("access_token").isTextual()) {
            // X's own words (error, error_description) but never the body as such: it could hold a token
            String why = body.path("error_description").asText(body.path("error").asText("HTTP " + r.statusCode()));
            if (r.statusCode() == 400 || r.statusCode() == 401) {
                throw new OAuth2Exception(refused, refusedMessage + " (" + why + ")");
            }
            throw new OAuth2Exception(OAuth2Exception.Kind.NO_ANSWER, "X's token endpoint answered HTTP "
                    + r.statusCode() + " (" + why + "); try again later");
        }
        long expiresIn = body.path("expires_in").asLong(7200);
        return new OAuth2Tokens(body.get("access_token").asText(), body.path("refresh_token").asText(null),
                clock.instant().plusSeconds(expiresIn), body.path("scope").asText(SCOPES));
    }

    /** Takes the one redirect, answers the browser with a short page, and completes {@code answer}. */
    private static void callback(HttpExchange ex, CompletableFuture<Map<String, String>> answer) throws IOException {
        try (ex) {
            Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
            boolean first = answer.complete(q);
            String page = first ? "<!doctype html><meta charset=utf-8><title>CrisisDesk</title>"
                    + "<p>CrisisDesk received X's answer. You can close this tab and return to the desk.</p>"
                    : "<!doctype html><meta charset=utf-8><p>This sign-in is already finished.</p>";
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(first ? 200 : 410, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String form(Map<String, String> m) {
        return m.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
