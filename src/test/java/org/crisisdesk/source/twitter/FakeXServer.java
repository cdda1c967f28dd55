package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small X API on 127.0.0.1 for tests, shaped like the real one: v2 ({@code /2/users/me}, {@code /2/users/:id/mentions},
 * {@code /2/tweets}, {@code /2/users/:id/tweets}, {@code /2/tweets/search/recent}) and v1.1
 * ({@code account/verify_credentials}, {@code statuses/mentions_timeline}, {@code statuses/update},
 * {@code statuses/user_timeline}, {@code search/tweets}). Text is HTML-escaped as X does, long posts come truncated
 * with the full text in {@code note_tweet} (v2) or {@code full_text} (v1.1, only with tweet_mode=extended), only the
 * newest 800 mentions are reachable, and every endpoint keeps a fixed rate-limit window with
 * {@code x-rate-limit-*} headers and a 429 once it is used up. Time comes from the given clock, so tests can share a
 * {@code MutableClock} with the source and never really wait. Thread-safe.
 */
public final class FakeXServer implements AutoCloseable {
    public static final String ACCOUNT_ID = "1500000000000000001";
    public static final String HANDLE = "desk_official";
    public static final XCredentials CREDENTIALS = new XCredentials("ck-consumer-key-0001", "cs-consumer-secret-0001",
            ACCOUNT_ID + "-AccessTokenValue0001", "ats-access-token-secret-0001");
    static final int WINDOW = 800;
    /** A {@link Fault} status meaning: process the request normally, then answer after the fault's delay. */
    public static final int ACCEPT_LATE = -1;
    /** A {@link Fault} status meaning: process the request normally, then drop the connection halfway through the answer. */
    public static final int DROP_AFTER_ACCEPT = -2;
    private static final DateTimeFormatter V1_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A post as the server keeps it (unescaped text). */
    public record Post(long id, String authorId, String username, String name, String text, String lang,
            Instant visibleAt, Long inReplyTo) {}

    /** A scripted answer for the next request whose path matches. */
    public record Fault(String pathContains, int status, String body, Duration delay) {}

    private static final class Window {
        Instant start;
        int used;
    }

    private final Clock clock;
    private final HttpServer http;
    private final ExecutorService pool;
    private final List<Post> mentions = new ArrayList<>();
    /** Retweets among the mentions: the retweet's id → the original post (not itself a mention). */
    private final Map<Long, Post> retweetOf = new HashMap<>();
    private final List<Post> searchable = new ArrayList<>();
    private final List<Post> own = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, int[]> limits = new HashMap<>();
    private final Map<String, Duration> windowLengths = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooMany = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean wrapEveryLink;
    private final List<Map.Entry<Duration, String>> scheduled = new ArrayList<>();
    private Instant anchor;
    private XCredentials accepted = CREDENTIALS;
    private String rejectDetail;

    public FakeXServer(Clock clock) {
        this.clock = clock;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-x");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        // X's published limits per 15 minutes (user context).
        limit("mentions", 300, Duration.ofMinutes(15));
        limit("me", 75, Duration.ofMinutes(15));
        limit("post", 100, Duration.ofMinutes(15));
        limit("own", 900, Duration.ofMinutes(15));
        limit("search", 180, Duration.ofMinutes(15));
        limit("usage", 50, Duration.ofMinutes(15)); // per app
        http.start();
    }

    /** The base to configure: v1.1 lives under base + "1.1/", v2 under base + "2/". */
    public String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    public XSettings settings(ApiVersion api) {
        return new XSettings(CREDENTIALS, api, base(), List.of(), Duration.ofSeconds(5));
    }

    public synchronized void limit(String endpoint, int perWindow, Duration window) {
        limits.put(endpoint, new int[] {perWindow});
        windowLengths.put(endpoint, window);
        windows.remove(endpoint);
    }

    /** Only these keys pass; anything else gets 401 with X's problem JSON. */
    public synchronized void acceptOnly(XCredentials credentials) {
        this.accepted = credentials;
    }

    private final java.util.Set<String> notEnrolled = new java.util.HashSet<>();
    private volatile boolean v11Retired;
    private volatile boolean usageCapped;

    /**
     * Calls to this endpoint ("mentions", "search", "post", "me", "own") answer v2's 403 client-forbidden with reason
     * client-not-enrolled: the project's access level does not include it.
     */
    public synchronized void notEnrolled(String endpoint) {
        notEnrolled.add(endpoint);
    }

    /** Every v1.1 call answers 403 with code 453, as for most self-serve access levels today. */
    public void retireV11() {
        v11Retired = true;
    }

    /** Every call answers 429 usage-capped (the monthly cap is used up), or normally again with false. */
    public void usageCapped(boolean capped) {
        usageCapped = capped;
    }

    // ---- the usage endpoint, GET /2/usage/tweets (issue 23 item 6) ------------------------------------------------

    /** Posts returned in {@code data} by the v2 read endpoints, per UTC day: what X bills as "Posts: Read". */
    private final Map<java.time.LocalDate, Long> servedByDay = new java.util.TreeMap<>();
    private final java.util.Set<String> servedIds = new java.util.HashSet<>();
    private long otherAppsUsage;
    private long projectCap = 10_000;
    private int capResetDay = 1;
    private volatile boolean usageAppOnly;
    private static final java.util.Set<String> USAGE_PARAMS = java.util.Set.of("days", "usage.fields");
    private static final java.util.Set<String> USAGE_FIELDS = java.util.Set.of("cap_reset_day",
            "daily_client_app_usage", "daily_project_usage", "project_cap", "project_id", "project_usage");

