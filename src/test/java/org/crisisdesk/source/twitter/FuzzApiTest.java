package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.SourceStatus.State;
import org.crisisdesk.testing.Fuzz;
import org.crisisdesk.testing.Hostile;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real TwitterSource (twitter4j) against the fake X server whose mentions endpoint answers generated bodies:
 * malformed and truncated JSON, JSON of the wrong shape, wrong content types, invalid UTF-8, empty and 2 MB bodies,
 * 5xx and 4xx statuses. Meanwhile the account receives mentions with hostile but valid text. The source must keep
 * running, say what is wrong in its status each time, and end LIVE with every mention stored once, text exact.
 * {@code -Pdrill} ({@code fuzz.scale=10}) sends ten times as many bodies.
 */
class FuzzApiTest {
    static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    private static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    private static final String FAKE_ID = "1850000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTENT_TYPES = java.util.Arrays.asList("application/json; charset=utf-8",
            "text/html; charset=utf-8", "text/plain", "application/octet-stream", "application/json; charset=latin1",
            null);
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 500, 502, 503, 504, 520};

    private final MutableClock clock = new MutableClock(T0);
    private FakeXServer server;
    private Services services;

    @BeforeEach
    void open() {
        server = new FakeXServer(clock);
        services = TempDesk.open(TempDesk.newHome(), clock);
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void generatedBodiesNeverStopTheSourceNorLoseOrDoubleAMention(ApiVersion api) throws Exception {
        Hostile h = new Hostile(Hostile.seedFromProperty() + api.ordinal());
        int bodies = 25 * SCALE;
        Map<String, String> expected = new HashMap<>();
        // hostile but valid mention texts, arriving over the run
        Fuzz.run(h, 60, (g, n) -> {
            FakeXServer.Post p = server.mention(g.storableText(), T0.plusSeconds(n * 20L));
            expected.put(Long.toString(p.id()), p.text());
        });
        Fuzz.run(h, bodies, (g, n) -> server.rawFault(new FakeXServer.RawFault("mentions",
                STATUSES[g.nextInt(STATUSES.length)], g.pick(CONTENT_TYPES), body(g, api))));

        TwitterSource source = new TwitterSource(server.settings(api), XClient.create(server.settings(api), clock),
                Duration.ofSeconds(10), new Random(h.runSeed()));
        Instant lastMention = T0.plusSeconds(60 * 20L);
        // runs until every fault was served, the last mention is due and a later poll stored everything (or, if
        // something is lost, until a generous end of the scenario, so the assertion below shows what is missing)
        Instant[] faultsOver = {null};
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> {
            if (server.pendingRawFaults() > 0) {
                return false;
            }
            if (faultsOver[0] == null) {
                faultsOver[0] = clock.instant();
            }
            return clock.instant().isAfter(lastMention.plusSeconds(60))
                    && (c.stored() >= expected.size() || clock.instant().isAfter(faultsOver[0].plus(Duration.ofHours(1))));
        });
        source.run(ctx); // an uncaught exception fails the test here

        String seed = "fuzz seed " + h.runSeed();
        Map<String, String> stored = ctx.storedTexts();
        // a page with a stray invalid byte may still decode (as U+FFFD) into the page's one made-up mention
        stored.remove(FAKE_ID);
        assertThat(stored).as(seed).isEqualTo(expected);
        List<SourceStatus> trouble = ctx.statuses.stream().filter(s -> s.state() != State.LIVE
                && s.state() != State.STARTING && s.state() != State.CATCHING_UP).toList();
        assertThat(trouble).as(seed).isNotEmpty().allSatisfy(s -> {
            assertThat(s.state()).isIn(State.BACKING_OFF, State.PAUSED);
            assertThat(s.detail()).isNotBlank();
        });
        assertThat(ctx.last().state()).as(seed).isEqualTo(State.LIVE);
        System.out.println("fuzz: " + api + " source took " + bodies + " generated bodies, reported " + trouble.size()
                + " troubled states, stored " + expected.size() + " hostile mentions exactly once");
    }

    /** A body the client cannot use as a page of mentions. */
    private static byte[] body(Hostile g, ApiVersion api) throws Exception {
        String page = page(g, api);
        return switch (g.nextInt(9)) {
            case 0 -> page.substring(0, g.nextInt(page.length())).getBytes(StandardCharsets.UTF_8); // truncated
            case 1 -> g.bytes(); // not JSON, maybe not UTF-8
            case 2 -> new byte[0];
            case 3 -> ("<!DOCTYPE html><html><body><h1>Over capacity</h1>" + g.text() + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> { // 2 MB, cut off
                String big = "{\"data\":[{\"id\":\"1\",\"text\":\"" + g.big(2 << 20).replace("\\", "").replace("\"", "");
                yield big.getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> wrongShape(g, api).getBytes(StandardCharsets.UTF_8);
            case 6 -> { // a good page with invalid UTF-8 spliced in
                byte[] p = page.getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[p.length + 2];
                int cut = g.nextInt(p.length);
                System.arraycopy(p, 0, out, 0, cut);
                out[cut] = (byte) 0xC3;
                out[cut + 1] = (byte) 0x28;
                System.arraycopy(p, cut, out, cut + 2, p.length - cut);
                yield out;
            }
            case 7 -> ("[" + page + "]").getBytes(StandardCharsets.UTF_8);
            default -> (g.chance(0.5) ? "null" : "\"" + g.storableText().replace("\"", "") + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** JSON that parses but is not a page: nulls and wrong types where ids, texts and users go. */
    private static String wrongShape(Hostile g, ApiVersion api) {
        if (api == ApiVersion.V2) {
            return switch (g.nextInt(4)) {
                case 0 -> "{\"data\":\"" + g.storableText().replace("\"", "").replace("\\", "") + "\"}";
                case 1 -> "{\"data\":[{\"id\":null,\"text\":null}]}";
                case 2 -> "{\"data\":[{\"id\":\"x\",\"text\":12,\"created_at\":\"yesterday\"}],\"meta\":7}";
                default -> "{\"data\":[[]],\"includes\":{\"users\":\"none\"}}";
            };
        }
        return switch (g.nextInt(4)) {
            case 0 -> "{\"statuses\":[]}";
            case 1 -> "[{\"id_str\":null,\"user\":null}]";
            case 2 -> "[{\"id\":\"x\",\"full_text\":12,\"created_at\":\"yesterday\",\"user\":{}}]";
            default -> "[7, \"a\", null]";
        };
    }

    private static String page(Hostile g, ApiVersion api) throws Exception {
        if (api == ApiVersion.V2) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode data = root.putArray("data");
            data.addObject().put("id", FAKE_ID).put("text", g.text()).put("author_id", "1")
                    .put("created_at", "2026-10-17T05:00:00.000Z");
            root.putObject("meta").put("result_count", 1).put("newest_id", FAKE_ID);
            return JSON.writeValueAsString(root);
        }
        ArrayNode arr = JSON.createArrayNode();
        ObjectNode t = arr.addObject().put("id_str", FAKE_ID).put("id", Long.parseLong(FAKE_ID))
                .put("full_text", g.text()).put("created_at", "Sat Oct 17 05:00:00 +0000 2026");
        t.putObject("user").put("id_str", "1").put("screen_name", "x");
        return JSON.writeValueAsString(arr);
    }
}
