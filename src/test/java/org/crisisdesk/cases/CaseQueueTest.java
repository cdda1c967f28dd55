package org.crisisdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.cases.CaseQueue.Outcome;
import org.crisisdesk.cases.CaseTicket.FailureKind;
import org.crisisdesk.cases.CaseTicket.State;
import org.crisisdesk.cases.FakeHelpdesk.Fault;
import org.crisisdesk.cases.FakeHelpdesk.Flavor;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.settings.SettingsStore;
import org.crisisdesk.store.Database;
import org.crisisdesk.triage.CategoryStore;
import org.crisisdesk.triage.DefaultCategories;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket queue against local fakes of Zendesk, Zammad and a webhook receiver over real HTTP: exactly one ticket
 * per case whatever fails, the service's own error words when it refuses, and its pace and back-off.
 */
class CaseQueueTest {
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    Path home;
    MutableClock clock;
    Database db;
    MentionStore mentions;
    CategoryStore categories;
    SettingsStore settings;
    FakeHelpdesk fake;
    Category centre;
    CaseStore store;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        // the stores alone (not the whole Services): these tests are about HTTP and the queue's table
        db = Database.open(Database.fileUrl(home));
        mentions = new MentionStore(db, clock);
        categories = new CategoryStore(db, clock);
        settings = new SettingsStore(db);
        DefaultCategories.install(categories);
        centre = categories.active().stream().filter(Category::customerCentre).findFirst().orElseThrow();
        store = new CaseStore(db, clock, clock);
    }

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
        db.close();
    }

    TicketConnector connector(Flavor flavor, Duration timeout) throws Exception {
        fake = new FakeHelpdesk(flavor);
        return switch (flavor) {
            case ZENDESK -> new ZendeskConnector(fake.baseUrl(), FakeHelpdesk.EMAIL, FakeHelpdesk.TOKEN, null, SEOUL,
                    timeout, clock);
            case ZAMMAD -> new ZammadConnector(fake.baseUrl(), FakeHelpdesk.TOKEN, "Users", "guess:x@acme.example",
                    SEOUL, timeout, clock);
            case WEBHOOK -> new WebhookConnector(fake.webhookUrl(), FakeHelpdesk.TOKEN, timeout, clock);
        };
    }

    CaseQueue queue(TicketConnector c) {
        return new CaseQueue(store, mentions, categories, () -> c, clock,
                Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(2), d -> waits.add(d));
    }

    List<Long> cases(int n) {
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Mention m = new Mention("x", "17000" + i, T0.minusSeconds(600 - i), "minji" + i, "김민지", "ko",
                    "주문번호 A-" + i + " 환불이 안 돼요 <b>급해요</b>", null, null, null);
            batch.add(new Filing(m, centre.id(), "MANUAL", null, null, null));
        }
        return mentions.ingest(batch, null, "test").stream().map(StoredMention::pk).toList();
    }

    // ---- Zendesk ----

    @Test
    void zendeskGetsOneTicketWithTheCaseAndItsKey() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        long pk = cases(1).get(0);

        Outcome o = q.sendNow(List.of(pk), "tester").get(0);
        Outcome again = q.sendNow(List.of(pk), "tester").get(0);

        assertThat(o.kind()).isEqualTo(Outcome.Kind.SENT);
        assertThat(again.kind()).isEqualTo(Outcome.Kind.ALREADY_SENT);
        assertThat(fake.tickets()).hasSize(1);
        assertThat(o.ticket().ticketNumber()).isEqualTo("#35436");
        assertThat(o.ticket().ticketUrl()).isEqualTo(fake.baseUrl() + "/agent/tickets/35436");
        FakeHelpdesk.Request post = fake.posts().get(0);
        assertThat(post.headers().get("idempotency-key")).isEqualTo("crisisdesk-x-170000");
        JsonNode t = post.json().path("ticket");
        assertThat(t.path("external_id").asText()).isEqualTo("crisisdesk-x-170000");
        assertThat(t.path("requester").path("name").asText()).isEqualTo("@minji0 (김민지)");
        assertThat(t.path("comment").path("body").asText()).contains("주문번호 A-0 환불이 안 돼요 <b>급해요</b>",
                "https://x.com/minji0/status/170000", "고객센터", "2026-10-17T13:50");
        assertThat(t.path("tags").toString()).contains("crisisdesk", "category_고객센터");
        assertThat(mentions.find(pk).orElseThrow().handedOverAt()).isNotNull();
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndLooksUpFirst() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        long pk = cases(1).get(0);
        fake.fail(Fault.status("POST", 503, "<html>Service Unavailable</html>", Map.of()));

        Outcome first = q.sendNow(List.of(pk), "tester").get(0);
        assertThat(first.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(first.ticket().failure()).contains("Zendesk answered HTTP 503", "Service Unavailable");
        assertThat(first.ticket().nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(q.processDue()).isEmpty(); // not due yet

        clock.advance(Duration.ofSeconds(31));
        List<Outcome> later = q.processDue();
        assertThat(later).extracting(Outcome::kind).containsExactly(Outcome.Kind.SENT);
        assertThat(fake.tickets()).hasSize(1);
        // the second attempt asked for the external id before creating
        assertThat(fake.requests()).extracting(FakeHelpdesk.Request::method).containsExactly("POST", "GET", "GET",
                "POST");
    }

    @Test
    void aSlowAnswerAfterTheTicketWasMadeIsFoundNotRepeated() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofMillis(400)));
        long pk = cases(1).get(0);
        fake.fail(Fault.stallAfterCreate());

        Outcome o = q.sendNow(List.of(pk), "tester").get(0);

        // the timeout is TRANSIENT; the lookup right after finds the ticket the server made
        assertThat(o.kind()).isEqualTo(Outcome.Kind.SENT);
        assertThat(o.ticket().sentBy()).isEqualTo("RECONCILED");
        assertThat(fake.tickets()).hasSize(1);
        assertThat(o.ticket().ticketNumber()).isEqualTo("#35436");
    }

    /** The process dies after the helpdesk made the ticket and before the number was stored. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aKillBetweenTheRequestAndTheStoredNumberLeavesExactlyOneTicket() throws Exception {
        TicketConnector real = connector(Flavor.ZENDESK, Duration.ofSeconds(5));
        TicketConnector dying = new TicketConnector() {
            public String name() {
                return real.name();
            }

            public boolean canLookUp() {
                return real.canLookUp();
            }

            public Optional<Ticket> find(CasePayload c) throws TicketException {
                return real.find(c);
            }

            public Ticket create(CasePayload c) throws TicketException {
                real.create(c);
                throw new Killed();
            }
        };
        long pk = cases(1).get(0);
        CaseQueue before = queue(dying);
        try {
            before.sendNow(List.of(pk), "tester");
        } catch (Killed expected) {
            // the process is gone; what it left is in the database
        }
        CaseTicket left = store.byMention(pk).orElseThrow();
        assertThat(left.state()).isEqualTo(State.SENDING);
        assertThat(fake.tickets()).hasSize(1);

        // a new process, later: a call that started 2 minutes ago is surely over
        clock.advance(Duration.ofSeconds(121));
        CaseQueue after = queue(real);
        List<Outcome> out = after.processDue();
        assertThat(out).extracting(Outcome::kind).containsExactly(Outcome.Kind.SENT);
        assertThat(out.get(0).ticket().sentBy()).isEqualTo("RECONCILED");
        assertThat(out.get(0).ticket().ticketNumber()).isEqualTo("#35436");
        assertThat(after.processDue()).isEmpty();
        assertThat(fake.tickets()).hasSize(1);
    }

    @Test
    void badCredentialsStopTheRoundWithTheServicesWordsAndNoToken() throws Exception {
        fake = new FakeHelpdesk(Flavor.ZENDESK); // closed after the test (a server left open outlives the test JVM)
        TicketConnector wrong = new ZendeskConnector(fake.baseUrl(), FakeHelpdesk.EMAIL, "wrong-token-777", null, SEOUL,
                Duration.ofSeconds(5), clock);
        CaseQueue q = queue(wrong);
        List<Long> pks = cases(3);
        q.queue(pks, "tester");

        List<Outcome> out = q.processDue();

        assertThat(out).extracting(Outcome::kind).containsExactly(Outcome.Kind.FAILED);
        CaseTicket t = out.get(0).ticket();
        assertThat(t.failureKind()).isEqualTo(FailureKind.AUTH);
        assertThat(t.failure()).isEqualTo("Zendesk answered HTTP 401: Couldn't authenticate you");
        assertThat(t.failure()).doesNotContain("wrong-token-777");
        assertThat(store.due(clock.instant())).hasSize(2); // the rest wait for new credentials
    }

    @Test
    void forbiddenAndValidationErrorsStopThatCaseWithTheServicesWords() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        List<Long> pks = cases(2);
        fake.fail(Fault.status("POST", 422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation "
                + "errors\",\"details\":{\"requester\":[{\"description\":\"Requester: Email is invalid\"}]}}",
                Map.of()));
        fake.fail(Fault.status("POST", 403, "{\"error\":\"Forbidden\",\"description\":\"You do not have access to "
                + "this page. Please contact the account owner of this help desk for further help.\"}", Map.of()));

        List<Outcome> out = q.sendNow(pks, "tester");

        assertThat(out.get(0).ticket().failureKind()).isEqualTo(FailureKind.REJECTED);
        assertThat(out.get(0).ticket().failure()).isEqualTo("Zendesk answered HTTP 422: RecordInvalid — Record "
                + "validation errors — requester: Requester: Email is invalid");
        assertThat(out.get(1).ticket().failureKind()).isEqualTo(FailureKind.AUTH);
        assertThat(out.get(1).ticket().failure()).contains("403", "You do not have access");
        assertThat(fake.tickets()).isEmpty();

        // a person fixes it and sends again: one ticket
        assertThat(q.retry(out.get(0).ticket().id()).kind()).isEqualTo(Outcome.Kind.SENT);
        assertThat(fake.tickets()).hasSize(1);
    }

    @Test
    void aRateLimitWaitsForRetryAfterAndPausesTheRound() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        List<Long> pks = cases(3);
        q.queue(pks, "tester");
        fake.fail(Fault.status("POST", 429, "{\"error\":\"APIRateLimitExceeded\",\"description\":\"Number of "
                + "allowed API requests per minute exceeded\"}", Map.of("Retry-After", "45")));

        List<Outcome> out = q.processDue();
        assertThat(out).extracting(Outcome::kind).containsExactly(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(out.get(0).ticket().failureKind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(out.get(0).ticket().nextAttemptAt()).isEqualTo(T0.plusSeconds(45));
        assertThat(fake.posts()).hasSize(1);

        clock.advance(Duration.ofSeconds(20));
        assertThat(q.processDue()).isEmpty(); // paused: nothing is sent before Retry-After
        assertThat(fake.posts()).hasSize(1);

        clock.advance(Duration.ofSeconds(26));
        assertThat(q.processDue()).extracting(Outcome::kind).containsOnly(Outcome.Kind.SENT).hasSize(3);
        assertThat(fake.tickets()).hasSize(3);
    }

    @Test
    void aServerErrorWithRetryAfterWaitsAsTheServiceAsks() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        long pk = cases(1).get(0);
        fake.fail(Fault.status("POST", 502, "{\"error\":\"Bad Gateway\"}", Map.of("Retry-After", "120")));

        Outcome first = q.sendNow(List.of(pk), "tester").get(0);
        assertThat(first.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(first.ticket().failure()).contains("Zendesk answered HTTP 502", "Bad Gateway");
        // Retry-After, not the 30 s first backoff
        assertThat(first.ticket().nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        clock.advance(Duration.ofSeconds(60));
        assertThat(q.processDue()).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(q.processDue()).extracting(Outcome::kind).containsExactly(Outcome.Kind.SENT);
        assertThat(fake.tickets()).hasSize(1);
    }

    @Test
    void createsArePaced() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZENDESK, Duration.ofSeconds(5)));
        q.sendNow(cases(3), "tester");
        assertThat(fake.tickets()).hasSize(3);
        // the clock does not move in this test: each later create waited the whole pace
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    // ---- Zammad ----

    @Test
    void zammadGetsGroupCustomerAndArticleWithTokenAuth() throws Exception {
        CaseQueue q = queue(connector(Flavor.ZAMMAD, Duration.ofSeconds(5)));
        long pk = cases(1).get(0);

        Outcome o = q.sendNow(List.of(pk), "tester").get(0);

        assertThat(o.kind()).isEqualTo(Outcome.Kind.SENT);
        assertThat(o.ticket().ticketNumber()).isEqualTo("31001");
        assertThat(o.ticket().ticketUrl()).isEqualTo(fake.baseUrl() + "/#ticket/zoom/1");
        FakeHelpdesk.Request post = fake.posts().get(0);
        assertThat(post.headers().get("authorization")).isEqualTo("Token token=" + FakeHelpdesk.TOKEN);
        JsonNode t = post.json();
        assertThat(t.path("group").asText()).isEqualTo("Users");
        assertThat(t.path("customer").asText()).isEqualTo("guess:x@acme.example");
        assertThat(t.path("title").asText()).endsWith("[crisisdesk-x-170000]");
        assertThat(t.path("article").path("type").asText()).isEqualTo("note");
        assertThat(t.path("article").path("body").asText()).contains("환불이 안 돼요", "x.com/minji0/status/170000");
    }

    @Test
    void zammadAfterAKillIsFoundBySearchNotMadeTwice() throws Exception {
        TicketConnector real = connector(Flavor.ZAMMAD, Duration.ofMillis(400));
        CaseQueue q = queue(real);
        long pk = cases(1).get(0);
        fake.fail(Fault.stallAfterCreate());
        fake.fail(Fault.status("GET", 502, "<html>Bad Gateway</html>", Map.of())); // the lookup right after fails too

        Outcome o = q.sendNow(List.of(pk), "tester").get(0);
        assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(o.ticket().failureKind()).isEqualTo(FailureKind.UNCERTAIN);

        clock.advance(Duration.ofSeconds(31));
        assertThat(q.processDue()).extracting(Outcome::kind).containsExactly(Outcome.Kind.SENT);
        assertThat(fake.tickets()).hasSize(1);
        assertThat(store.byMention(pk).orElseThrow().ticketNumber()).isEqualTo("31001");
    }

    @Test
    void zammadKilledAfterItsAnswerBeforeTheNumberIsStoredIsFoundBySearchNotMadeTwice() throws Exception {
        TicketConnector real = connector(Flavor.ZAMMAD, Duration.ofSeconds(5));
        TicketConnector dying = new TicketConnector() { // the crash point: Zammad answered, nothing stored yet
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public boolean canLookUp() {
                return real.canLookUp();
            }

            @Override
            public Optional<Ticket> find(CasePayload c) throws TicketException {
                return real.find(c);
            }

            @Override
            public Ticket create(CasePayload c) throws TicketException {
                real.create(c);
                throw new Killed();
            }
        };
        long pk = cases(1).get(0);
        try {
            queue(dying).sendNow(List.of(pk), "tester");
        } catch (Killed expected) {
            // the process is gone
        }
        assertThat(store.byMention(pk).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(store.byMention(pk).orElseThrow().ticketNumber()).isNull();
        assertThat(fake.tickets()).hasSize(1);

        // the next process: still inside the in-flight window nothing is touched, after it the search finds the ticket
        CaseQueue after = queue(real);
        assertThat(after.processDue()).isEmpty();
        clock.advance(Duration.ofSeconds(121));
        List<Outcome> out = after.processDue();
        assertThat(out).extracting(Outcome::kind).containsExactly(Outcome.Kind.SENT);
        assertThat(out.get(0).ticket().sentBy()).isEqualTo("RECONCILED");
        assertThat(out.get(0).ticket().ticketNumber()).isEqualTo("31001");
        assertThat(out.get(0).ticket().ticketUrl()).isEqualTo(fake.baseUrl() + "/#ticket/zoom/1");
        // a person pressing "send" again changes nothing either
        assertThat(after.sendNow(List.of(pk), "tester")).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.ALREADY_SENT);
        assertThat(fake.tickets()).hasSize(1);
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void zammadRefusesAnUnknownGroupInItsOwnWords() throws Exception {
        fake = new FakeHelpdesk(Flavor.ZAMMAD);
        TicketConnector c = new ZammadConnector(fake.baseUrl(), FakeHelpdesk.TOKEN, "Nope", "x@acme.example", SEOUL,
                Duration.ofSeconds(5), clock);
        Outcome o = queue(c).sendNow(cases(1), "tester").get(0);
        assertThat(o.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(o.ticket().failure()).isEqualTo("Zammad answered HTTP 422: No lookup value found for 'group': "
                + "\"Nope\"");
    }

    // ---- webhook ----

    @Test
    void theWebhookIsSignedAndResentWithTheSameKeyAfterAKill() throws Exception {
        TicketConnector real = connector(Flavor.WEBHOOK, Duration.ofMillis(400));
        CaseQueue q = queue(real);
        long pk = cases(1).get(0);
        fake.fail(Fault.stallAfterCreate());

        Outcome o = q.sendNow(List.of(pk), "tester").get(0);
        assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        clock.advance(Duration.ofSeconds(31));
        Outcome later = q.processDue().get(0);

        assertThat(later.kind()).isEqualTo(Outcome.Kind.SENT);
        assertThat(later.ticket().ticketNumber()).isEqualTo("WH-1");
        assertThat(fake.tickets()).hasSize(1);
        List<FakeHelpdesk.Request> posts = fake.posts();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).body()).isEqualTo(posts.get(1).body());
        assertThat(posts.get(1).headers().get("idempotency-key")).isEqualTo("crisisdesk-x-170000");
        String sig = posts.get(1).headers().get("x-crisisdesk-signature");
        assertThat(sig).isEqualTo(HmacSignature.sign(FakeHelpdesk.TOKEN,
                posts.get(1).body().getBytes(StandardCharsets.UTF_8)));
        JsonNode body = posts.get(1).json();
        assertThat(body.path("schema").asText()).isEqualTo("crisisdesk.case/1");
        assertThat(body.path("case").path("text").asText()).isEqualTo("주문번호 A-0 환불이 안 돼요 <b>급해요</b>");
        assertThat(body.path("case").path("category").asText()).isEqualTo("고객센터");
    }

    @Test
    void aWrongWebhookSecretIsAnAuthFailure() throws Exception {
        fake = new FakeHelpdesk(Flavor.WEBHOOK);
        TicketConnector c = new WebhookConnector(fake.webhookUrl(), "not-the-secret", Duration.ofSeconds(5), clock);
        Outcome o = queue(c).sendNow(cases(1), "tester").get(0);
        assertThat(o.ticket().failureKind()).isEqualTo(FailureKind.AUTH);
        assertThat(o.ticket().failure()).isEqualTo("The webhook answered HTTP 401: bad signature");
    }

    // ---- settings ----

    @Test
    void settingsKeepTheTokenInAnOwnerOnlyFile() throws Exception {
        CaseSettings s = new CaseSettings(CaseSettings.Kind.ZENDESK, "https://acme.zendesk.com", EMAIL(), null, null,
                true, Duration.ofSeconds(1), Duration.ofSeconds(20));
        s.save(settings);
        SecretFile secrets = CaseSettings.secrets(home);
        assertThat(CaseSettings.load(settings).connector(secrets, SEOUL, clock)).isNull();
        secrets.put(Map.of(CaseSettings.SECRET_KEY, "tok-123"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.path())))
                .isEqualTo("rw-------");
        CaseSettings back = CaseSettings.load(settings);
        assertThat(back).isEqualTo(s);
        assertThat(back.connector(secrets, SEOUL, clock)).isInstanceOf(ZendeskConnector.class);
        assertThat(settings.get("cases.url").orElseThrow()).doesNotContain("tok-123");
        assertThat(secrets.toString()).doesNotContain("tok-123");
    }

    private static String EMAIL() {
        return FakeHelpdesk.EMAIL;
    }
}