    /**
     * The project as the usage endpoint reports it: posts read by the project's other apps this cycle (added to
     * what this server served), the monthly cap and the day it resets.
     */
    public synchronized void usageProject(long otherApps, long cap, int resetDay) {
        this.otherAppsUsage = otherApps;
        this.projectCap = cap;
        this.capResetDay = resetDay;
    }

    /**
     * As X: the usage endpoint accepts only an app's bearer token, so every user-context call (OAuth 1.0a keys, an
     * OAuth 2.0 sign-in) gets 403 Unsupported Authentication.
     */
    public void usageNeedsAppOnly(boolean appOnly) {
        usageAppOnly = appOnly;
    }

    // ---- app-only bearer tokens, POST /oauth2/token (client credentials) -------------------------------------------

    private String appToken;
    private int appTokensIssued;

    /**
     * As X's {@code POST /oauth2/token}: HTTP Basic of the URL-encoded API key and secret, form body {@code
     * grant_type=client_credentials}; the same token again until it is invalidated; wrong keys get 403 with code 99.
     */
    private Response token(String authorization, String contentType, Map<String, String> form) {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((form(accepted.consumerKey()) + ":"
                + form(accepted.consumerSecret())).getBytes(StandardCharsets.UTF_8));
        if (rejectDetail != null || !expected.equals(authorization)) {
            return new Response(403, "{\"errors\":[{\"code\":99,\"label\":\"authenticity_token_error\","
                    + "\"message\":\"Unable to verify your credentials\"}]}");
        }
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
                || !"client_credentials".equals(form.get("grant_type")) || form.size() != 1) {
            return new Response(400, "{\"errors\":[{\"code\":170,\"label\":\"forbidden_missing_parameter\","
                    + "\"message\":\"Missing required parameter: grant_type\"}]}");
        }
        if (appToken == null) {
            appTokensIssued++;
            appToken = "AAAAAAAAAAAAAAAAAAAAA" + appTokensIssued + "%2Bapp-only-token-" + Long.toHexString(
                    Double.doubleToLongBits(Math.random()));
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("token_type", "bearer");
        n.put("access_token", appToken);
        return ok(n);
    }

    /** The app's bearer token is invalidated (revoked in the Developer Console): calls with it get 401. */
    public synchronized void invalidateAppToken() {
        appToken = null;
    }

    /** Tokens handed out by {@code POST /oauth2/token} so far (a repeated request for a live token hands none). */
    public synchronized int appTokensIssued() {
        return appTokensIssued;
    }

    private boolean enforceCap;
    private final AtomicInteger cappedAnswers = new AtomicInteger();

    /**
     * A real monthly cap: once the posts served this cycle (what the usage endpoint counts) reach {@code cap}, every
     * read and post answers 429 usage-capped until {@code resetDay} begins a new cycle (00:00 UTC), as X does.
     */
    public synchronized void monthlyCap(long cap, int resetDay) {
        usageProject(0, cap, resetDay);
        enforceCap = true;
    }

    /** How many calls were answered 429 usage-capped. */
    public int cappedAnswers() {
        return cappedAnswers.get();
    }

