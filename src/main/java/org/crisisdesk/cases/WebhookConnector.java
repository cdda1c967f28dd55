package org.crisisdesk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The generic connector: a JSON POST of the case (schema {@code crisisdesk.case/1}, docs/customer-centre.md) to a URL
 * the company runs, signed with {@link HmacSignature} over the body, with the case's stable key in
 * {@code Idempotency-Key}. The body of a case is the same on every attempt, so a receiver may also dedupe on it. The
 * receiver answers 2xx, optionally with {@code {"ticket_id": "...", "ticket_url": "..."}}; it cannot be asked
 * afterwards, so after an interruption the case is sent again with the same key, and the receiver must treat a
 * known key as the same ticket.
 */
public final class WebhookConnector implements TicketConnector {
    public static final String SCHEMA = "crisisdesk.case/1";
    private final URI url;
    private final String secret;
    private final HttpCalls http;

    public WebhookConnector(String url, String secret, Duration timeout, Clock clock) {
        this.url = URI.create(url.strip());
        this.secret = secret;
        this.http = new HttpCalls("The webhook", timeout, clock);
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public Optional<Ticket> find(CasePayload c) {
        return Optional.empty();
    }

    /** The body as sent: stable for a case (no send time in it). */
    public static String body(CasePayload c) {
        ObjectNode o = HttpCalls.JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("idempotency_key", c.externalId());
        ObjectNode k = o.putObject("case");
        k.put("external_id", c.externalId());
        k.put("source", c.source());
        k.put("post_id", c.postId());
        k.put("link", c.link());
        k.put("author", c.author());
        k.put("author_name", c.authorName());
        k.put("created_at", DateTimeFormatter.ISO_INSTANT.format(c.createdAt()));
        k.put("lang", c.lang());
        k.put("category", c.category());
        k.put("text", c.text());
        try {
            return HttpCalls.JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Ticket create(CasePayload c) throws TicketException {
        byte[] body = body(c).getBytes(StandardCharsets.UTF_8);
        HttpCalls.Answer a = http.send(http.request(url)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", c.externalId())
                .header("X-CrisisDesk-Event", "case")
                .header(HmacSignature.HEADER, HmacSignature.sign(secret, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        String id = null;
        String link = null;
        if (a.body() != null && !a.body().isBlank()) {
            try {
                JsonNode n = HttpCalls.JSON.readTree(a.body());
                id = n.hasNonNull("ticket_id") ? n.get("ticket_id").asText() : null;
                link = n.hasNonNull("ticket_url") ? n.get("ticket_url").asText() : null;
            } catch (java.io.IOException notJson) {
                // a 2xx without JSON is a delivered case with no ticket number
            }
        }
        return new Ticket(id != null ? id : c.externalId(), id != null ? id : c.externalId(),
                link != null && link.startsWith("https://") || link != null && link.startsWith("http://") ? link : null);
    }
}
