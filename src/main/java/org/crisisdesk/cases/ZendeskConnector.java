package org.crisisdesk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;

/**
 * Zendesk Support, Tickets API: {@code POST /api/v2/tickets.json} with API-token basic auth
 * ({@code email/token:TOKEN}), the case's key as {@code external_id} and as the {@code Idempotency-Key} header, and
 * {@code GET /api/v2/tickets.json?external_id=} to find the ticket made by an interrupted attempt. The comment is
 * private (the requester is an X account, usually without an e-mail address): agents answer on X or by the channel
 * they choose.
 */
public final class ZendeskConnector implements TicketConnector {
    private final String base;
    private final String auth;
    private final String requesterEmail;
    private final ZoneId zone;
    private final HttpCalls http;

    /**
     * @param base e.g. {@code https://acme.zendesk.com}
     * @param requesterEmail an address to file every case under, or null for the X author's name alone
     */
    public ZendeskConnector(String base, String email, String token, String requesterEmail, ZoneId zone,
            Duration timeout, Clock clock) {
        this.base = HttpCalls.trimSlash(base);
        this.auth = "Basic " + Base64.getEncoder().encodeToString((email.strip() + "/token:" + token.strip())
                .getBytes(StandardCharsets.UTF_8));
        this.requesterEmail = requesterEmail == null || requesterEmail.isBlank() ? null : requesterEmail.strip();
        this.zone = zone;
        this.http = new HttpCalls("Zendesk", timeout, clock);
    }

    @Override
    public String name() {
        return "ZENDESK";
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public Optional<Ticket> find(CasePayload c) throws TicketException {
        URI uri = URI.create(base + "/api/v2/tickets.json?external_id="
                + URLEncoder.encode(c.externalId(), StandardCharsets.UTF_8));
        JsonNode n = http.send(http.request(uri).header("Authorization", auth).GET().build()).json();
        for (JsonNode t : n.path("tickets")) {
            if (c.externalId().equals(t.path("external_id").asText(null)) && t.hasNonNull("id")) {
                return Optional.of(ticket(t));
            }
        }
        return Optional.empty();
    }

    @Override
    public Ticket create(CasePayload c) throws TicketException {
        ObjectNode root = HttpCalls.JSON.createObjectNode();
        ObjectNode t = root.putObject("ticket");
        t.put("subject", c.subject());
        ObjectNode comment = t.putObject("comment");
        comment.put("body", c.body(zone));
        comment.put("public", false);
        ObjectNode requester = t.putObject("requester");
        requester.put("name", "@" + c.author() + (c.authorName() == null ? "" : " (" + c.authorName() + ")"));
        if (requesterEmail != null) {
            requester.put("email", requesterEmail);
        }
        t.put("external_id", c.externalId());
        ArrayNode tags = t.putArray("tags");
        tags.add("crisisdesk");
        tags.add(c.source().replaceAll("[^A-Za-z0-9_]", ""));
        if (c.category() != null) {
            tags.add("category_" + c.category().replaceAll("\\s+", "_"));
        }
        String body;
        try {
            body = HttpCalls.JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JsonNode n = http.send(http.request(URI.create(base + "/api/v2/tickets.json"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", c.externalId())
                .POST(HttpCalls.json(body)).build()).json();
        JsonNode ticket = n.path("ticket");
        if (!ticket.hasNonNull("id")) {
            throw new TicketException(TicketException.Kind.TRANSIENT, 201, "Zendesk answered without a ticket id: "
                    + HttpCalls.clip(n.toString()), null, null);
        }
        return ticket(ticket);
    }

    private Ticket ticket(JsonNode t) {
        String id = t.get("id").asText();
        return new Ticket(id, "#" + id, base + "/agent/tickets/" + id);
    }
}
