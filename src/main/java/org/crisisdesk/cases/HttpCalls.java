package org.crisisdesk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * The HTTP calls of the connectors (JDK HttpClient): timeouts, and every answer outside 2xx turned into a
 * {@link TicketException} of the right kind carrying the service's own error words. Request headers (tokens) never
 * appear in a message.
 */
final class HttpCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** An answer slower than this counts as TRANSIENT (the ticket may exist: the queue looks before retrying). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final String service;

    HttpCalls(String service, Duration timeout, Clock clock) {
        this.service = service;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws TicketException {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            } catch (IOException e) {
                throw new TicketException(TicketException.Kind.TRANSIENT, status,
                        "Unreadable answer (not JSON): " + clip(body), null, e);
            }
        }
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "CrisisDesk");
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    Answer send(HttpRequest request) throws TicketException {
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TicketException(TicketException.Kind.TRANSIENT, 0, service + " did not answer within "
                    + timeout.toSeconds() + " s", null, e);
        } catch (IOException e) {
            throw new TicketException(TicketException.Kind.TRANSIENT, 0, service + " could not be reached: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TicketException(TicketException.Kind.TRANSIENT, 0, "Interrupted", null, e);
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, r.body(), r.headers());
        }
        String words = service + " answered HTTP " + status + ": " + serviceError(r.body());
        TicketException.Kind kind;
        Instant retryAt = null;
        if (status == 401 || status == 403) {
            kind = TicketException.Kind.AUTH;
        } else if (status == 429) {
            kind = TicketException.Kind.RATE_LIMITED;
            retryAt = retryAfter(r.headers().firstValue("Retry-After").orElse(null), clock);
        } else if (status >= 500 || status == 409 || status == 408) {
            kind = TicketException.Kind.TRANSIENT;
            // a 5xx may say when to come back (Zendesk and proxies send Retry-After with 503, some with 500/502)
            retryAt = retryAfter(r.headers().firstValue("Retry-After").orElse(null), clock);
        } else {
            kind = TicketException.Kind.REJECTED;
        }
        throw new TicketException(kind, status, words, retryAt, null);
    }

    /** The service's own error words: Zendesk's error/description/details, Zammad's error_human, or the raw text. */
    static String serviceError(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.isObject()) {
                StringBuilder b = new StringBuilder();
                String human = text(n.get("error_human"));
                String error = n.get("error") != null && n.get("error").isObject()
                        ? text(n.get("error").get("title")) : text(n.get("error"));
                String description = text(n.get("description"));
                String message = text(n.get("message"));
                append(b, human != null ? human : error);
                append(b, description);
                append(b, message);
                JsonNode details = n.get("details");
                if (details != null && details.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        for (JsonNode d : e.getValue()) {
                            append(b, e.getKey() + ": " + (d.isObject() ? text(d.get("description")) : d.asText()));
                        }
                    }
                }
                if (b.length() > 0) {
                    return clip(b.toString());
                }
            }
        } catch (IOException notJson) {
            // an HTML error page or plain text: shown as it came, shortened
        }
        return clip(body.strip());
    }

    private static void append(StringBuilder b, String s) {
        if (s != null && !s.isBlank()) {
            if (b.length() > 0) {
                b.append(" — ");
            }
            b.append(s.strip());
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Instant retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long s = Long.parseLong(value.strip());
            return clock.instant().plusSeconds(Math.max(0, s));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 400 ? s : s.substring(0, 397) + "...";
    }

    static String trimSlash(String base) {
        String b = base.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }
}
