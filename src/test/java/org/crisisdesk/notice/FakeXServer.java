package org.crisisdesk.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the X v2 API, enough for posting: {@code POST /2/tweets} and {@code GET /2/users/:id/tweets}.
 * Behaves like the real one where the outbox cares: duplicate text is refused with 403, returned texts have their
 * URLs shortened to t.co and {@code & < >} escaped, and faults can be scripted per request (a 503 before storing,
 * storing then hanging past the client's timeout, storing then a 503, a 429 with a reset, a 401).
 */
public final class FakeXServer implements AutoCloseable {
    public enum Fault {
        /** Behaves normally (a placeholder in a script of faults). */
        NONE,
        /** 503 without storing the post. */
        UNAVAILABLE,
        /** Stores the post, then answers too late for the client. */
        ACCEPT_THEN_HANG,
        /** Stores the post, then answers 503. */
        ACCEPT_THEN_FAIL,
        RATE_LIMIT,
        UNAUTHORIZED
    }

    public record Post(String id, String text, String inReplyTo, Instant createdAt) {}

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Deque<Fault> postFaults = new ArrayDeque<>();
    private final Deque<Fault> timelineFaults = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1_850_000_000_000_000_000L);
    private final AtomicLong postRequests = new AtomicLong();
    private final AtomicLong timelineRequests = new AtomicLong();
    private volatile long hangMillis = 5000;

    public FakeXServer(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2/tweets", this::tweets);
        server.createContext("/2/users/", this::timeline);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2/";
    }

    public synchronized void failNextPost(Fault... faults) {
        postFaults.addAll(List.of(faults));
    }

    synchronized void failNextTimeline(Fault... faults) {
        timelineFaults.addAll(List.of(faults));
    }

    void hangMillis(long ms) {
        hangMillis = ms;
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public long postRequests() {
        return postRequests.get();
    }

    long timelineRequests() {
        return timelineRequests.get();
    }

    /** A post made some other way (by hand on the website), with its own time. */
    Post seed(String text, Instant at) {
        Post p = new Post(Long.toString(ids.incrementAndGet()), text, null, at);
        posts.add(p);
        return p;
    }

    private synchronized Fault next(Deque<Fault> q) {
        return q.pollFirst();
    }

    private void tweets(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{}");
                return;
            }
            postRequests.incrementAndGet();
            JsonNode body = json.readTree(ex.getRequestBody());
            String text = body.path("text").asText("");
            String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
            Fault f = next(postFaults);
            if (f == Fault.UNAVAILABLE) {
                send(ex, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            if (f == Fault.RATE_LIMIT) {
                ex.getResponseHeaders().add("x-rate-limit-remaining", "0");
                ex.getResponseHeaders().add("x-rate-limit-reset",
                        Long.toString(clock.instant().plusSeconds(900).getEpochSecond()));
                send(ex, 429, "{\"title\":\"Too Many Requests\",\"status\":429}");
                return;
            }
            if (f == Fault.UNAUTHORIZED) {
                send(ex, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401}");
                return;
            }
            Post p;
            synchronized (this) {
                boolean duplicate = posts.stream().anyMatch(old -> old.text().equals(text));
                if (duplicate) {
                    send(ex, 403, "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                            + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
                    return;
                }
                if (!WeightedLength.fits(text)) {
                    send(ex, 400, "{\"title\":\"Invalid Request\",\"detail\":\"text too long\",\"status\":400}");
                    return;
                }
                p = new Post(Long.toString(ids.incrementAndGet()), text, replyTo, clock.instant());
                posts.add(p);
            }
            if (f == Fault.ACCEPT_THEN_HANG) {
                sleep(hangMillis);
                return; // the client gave up long ago; closing drops the connection
            }
            if (f == Fault.ACCEPT_THEN_FAIL) {
                send(ex, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            ObjectNode out = json.createObjectNode();
            out.putObject("data").put("id", p.id()).put("text", shorten(text));
            send(ex, 201, out.toString());
        }
    }

    private void timeline(HttpExchange ex) throws IOException {
        try (ex) {
            timelineRequests.incrementAndGet();
            Fault f = next(timelineFaults);
            if (f == Fault.UNAVAILABLE) {
                send(ex, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            int max = 10;
            Matcher m = Pattern.compile("max_results=(\\d+)").matcher(String.valueOf(ex.getRequestURI().getQuery()));
            if (m.find()) {
                max = Integer.parseInt(m.group(1));
            }
            List<Post> newestFirst = new ArrayList<>(posts);
            java.util.Collections.reverse(newestFirst);
            ObjectNode out = json.createObjectNode();
            ArrayNode data = out.putArray("data");
            for (Post p : newestFirst.subList(0, Math.min(max, newestFirst.size()))) {
                data.addObject().put("id", p.id()).put("text", shorten(p.text()))
                        .put("created_at", p.createdAt().toString());
            }
            send(ex, 200, out.toString());
        }
    }

    /** As X returns text: URLs become t.co links, {@code & < >} HTML-escaped. */
    static String shorten(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return URL.matcher(escaped).replaceAll(r -> "https://t.co/" + Integer.toHexString(r.group().hashCode()));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
