package org.crisisdesk.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.notice.Publisher.PublishException.Kind;

/**
 * A minimal v2 client over real HTTP, for driving the outbox's state machine against {@link FakeXServer} with faults
 * the full fake X does not script (hangs, a timeline down after a post). The desk's own publisher, twitter4j's
 * {@code XPublisher}, runs the key cases in {@link OutboxOverXTest}. Maps statuses the way the adapter's contract says: 403 "duplicate" is DUPLICATE,
 * 401/403 CREDENTIALS, 429 RATE_LIMITED, 5xx / timeout / reset TRANSIENT, other 4xx REJECTED.
 */
public final class HttpTestPublisher implements Publisher {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Duration timeout;
    private volatile boolean connected = true;

    public HttpTestPublisher(String baseUrl, Duration timeout) {
        this.base = baseUrl;
        this.timeout = timeout;
    }

    public void setConnected(boolean value) {
        connected = value;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public Posted post(String text, String inReplyToId) throws PublishException {
        ObjectNode body = json.createObjectNode().put("text", text);
        if (inReplyToId != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyToId);
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "tweets")).timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        JsonNode out = call(req, 201);
        String id = out.path("data").path("id").asText();
        return new Posted(id, out.path("data").path("text").asText(), null, "https://x.com/desk/status/" + id);
    }

    @Override
    public List<Posted> recentPosts(int max) throws PublishException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "users/42/tweets?max_results=" + max
                + "&tweet.fields=created_at")).timeout(timeout).GET().build();
        JsonNode out = call(req, 200);
        List<Posted> posts = new ArrayList<>();
        for (JsonNode t : out.path("data")) {
            String id = t.path("id").asText();
            posts.add(new Posted(id, t.path("text").asText(), Instant.parse(t.path("created_at").asText()),
                    "https://x.com/desk/status/" + id));
        }
        return posts;
    }

    private JsonNode call(HttpRequest req, int expected) throws PublishException {
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PublishException(Kind.TRANSIENT, "timed out", null, e);
        } catch (IOException e) {
            throw new PublishException(Kind.TRANSIENT, "connection failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(Kind.TRANSIENT, "interrupted", null, e);
        }
        int s = res.statusCode();
        if (s == expected) {
            try {
                return json.readTree(res.body());
            } catch (IOException e) {
                throw new PublishException(Kind.TRANSIENT, "unreadable answer", null, e);
            }
        }
        String body = res.body();
        if (s == 403 && body.contains("duplicate")) {
            throw new PublishException(Kind.DUPLICATE, "403 duplicate content", null, null);
        }
        if (s == 401 || s == 403) {
            throw new PublishException(Kind.CREDENTIALS, s + " " + body, null, null);
        }
        if (s == 429) {
            Instant reset = res.headers().firstValue("x-rate-limit-reset")
                    .map(v -> Instant.ofEpochSecond(Long.parseLong(v))).orElse(null);
            throw new PublishException(Kind.RATE_LIMITED, "429 rate limited", reset, null);
        }
        if (s >= 500) {
            throw new PublishException(Kind.TRANSIENT, s + " server error", null, null);
        }
        throw new PublishException(Kind.REJECTED, s + " " + body, null, null);
    }
}
