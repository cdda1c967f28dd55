package org.crisisdesk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Zammad: {@code POST /api/v1/tickets} with {@code Authorization: Token token=…}, a group, a customer and the first
 * article (an internal note with the post). Zammad takes no idempotency key, so the case's key is written into the
 * title ({@code [crisisdesk-x-123]}) and an interrupted attempt is looked up with
 * {@code GET /api/v1/tickets/search?query="KEY"} before any new ticket is made.
 */
public final class ZammadConnector implements TicketConnector {
    private final String base;
    private final String auth;
    private final String group;
    private final String customer;
    private final ZoneId zone;
    private final HttpCalls http;

    /**
     * @param customer the customer every case is filed under (an e-mail or login, e.g. a "X mentions" user); with the
     *     {@code guess:} prefix Zammad creates it when missing
     */
    public ZammadConnector(String base, String token, String group, String customer, ZoneId zone, Duration timeout,
            Clock clock) {
        this.base = HttpCalls.trimSlash(base);
        this.auth = "Token token=" + token.strip();
        this.group = group;
        this.customer = customer;
        this.zone = zone;
        this.http = new HttpCalls("Zammad", timeout, clock);
    }

    @Override
    public String name() {
        return "ZAMMAD";
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    static String title(CasePayload c) {
        return c.subject() + " [" + c.externalId() + "]";
    }

    @Override
    public Optional<Ticket> find(CasePayload c) throws TicketException {
        URI uri = URI.create(base + "/api/v1/tickets/search?expand=true&limit=20&query="
                + URLEncoder.encode("\"" + c.externalId() + "\"", StandardCharsets.UTF_8));
        JsonNode n = http.send(http.request(uri).header("Authorization", auth).GET().build()).json();
        // expand=true answers an array of tickets; without it, {"tickets": [ids], "assets": {"Ticket": {...}}}
        JsonNode list = n.isArray() ? n : n.path("assets").path("Ticket");
        String marker = "[" + c.externalId() + "]";
        for (JsonNode t : list) {
            if (t.path("title").asText("").contains(marker) && t.hasNonNull("id")) {
                return Optional.of(ticket(t));
            }
        }
        return Optional.empty();
    }

    @Override
    public Ticket create(CasePayload c) throws TicketException {
        ObjectNode t = HttpCalls.JSON.createObjectNode();
        t.put("title", title(c));
        t.put("group", group);
        t.put("customer", customer);
        ObjectNode article = t.putObject("article");
        article.put("subject", c.subject());
        article.put("body", c.body(zone));
        article.put("type", "note");
        article.put("internal", true);
        article.put("content_type", "text/plain");
        t.put("tags", "crisisdesk," + c.source().replaceAll("[^A-Za-z0-9_]", "")
                + (c.category() == null ? "" : "," + c.category().replace(",", " ")));
        String body;
        try {
            body = HttpCalls.JSON.writeValueAsString(t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JsonNode n = http.send(http.request(URI.create(base + "/api/v1/tickets"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpCalls.json(body)).build()).json();
        if (!n.hasNonNull("id")) {
            throw new TicketException(TicketException.Kind.TRANSIENT, 201, "Zammad answered without a ticket id: "
                    + HttpCalls.clip(n.toString()), null, null);
        }
        return ticket(n);
    }

    private Ticket ticket(JsonNode t) {
        String id = t.get("id").asText();
        String number = t.hasNonNull("number") ? t.get("number").asText() : id;
        return new Ticket(id, number, base + "/#ticket/zoom/" + id);
    }
}
