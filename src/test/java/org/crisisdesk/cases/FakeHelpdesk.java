package org.crisisdesk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local fake of Zendesk's Tickets API, Zammad's ticket API, or a company's webhook receiver, over real HTTP on
 * 127.0.0.1 with their request and error shapes: auth checks (401 bodies as each service sends them), validation
 * (422), Zendesk's Idempotency-Key replay and external_id filter, Zammad's search, the webhook's signature check and
 * key dedupe. Faults are queued per request: a status with a body and headers, or a create that answers too late.
 */
public final class FakeHelpdesk implements AutoCloseable {
    public enum Flavor { ZENDESK, ZAMMAD, WEBHOOK }

    public static final String TOKEN = "tok-SECRET-4242";
    public static final String EMAIL = "agent@acme.example";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One fault for the next matching request. {@code createThenStall}: make the ticket, answer after the client gave up. */
    public record Fault(String method, int status, String body, Map<String, String> headers, boolean createThenStall) {
        public static Fault status(String method, int status, String body, Map<String, String> headers) {
            return new Fault(method, status, body, headers, false);
        }

        static Fault stallAfterCreate() {
            return new Fault("POST", 0, null, Map.of(), true);
        }
    }

    record Request(String method, String path, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    public record Stored(long id, String number, String externalId, String title, String body, JsonNode request) {}

    final Flavor flavor;
    private final HttpServer server;
    private final List<Stored> tickets = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, String[]> idempotency = new HashMap<>(); // key -> {request body, response body}
    private final CountDownLatch released = new CountDownLatch(1);
    private long nextId;

    public FakeHelpdesk(Flavor flavor) throws IOException {
        this.flavor = flavor;
        this.nextId = flavor == Flavor.ZENDESK ? 35436 : 1;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String webhookUrl() {
        return baseUrl() + "/hooks/cases";
    }

    public synchronized void fail(Fault f) {
        faults.add(f);
    }

    public List<Stored> tickets() {
        synchronized (tickets) {
            return List.copyOf(tickets);
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> posts() {
        return requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    private synchronized Fault nextFault(String method) {
        Fault f = faults.peek();
        if (f != null && f.method().equals(method)) {
            return faults.poll();
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            requests.add(new Request(method, ex.getRequestURI().toString(), headers, body));
            Fault f = nextFault(method);
            if (f != null && !f.createThenStall()) {
                f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                send(ex, f.status(), f.body());
                return;
            }
            if (!authorized(headers, body)) {
                switch (flavor) {
                    case ZENDESK -> send(ex, 401, "{\"error\":\"Couldn't authenticate you\"}");
                    case ZAMMAD -> send(ex, 401, "{\"error\":\"Authentication required\",\"error_human\":"
                            + "\"Authentication required\"}");
                    default -> send(ex, 401, "{\"message\":\"bad signature\"}");
                }
                return;
            }
            String[] answer = switch (flavor) {
                case ZENDESK -> zendesk(method, path, ex.getRequestURI().getRawQuery(), headers, body);
                case ZAMMAD -> zammad(method, path, ex.getRequestURI().getRawQuery(), body);
                case WEBHOOK -> webhook(method, headers, body);
            };
            if (f != null) {
                // the ticket exists now; the answer comes after the client stopped waiting
                released.await(5, TimeUnit.SECONDS);
            }
            for (int i = 2; i < answer.length; i += 2) {
                ex.getResponseHeaders().add(answer[i], answer[i + 1]);
            }
            send(ex, Integer.parseInt(answer[0]), answer[1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away (a stalled answer); nothing to do
        }
    }

    private boolean authorized(Map<String, String> h, String body) {
        return switch (flavor) {
            case ZENDESK -> ("Basic " + Base64.getEncoder().encodeToString((EMAIL + "/token:" + TOKEN)
                    .getBytes(StandardCharsets.UTF_8))).equals(h.get("authorization"));
            case ZAMMAD -> ("Token token=" + TOKEN).equals(h.get("authorization"));
            case WEBHOOK -> HmacSignature.verify(TOKEN, body.getBytes(StandardCharsets.UTF_8),
                    h.get(HmacSignature.HEADER.toLowerCase()));
        };
    }

    private synchronized String[] zendesk(String method, String path, String query, Map<String, String> h,
            String body) throws IOException {
        if (method.equals("GET") && path.equals("/api/v2/tickets.json")) {
            String ext = query == null ? null : URLDecoder.decode(query.replaceFirst("^external_id=", ""),
                    StandardCharsets.UTF_8);
            ObjectNode o = JSON.createObjectNode();
            ArrayNode arr = o.putArray("tickets");
            for (Stored s : tickets()) {
                if (s.externalId() != null && s.externalId().equals(ext)) {
                    arr.add(zendeskTicket(s));
                }
            }
            o.put("count", arr.size());
            return new String[] {"200", o.toString()};
        }
        if (method.equals("POST") && path.equals("/api/v2/tickets.json")) {
            String key = h.get("idempotency-key");
            if (key != null && idempotency.containsKey(key)) {
                String[] prior = idempotency.get(key);
                if (!prior[0].equals(body)) {
                    return new String[] {"400", "{\"error\":\"IdempotentRequestError\",\"description\":\"The "
                            + "request parameters do not match those of the original request\"}"};
                }
                return new String[] {"201", prior[1], "x-idempotency-lookup", "hit"};
            }
            JsonNode t = JSON.readTree(body).path("ticket");
            if (t.path("comment").path("body").asText("").isBlank()) {
                return new String[] {"422", "{\"error\":\"RecordInvalid\",\"description\":\"Record validation "
                        + "errors\",\"details\":{\"base\":[{\"description\":\"Description: cannot be blank\"}]}}"};
            }
            Stored s = new Stored(nextId++, null, t.path("external_id").asText(null), t.path("subject").asText(),
                    t.path("comment").path("body").asText(), t);
            tickets.add(s);
            ObjectNode o = JSON.createObjectNode();
            o.set("ticket", zendeskTicket(s));
            if (key != null) {
                idempotency.put(key, new String[] {body, o.toString()});
            }
            return new String[] {"201", o.toString(), "x-idempotency-lookup", "miss"};
        }
        return new String[] {"404", "{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}"};
    }

    private ObjectNode zendeskTicket(Stored s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("url", baseUrl() + "/api/v2/tickets/" + s.id() + ".json");
        o.put("external_id", s.externalId());
        o.put("subject", s.title());
        o.put("status", "new");
        return o;
    }

    private synchronized String[] zammad(String method, String path, String query, String body) throws IOException {
        if (method.equals("GET") && path.equals("/api/v1/tickets/search")) {
            String q = "";
            for (String part : query.split("&")) {
                if (part.startsWith("query=")) {
                    q = URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8).replace("\"", "");
                }
            }
            ArrayNode arr = JSON.createArrayNode();
            for (Stored s : tickets()) {
                if (!q.isEmpty() && (s.title().contains(q) || s.body().contains(q))) {
                    arr.add(zammadTicket(s));
                }
            }
            return new String[] {"200", arr.toString()};
        }
        if (method.equals("POST") && path.equals("/api/v1/tickets")) {
            JsonNode t = JSON.readTree(body);
            if (!"Users".equals(t.path("group").asText())) {
                String e = "No lookup value found for 'group': \\\"" + t.path("group").asText() + "\\\"";
                return new String[] {"422", "{\"error\":\"" + e + "\",\"error_human\":\"" + e + "\"}"};
            }
            if (t.path("title").asText("").isBlank() || !t.has("article")) {
                return new String[] {"422", "{\"error\":\"Need title and article\",\"error_human\":"
                        + "\"Need title and article\"}"};
            }
            long id = nextId++;
            Stored s = new Stored(id, Long.toString(31000 + id), null, t.path("title").asText(),
                    t.path("article").path("body").asText(), t);
            tickets.add(s);
            return new String[] {"201", zammadTicket(s).toString()};
        }
        return new String[] {"404", "{\"error\":\"No route matches\"}"};
    }

    private ObjectNode zammadTicket(Stored s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("number", s.number());
        o.put("title", s.title());
        o.put("group_id", 1);
        o.put("state_id", 1);
        return o;
    }

    private synchronized String[] webhook(String method, Map<String, String> h, String body) throws IOException {
        String key = h.get("idempotency-key");
        for (Stored s : tickets()) {
            if (s.externalId().equals(key)) {
                return new String[] {"200", "{\"ticket_id\":\"WH-" + s.id() + "\",\"ticket_url\":"
                        + "\"https://desk.example/t/WH-" + s.id() + "\",\"duplicate\":true}"};
            }
        }
        JsonNode n = JSON.readTree(body);
        Stored s = new Stored(nextId++, null, key, n.path("case").path("author").asText(),
                n.path("case").path("text").asText(), n);
        tickets.add(s);
        return new String[] {"201", "{\"ticket_id\":\"WH-" + s.id() + "\",\"ticket_url\":"
                + "\"https://desk.example/t/WH-" + s.id() + "\"}"};
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