    private java.time.LocalDate cycleStart() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        java.time.LocalDate cycle = today.withDayOfMonth(Math.min(capResetDay, today.lengthOfMonth()));
        if (cycle.isAfter(today)) {
            java.time.LocalDate prev = today.minusMonths(1);
            cycle = prev.withDayOfMonth(Math.min(capResetDay, prev.lengthOfMonth()));
        }
        return cycle;
    }

    private long usedThisCycle() {
        java.time.LocalDate cycle = cycleStart();
        long inCycle = otherAppsUsage;
        for (Map.Entry<java.time.LocalDate, Long> e : servedByDay.entrySet()) {
            inCycle += e.getKey().isBefore(cycle) ? 0 : e.getValue();
        }
        return inCycle;
    }

    /** Posts served in {@code data} by the v2 read endpoints so far. */
    public synchronized long postsServed() {
        return servedByDay.values().stream().mapToLong(Long::longValue).sum();
    }

    private void served(String endpoint, String path, Response r) {
        if (r.status != 200 || !path.startsWith("/2/")
                || !("mentions".equals(endpoint) || "search".equals(endpoint) || "own".equals(endpoint))) {
            return;
        }
        try {
            JsonNode data = JSON.readTree(r.body).path("data");
            java.time.LocalDate day = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            long fresh = 0;
            for (JsonNode post : data) {
                // as X: a post returned again on the same UTC day is billed (and counted) once
                if (servedIds.add(day + ":" + post.path("id").asText())) {
                    fresh++;
                }
            }
            if (fresh > 0) {
                servedByDay.merge(day, fresh, Long::sum);
            }
        } catch (IOException e) {
            // not JSON: nothing served
        }
    }

    private Response usageV2(Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!USAGE_PARAMS.contains(k)) {
                throw new BadRequest("The query parameter [" + k + "] is not one of [days,usage.fields]");
            }
        }
        int days = intParam(q, "days", 7);
        if (days < 1 || days > 90) {
            throw new BadRequest("The `days` query parameter value [" + days + "] is not between 1 and 90");
        }
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (String f : q.getOrDefault("usage.fields", "").split(",")) {
            if (f.isBlank()) {
                continue;
            }
            if (!USAGE_FIELDS.contains(f)) {
                throw new BadRequest("The `usage.fields` query parameter value [" + f + "] is not one of "
                        + new java.util.TreeSet<>(USAGE_FIELDS));
            }
            fields.add(f);
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long inCycle = usedThisCycle();
        ObjectNode data = JSON.createObjectNode();
        // X writes the counts as strings and the reset day as a number; without usage.fields it sends these four
        data.put("cap_reset_day", capResetDay);
        data.put("project_cap", Long.toString(projectCap));
        data.put("project_id", "1369785403853424");
        data.put("project_usage", Long.toString(inCycle));
        if (fields.contains("daily_project_usage")) {
            ObjectNode dpu = data.putObject("daily_project_usage");
            dpu.put("project_id", "1369785403853424");
            ArrayNode usage = dpu.putArray("usage");
            for (int i = days - 1; i >= 0; i--) {
                java.time.LocalDate d = today.minusDays(i);
                ObjectNode day = usage.addObject();
                day.put("date", d + "T00:00:00.000Z");
                day.put("usage", Long.toString(servedByDay.getOrDefault(d, 0L)));
            }
        }
        return ok(JSON.createObjectNode().set("data", data));
    }

    /** Every call answers 401 with this detail (revoked app). */
    public synchronized void revoke(String detail) {
        this.rejectDetail = detail;
    }

    public synchronized void fault(String pathContains, int status, String body) {
        faults.addLast(new Fault(pathContains, status, body, Duration.ZERO));
    }

    public synchronized void fault(Fault f) {
        faults.addLast(f);
    }

    /** A scripted answer of raw bytes with its own content type (null: none), for the next matching request. */
    public record RawFault(String pathContains, int status, String contentType, byte[] body) {}

    private final Deque<RawFault> rawFaults = new ArrayDeque<>();

    public synchronized void rawFault(RawFault f) {
        rawFaults.addLast(f);
    }

    public synchronized int pendingRawFaults() {
        return rawFaults.size();
    }

    private synchronized RawFault nextRawFault(String path) {
        RawFault f = rawFaults.peekFirst();
        return f != null && path.contains(f.pathContains()) ? rawFaults.pollFirst() : null;
    }

    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** A mention visible from {@code at}; ids grow with every call, like X's. */
    public synchronized Post mention(String text, Instant at) {
        int n = nextId.incrementAndGet();
        Post p = new Post(snowflake(at, n), Long.toString(9_000_000L + n % 97), "user" + n % 97,
                "사용자 " + n % 97, text, n % 3 == 0 ? "en" : "ko", at, null);
        mentions.add(p);
        mentions.sort(java.util.Comparator.comparingLong(Post::id));
        return p;
    }

    /**
     * A retweet of someone's long post that mentions the account: it arrives among the mentions with its own text cut
     * (v1.1 after 140 characters, v2 the same) and the original whole in {@code retweeted_status} or, when asked for
     * with {@code expansions=referenced_tweets.id}, in {@code includes.tweets}.
     */
    public synchronized Post retweet(String originalText, String originalAuthor, Instant at) {
        int n = nextId.incrementAndGet();
        Post original = new Post(snowflake(at.minusSeconds(60), n), "8" + n, originalAuthor, originalAuthor,
                originalText, "ko", at.minusSeconds(60), null);
        int m = nextId.incrementAndGet();
        Post rt = new Post(snowflake(at, m), Long.toString(9_000_000L + m % 97), "user" + m % 97, "사용자 " + m % 97,
                "RT @" + originalAuthor + ": " + originalText, "ko", at, null);
        retweetOf.put(rt.id(), original);
        mentions.add(rt);
        mentions.sort(java.util.Comparator.comparingLong(Post::id));
        return rt;
    }

    /** Links in mentions come back wrapped in t.co too, as X does for every post. */
    public void wrapEveryLink() {
        wrapEveryLink = true;
    }

    /** A mention that replies to post {@code parent}, visible from {@code at}. */
    public synchronized Post reply(String text, Instant at, long parent) {
        Post p = mention(text, at);
        Post r = new Post(p.id(), p.authorId(), p.username(), p.name(), p.text(), p.lang(), p.visibleAt(), parent);
        mentions.set(mentions.indexOf(p), r);
        return r;
    }

    /**
     * A mention that appears {@code offset} after the first mentions request reaches the server, so a crisis can start
     * once the collector runs, however long the machine takes to start it.
     */
    public synchronized void afterFirstPoll(Duration offset, String text) {
        scheduled.add(Map.entry(offset, text));
    }

    /** When the first mentions request arrived (the anchor of {@link #afterFirstPoll}), or null. */
    public synchronized Instant firstPoll() {
        return anchor;
    }

    /** {@code count} mentions all visible from {@code at} (a burst). */
    public synchronized List<Post> burst(int count, Instant at, String prefix) {
        List<Post> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(mention(prefix + " #" + i + " 배송 지연 & <문의> 드립니다", at));
        }
        return out;
    }

    /** A post found by keyword search only (not a mention). */
    public synchronized Post searchablePost(String text, Instant at) {
        int n = nextId.incrementAndGet();
        Post p = new Post(snowflake(at, n), "8800", "bystander", "Bystander", text, "ko", at,
                null);
        searchable.add(p);
        return p;
    }

    /** Every mention, scheduled ones included once they are placed. */
    public synchronized List<Post> allMentions() {
        return List.copyOf(mentions);
    }

    public synchronized List<Post> ownPosts() {
        return List.copyOf(own);
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long requestCount(String pathContains) {
        return requests().stream().filter(r -> r.contains(pathContains)).count();
    }

    public int tooManyRequests() {
        return tooMany.get();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> q = params(uri.getRawQuery());
            if ("POST".equals(method) && body.contains("=") && !body.startsWith("{")) {
                q.putAll(params(body));
            }
            requests.add(method + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String endpoint = endpoint(method, path);
            RawFault raw = nextRawFault(path);
            if (raw != null) {
                if (raw.contentType() != null) {
                    ex.getResponseHeaders().add("Content-Type", raw.contentType());
                }
                ex.sendResponseHeaders(raw.status(), raw.body().length == 0 ? -1 : raw.body().length);
                if (raw.body().length > 0) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(raw.body());
                    }
                }
                return;
            }
            Fault fault;
            Response r;
            synchronized (this) {
                fault = nextFault(path);
            }
            // status -1: handle the request as usual, then answer only after the delay (accepted, but too late).
            boolean dropAnswer = fault != null && fault.status() == DROP_AFTER_ACCEPT;
            boolean lateAnswer = dropAnswer || fault != null && fault.status() == ACCEPT_LATE;
            if (fault != null && !lateAnswer && !fault.delay().isZero()) {
                sleep(fault.delay());
            }
            synchronized (this) {
                boolean capped = (usageCapped || enforceCap && usedThisCycle() >= projectCap) && endpoint != null
                        && !"usage".equals(endpoint); // the usage endpoint still answers: it says when the cap resets
                if (fault != null && !lateAnswer) {
                    r = withRate(endpoint, new Response(fault.status(), fault.body()), false);
                } else if ("POST".equals(method) && path.equals("/oauth2/token")) {
                    r = token(ex.getRequestHeaders().getFirst("Authorization"),
                            ex.getRequestHeaders().getFirst("Content-Type"), params(body));
                } else if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                    r = unauthorized(path);
                } else if (capped) {
                    cappedAnswers.incrementAndGet();
                    ObjectNode n = JSON.createObjectNode();
                    n.put("title", "UsageCapExceeded");
                    n.put("detail", "Usage cap exceeded: Monthly product cap");
                    n.put("period", "Monthly");
                    n.put("scope", "Product");
                    n.put("type", "https://api.twitter.com/2/problems/usage-capped");
                    r = withRate(endpoint, new Response(429, n.toString()), false);
                } else if (v11Retired && path.startsWith("/1.1/")) {
                    r = new Response(403, "{\"errors\":[{\"message\":\"You currently have access to a subset of X "
                            + "API V2 endpoints and limited v1.1 endpoints (e.g. media post, oauth) only. If you need "
                            + "access to this endpoint, you may need a different access level. You can learn more "
                            + "here: https://developer.x.com/en/portal/product\",\"code\":453}]}");
                } else if ("usage".equals(endpoint) && usageAppOnly
                        && !isAppToken(ex.getRequestHeaders().getFirst("Authorization"))) {
                    // X's usage endpoint takes an app's bearer token only; user context (OAuth 1.0a, OAuth 2.0 PKCE)
                    // is refused whatever the access level
                    r = new Response(403, "{\"title\":\"Unsupported Authentication\",\"detail\":\"Authenticating "
                            + "with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication "
                            + "types are [OAuth 2.0 Application-Only].\",\"type\":\"https://api.twitter.com/2/problems/"
                            + "unsupported-authentication\",\"status\":403}");
                } else if (endpoint != null && notEnrolled.contains(endpoint) && path.startsWith("/2/")) {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("client_id", "29000000");
                    n.put("detail", "When authenticating requests to the Twitter API v2 endpoints, you must use keys "
                            + "and tokens from a Twitter developer App that is attached to a Project. You can create a "
                            + "project via the developer portal.");
                    n.put("registration_url", "https://developer.twitter.com/en/docs/projects/overview");
                    n.put("title", "Client Forbidden");
                    n.put("required_enrollment", "Appropriate Level of API Access");
                    n.put("reason", "client-not-enrolled");
                    n.put("type", "https://api.twitter.com/2/problems/client-forbidden");
                    r = new Response(403, n.toString());
                } else if (endpoint == null) {
                    r = new Response(404, path.startsWith("/2/") ? problem(404, "Not Found", "No such route " + path)
                            : "{\"errors\":[{\"code\":34,\"message\":\"Sorry, that page does not exist.\"}]}");
                } else {
                    if ("mentions".equals(endpoint) && anchor == null) {
                        anchor = clock.instant();
                        scheduled.forEach(e -> mention(e.getValue(), anchor.plus(e.getKey())));
                        scheduled.clear();
                    }
                    Window w = window(endpoint);
                    int limit = limits.get(endpoint)[0];
                    if (w.used >= limit) {
                        tooMany.incrementAndGet();
                        r = withRate(endpoint, new Response(429, path.startsWith("/2/")
                                ? problem(429, "Too Many Requests", "Too Many Requests")
                                : "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}"), false);
                    } else {
                        w.used++;
                        r = withRate(endpoint, route(method, path, q, body), true);
                        served(endpoint, path, r);
                    }
                }
            }
            if (lateAnswer) {
                sleep(fault.delay());
            }
            byte[] bytes = r.body.getBytes(StandardCharsets.UTF_8);
            if (dropAnswer) {
                // Promise the whole body, send a few bytes, close: the client sees the connection break mid-answer.
                ex.sendResponseHeaders(r.status, bytes.length + 64L);
                ex.getResponseBody().write(bytes, 0, Math.min(8, bytes.length));
                ex.getResponseBody().flush();
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            r.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(r.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (a timeout test): nothing to answer
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fault nextFault(String path) {
        Fault f = faults.peekFirst();
        if (f != null && path.contains(f.pathContains())) {
            return faults.pollFirst();
        }
        return null;
    }

    private static final class Response {
        final int status;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private static String endpoint(String method, String path) {
        if (path.equals("/2/users/me") || path.equals("/1.1/account/verify_credentials.json")) {
            return "me";
        }
        if (path.matches("/2/users/\\d+/mentions") || path.equals("/1.1/statuses/mentions_timeline.json")) {
            return "mentions";
        }
        if ("POST".equals(method) && (path.equals("/2/tweets") || path.equals("/1.1/statuses/update.json"))) {
            return "post";
        }
        if (path.matches("/2/users/\\d+/tweets") || path.equals("/1.1/statuses/user_timeline.json")) {
            return "own";
        }
        if (path.equals("/2/tweets/search/recent") || path.equals("/1.1/search/tweets.json")) {
            return "search";
        }
        if ("GET".equals(method) && path.equals("/2/usage/tweets")) {
            return "usage";
        }
        return null;
    }

    private Window window(String endpoint) {
        Instant now = clock.instant();
        Window w = windows.computeIfAbsent(endpoint, k -> new Window());
        if (w.start == null || !now.isBefore(w.start.plus(windowLengths.get(endpoint)))) {
            w.start = now;
            w.used = 0;
        }
        return w;
    }

    private Response withRate(String endpoint, Response r, boolean counted) {
        if (endpoint == null) {
            return r;
        }
        Window w = window(endpoint);
        int limit = limits.get(endpoint)[0];
        Instant end = w.start.plus(windowLengths.get(endpoint));
        // X sends the reset as whole epoch seconds; round up so "reset" is never before the window really ends.
        long reset = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
        r.headers.put("x-rate-limit-limit", Integer.toString(limit));
        r.headers.put("x-rate-limit-remaining", Integer.toString(Math.max(0, limit - w.used)));
        r.headers.put("x-rate-limit-reset", Long.toString(reset));
        return r;
    }

    private volatile Predicate<String> bearerTokens = t -> false;

    /** OAuth 2.0 user-context calls ({@code Authorization: Bearer <token>}) pass when the token passes this. */
    public void acceptBearer(Predicate<String> tokens) {
        bearerTokens = tokens;
    }

    private boolean isAppToken(String header) {
        return appToken != null && header != null && header.equals("Bearer " + appToken);
    }

    private boolean authorized(String header) {
        if (rejectDetail == null && header != null && header.startsWith("Bearer ")) {
            return isAppToken(header) || bearerTokens.test(header.substring("Bearer ".length()).strip());
        }
        if (rejectDetail != null || header == null || !header.startsWith("OAuth ")) {
            return false;
        }
        return header.contains("oauth_consumer_key=\"" + accepted.consumerKey() + "\"")
                && header.contains("oauth_token=\"" + pct(accepted.accessToken()) + "\"");
    }

    private Response unauthorized(String path) {
        String detail = rejectDetail != null ? rejectDetail : "Unauthorized";
        if (path.startsWith("/2/")) {
            return new Response(401, problem(401, "Unauthorized", detail));
        }
        return new Response(401, "{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token. " + detail + "\"}]}");
    }

    private static String problem(int status, String title, String detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", title);
        n.put("detail", detail);
        n.put("type", "about:blank");
        n.put("status", status);
        return n.toString();
    }

    private Response route(String method, String path, Map<String, String> q, String body) {
        try {
            switch (path) {
                case "/2/users/me":
                    return ok(JSON.createObjectNode().set("data", v2User(ACCOUNT_ID, HANDLE, "CrisisDesk 공식")));
                case "/1.1/account/verify_credentials.json":
                    return ok(v1User(ACCOUNT_ID, HANDLE, "CrisisDesk 공식"));
                case "/2/tweets":
                    return postV2(body);
                case "/1.1/statuses/update.json":
                    return postV1(q);
                case "/1.1/statuses/mentions_timeline.json":
                    return mentionsV1(q);
                case "/1.1/statuses/user_timeline.json":
                    return ownV1(q);
                case "/2/tweets/search/recent":
                    return searchV2(q);
                case "/2/usage/tweets":
                    return usageV2(q);
                case "/1.1/search/tweets.json":
                    return searchV1(q);
                default:
                    if (path.endsWith("/mentions")) {
                        return mentionsV2(q);
                    }
                    return ownV2(q);
            }
        } catch (BadRequest e) {
            return new Response(400, path.startsWith("/2/") ? problem(400, "Invalid Request", e.getMessage())
                    : "{\"errors\":[{\"code\":44,\"message\":\"" + e.getMessage() + "\"}]}");
        }
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String m) {
            super(m);
        }
    }

    private static Response ok(JsonNode n) {
        return new Response(200, n.toString());
    }

    /** Visible mentions, newest first, the newest 800 only. */
    private List<Post> reachable() {
        Instant now = clock.instant();
        List<Post> out = new ArrayList<>();
        for (int i = mentions.size() - 1; i >= 0 && out.size() < WINDOW; i--) {
            Post p = mentions.get(i);
            if (!p.visibleAt().isAfter(now)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Long.compare(b.id(), a.id()));
        return out.size() > WINDOW ? out.subList(0, WINDOW) : out;
    }

    private Response mentionsV2(Map<String, String> q) {
        int max = intParam(q, "max_results", 10);
        if (max < 5 || max > 100) {
            throw new BadRequest("The `max_results` query parameter value [" + max + "] is not between 5 and 100");
        }
        long since = longParam(q, "since_id", 0);
        long before = q.containsKey("pagination_token") ? Long.parseLong(q.get("pagination_token"), 36) : Long.MAX_VALUE;
        return v2Page(reachable(), since, before, max, q);
    }

    private Response v2Page(List<Post> newestFirst, long since, long before, int max, Map<String, String> q) {
        List<Post> eligible = newestFirst.stream().filter(p -> p.id() > since && p.id() < before).toList();
        List<Post> page = eligible.subList(0, Math.min(max, eligible.size()));
        ObjectNode root = JSON.createObjectNode();
        boolean notes = q.getOrDefault("tweet.fields", "").contains("note_tweet");
        if (!page.isEmpty()) {
            ArrayNode data = root.putArray("data");
            Map<String, Post> authors = new LinkedHashMap<>();
            String expansions = q.getOrDefault("expansions", "");
            List<Post> originals = new ArrayList<>();
            for (Post p : page) {
                ObjectNode t = v2Tweet(p, notes);
                Post original = retweetOf.get(p.id());
                if (original != null && q.getOrDefault("tweet.fields", "").contains("referenced_tweets")) {
                    t.putArray("referenced_tweets").addObject().put("type", "retweeted")
                            .put("id", Long.toString(original.id()));
                    originals.add(original);
                }
                data.add(t);
                authors.putIfAbsent(p.authorId(), p);
            }
            ObjectNode includes = root.putObject("includes");
            if (!originals.isEmpty() && expansions.contains("referenced_tweets.id")) {
                ArrayNode tweets = includes.putArray("tweets");
                for (Post o : originals) {
                    tweets.add(v2Tweet(o, notes));
                    if (expansions.contains("referenced_tweets.id.author_id")) {
                        authors.putIfAbsent(o.authorId(), o);
                    }
                }
            }
            ArrayNode users = includes.putArray("users");
            authors.values().forEach(a -> users.add(v2User(a.authorId(), a.username(), a.name())));
        }
        ObjectNode meta = root.putObject("meta");
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", Long.toString(page.get(0).id()));
            meta.put("oldest_id", Long.toString(page.get(page.size() - 1).id()));
            if (eligible.size() > page.size()) {
                meta.put("next_token", Long.toString(page.get(page.size() - 1).id(), 36));
            }
        }
        return ok(root);
    }

    private Response mentionsV1(Map<String, String> q) {
        int count = Math.min(200, intParam(q, "count", 20));
        long since = longParam(q, "since_id", 0);
        long maxId = longParam(q, "max_id", Long.MAX_VALUE);
        boolean extended = "extended".equals(q.get("tweet_mode"));
        ArrayNode arr = JSON.createArrayNode();
        for (Post p : reachable()) {
            if (arr.size() >= count) {
                break;
            }
            if (p.id() > since && p.id() <= maxId) {
                arr.add(v1Status(p, extended));
            }
        }
        return ok(arr);
    }

    private List<Post> searchMatches(String query) {
        List<String> terms = new ArrayList<>();
        for (String part : query.split(" OR ")) {
            terms.add(part.replace("(", "").replace(")", "").strip());
        }
        Predicate<Post> match = p -> terms.stream().anyMatch(t -> p.text().contains(t));
        // "@handle" finds every post that mentions the account, as X's search does (not just by its text)
        boolean mentionsOfAccount = terms.stream().anyMatch(t -> t.equalsIgnoreCase("@" + HANDLE));
        Instant now = clock.instant();
        List<Post> all = new ArrayList<>();
        for (List<Post> list : List.of(mentions, searchable)) {
            for (Post p : list) {
                if (!p.visibleAt().isAfter(now) && (match.test(p) || mentionsOfAccount && list == mentions)) {
                    all.add(p);
                }
            }
        }
        all.sort((a, b) -> Long.compare(b.id(), a.id()));
        return all;
    }

    /** What {@code GET /2/tweets/search/recent} accepts; anything else is a 400, as on X. */
    private static final java.util.Set<String> SEARCH_PARAMS = java.util.Set.of("query", "start_time", "end_time",
            "since_id", "until_id", "max_results", "next_token", "pagination_token", "sort_order", "expansions",
            "tweet.fields", "user.fields", "media.fields", "place.fields", "poll.fields");
    /** Recent search reaches back this far. */
    static final Duration SEARCH_REACH = Duration.ofDays(7);

    private Response searchV2(Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!SEARCH_PARAMS.contains(k)) {
                throw new BadRequest("The query parameter [" + k + "] is not one of [" + String.join(",",
                        new java.util.TreeSet<>(SEARCH_PARAMS)) + "]");
            }
        }
        if (q.getOrDefault("query", "").isBlank()) {
            throw new BadRequest("The `query` query parameter can not be empty");
        }
        int max = intParam(q, "max_results", 10);
        if (max < 10 || max > 100) {
            throw new BadRequest("The `max_results` query parameter value [" + max + "] is not between 10 and 100");
        }
        Instant floor = clock.instant().minus(SEARCH_REACH);
        long since = longParam(q, "since_id", 0);
        long until = longParam(q, "until_id", Long.MAX_VALUE);
        for (String idParam : List.of("since_id", "until_id")) {
            if (q.containsKey(idParam) && Instant.ofEpochMilli((longParam(q, idParam, 0) >> 22) + 1288834974657L)
                    .isBefore(floor)) {
                throw new BadRequest("Invalid '" + idParam + "':'" + q.get(idParam) + "'. '" + idParam
                        + "' must be a tweet id created after " + floor);
            }
        }
        Instant start = null;
        if (q.containsKey("start_time")) {
            try {
                start = Instant.parse(q.get("start_time"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadRequest("Invalid 'start_time':'" + q.get("start_time") + "'");
            }
            if (start.isBefore(floor)) {
                throw new BadRequest("Invalid 'start_time':'" + q.get("start_time") + "'. 'start_time' must be on or "
                        + "after " + floor);
            }
        }
        long before = q.containsKey("next_token") ? Long.parseLong(q.get("next_token"), 36)
                : q.containsKey("pagination_token") ? Long.parseLong(q.get("pagination_token"), 36) : Long.MAX_VALUE;
        Instant from = start;
        List<Post> matches = searchMatches(q.get("query")).stream()
                .filter(p -> p.id() < until && (from == null || !p.visibleAt().isBefore(from))).toList();
        return v2Page(matches, since, before, max, q);
    }

    private Response searchV1(Map<String, String> q) {
        int count = Math.min(100, intParam(q, "count", 15));
        long since = longParam(q, "since_id", 0);
        long maxId = longParam(q, "max_id", Long.MAX_VALUE);
        boolean extended = "extended".equals(q.get("tweet_mode"));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("statuses");
        for (Post p : searchMatches(q.getOrDefault("q", ""))) {
            if (arr.size() >= count) {
                break;
            }
            if (p.id() > since && p.id() <= maxId) {
                arr.add(v1Status(p, extended));
            }
        }
        root.putObject("search_metadata").put("count", count).put("query", q.getOrDefault("q", ""));
        return ok(root);
    }

    private Response postV2(String body) {
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("Request body is not JSON");
        }
        String text = req.path("text").asText(null);
        if (text == null || text.isEmpty()) {
            throw new BadRequest("text is required");
        }
        if (own.stream().anyMatch(p -> p.text().equals(text))) {
            return new Response(403, problem(403, "Forbidden",
                    "You are not allowed to create a Tweet with duplicate content."));
        }
        JsonNode reply = req.path("reply").path("in_reply_to_tweet_id");
        Post p = addOwn(text, reply.isMissingNode() ? null : Long.valueOf(reply.asText()));
        ObjectNode data = JSON.createObjectNode();
        data.put("id", Long.toString(p.id()));
        data.put("text", escape(text));
        data.putArray("edit_history_tweet_ids").add(Long.toString(p.id()));
        return new Response(201, JSON.createObjectNode().set("data", data).toString());
    }

    private Response postV1(Map<String, String> q) {
        String text = q.get("status");
        if (text == null || text.isEmpty()) {
            throw new BadRequest("Missing required parameter: status.");
        }
        if (own.stream().anyMatch(p -> p.text().equals(text))) {
            return new Response(403, "{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}");
        }
        String reply = q.get("in_reply_to_status_id");
        Post p = addOwn(text, reply == null ? null : Long.valueOf(reply));
        return ok(v1Status(p, "extended".equals(q.get("tweet_mode"))));
    }

    private Post addOwn(String text, Long inReplyTo) {
        int n = nextId.incrementAndGet();
        Post p = new Post(snowflake(clock.instant(), n), ACCOUNT_ID, HANDLE, "CrisisDesk 공식", text, "ko",
                clock.instant(), inReplyTo);
        own.add(p);
        return p;
    }

    private Response ownV2(Map<String, String> q) {
        int max = intParam(q, "max_results", 10);
        List<Post> newest = new ArrayList<>(own);
        Collections.reverse(newest);
        return v2Page(newest, 0, Long.MAX_VALUE, max, q);
    }

    private Response ownV1(Map<String, String> q) {
        int count = Math.min(200, intParam(q, "count", 20));
        boolean extended = "extended".equals(q.get("tweet_mode"));
        ArrayNode arr = JSON.createArrayNode();
        for (int i = own.size() - 1; i >= 0 && arr.size() < count; i--) {
            arr.add(v1Status(own.get(i), extended));
        }
        return ok(arr);
    }

    private static ObjectNode v2User(String id, String username, String name) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id);
        u.put("name", name);
        u.put("username", username);
        return u;
    }

    private static ObjectNode v1User(String id, String screenName, String name) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", Long.parseLong(id));
        u.put("id_str", id);
        u.put("name", name);
        u.put("screen_name", screenName);
        return u;
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");

    /**
     * The account's own posts come back with every link wrapped in t.co, listed in entities.urls, as on X; mentions
     * too after {@link #wrapEveryLink()} (off by default, so suites written before it keep their texts).
     */
    private String wrapLinks(Post p, String text, ObjectNode entitiesHolder) {
        if (!ACCOUNT_ID.equals(p.authorId()) && !wrapEveryLink) {
            return text;
        }
        java.util.regex.Matcher m = LINK.matcher(text);
        StringBuilder sb = new StringBuilder();
        ArrayNode urls = JSON.createArrayNode();
        boolean v1 = entitiesHolder.has("id_str");
        while (m.find()) {
            String shortUrl = "https://t.co/" + Integer.toString(Math.abs(m.group().hashCode()), 36);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(shortUrl));
            int end = sb.codePointCount(0, sb.length());
            int start = end - shortUrl.length();
            ObjectNode u = urls.addObject();
            if (v1) {
                u.putArray("indices").add(start).add(end);
            } else {
                u.put("start", start);
                u.put("end", end);
            }
            u.put("url", shortUrl);
            u.put("expanded_url", m.group());
            u.put("display_url", m.group().replaceFirst("https?://", ""));
        }
        m.appendTail(sb);
        if (!urls.isEmpty()) {
            entitiesHolder.putObject("entities").set("urls", urls);
        }
        return sb.toString();
    }

    /** X keeps 280 characters in {@code text} of a long post and the rest in {@code note_tweet}. */
    /** v2 created_at without milliseconds ("2026-12-07T15:00:00Z"), valid RFC 3339 that X may send. */
    private volatile boolean secondsOnlyDates;

    void secondsOnlyDates(boolean on) {
        secondsOnlyDates = on;
    }

    private ObjectNode v2Tweet(Post p, boolean notes) {
        ObjectNode t = JSON.createObjectNode();
        String id = Long.toString(p.id());
        t.put("id", id);
        boolean retweet = retweetOf.containsKey(p.id());
        int length = p.text().codePointCount(0, p.text().length());
        // a retweet's own text is cut at 140 and has no note_tweet; a long post keeps 280 and the rest in note_tweet
        boolean longPost = !retweet && length > 280;
        String shown = retweet && length > 140 ? truncate(p.text(), 139) + "…"
                : longPost ? truncate(p.text(), 270) + "…" : p.text();
        t.put("text", escape(wrapLinks(p, shown, t)));
        t.put("author_id", p.authorId());
        t.put("created_at", secondsOnlyDates ? p.visibleAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                : p.visibleAt().toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z$", "$1.000Z"));
        t.put("lang", p.lang());
        t.put("conversation_id", p.inReplyTo() == null ? id : Long.toString(p.inReplyTo()));
        t.putArray("edit_history_tweet_ids").add(id);
        if (longPost && notes) {
            ObjectNode note = t.putObject("note_tweet");
            note.put("text", escape(wrapLinks(p, p.text(), note)));
        }
        return t;
    }

    private ObjectNode v1Status(Post p, boolean extended) {
        ObjectNode s = JSON.createObjectNode();
        s.put("created_at", V1_DATE.format(p.visibleAt()));
        s.put("id", p.id());
        s.put("id_str", Long.toString(p.id()));
        int length = p.text().codePointCount(0, p.text().length());
        Post original = retweetOf.get(p.id());
        if (original != null) {
            // a retweet's own full_text is cut at 140 too; the original rides along whole
            s.put(extended ? "full_text" : "text", escape(length > 140 ? truncate(p.text(), 139) + "…" : p.text()));
            s.set("retweeted_status", v1Status(original, extended));
        } else if (extended) {
            s.put("full_text", escape(wrapLinks(p, p.text(), s)));
            s.putArray("display_text_range").add(0).add(length);
            s.put("truncated", false);
        } else {
            boolean cut = length > 140;
            s.put("text", escape(cut ? truncate(p.text(), 120) + "… https://t.co/abc" : p.text()));
            s.put("truncated", cut);
        }
        s.put("lang", p.lang());
        if (p.inReplyTo() != null) {
            s.put("in_reply_to_status_id", p.inReplyTo());
            s.put("in_reply_to_status_id_str", Long.toString(p.inReplyTo()));
        } else {
            s.putNull("in_reply_to_status_id");
            s.putNull("in_reply_to_status_id_str");
        }
        s.set("user", v1User(p.authorId(), p.username(), p.name()));
        if (!s.has("entities")) {
            s.putObject("entities");
        }
        ((ObjectNode) s.get("entities")).putArray("user_mentions");
        return s;
    }

    /** Ids like X's: milliseconds since 2010-11-04 in the upper bits, so a later post always has a larger id. */
    static long snowflake(Instant at, int sequence) {
        return ((at.toEpochMilli() - 1288834974657L) << 22) | (sequence & 0x3FFFFF);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static String form(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pct(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        try {
            return q.containsKey(name) ? Integer.parseInt(q.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid " + name);
        }
    }

    private static long longParam(Map<String, String> q, String name, long fallback) {
        try {
            return q.containsKey(name) ? Long.parseLong(q.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid " + name);
        }
    }
}
