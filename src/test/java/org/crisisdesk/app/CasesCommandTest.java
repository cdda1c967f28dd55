package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crisisdesk.cases.CaseSettings;
import org.crisisdesk.cases.FakeHelpdesk;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Test;

/** {@code cases send --all-unsent} and {@code cases list} against a local fake Zendesk. */
class CasesCommandTest {

    @Test
    void sendsEveryUnsentCaseOnceAndListsTheirTicketNumbers() throws Exception {
        Path home = TempDesk.newHome();
        try (FakeHelpdesk zendesk = new FakeHelpdesk(FakeHelpdesk.Flavor.ZENDESK)) {
            try (Services s = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")))) {
                Category centre = s.categories().active().stream().filter(Category::customerCentre).findFirst()
                        .orElseThrow();
                Category other = s.categories().ensure("배송 지연");
                List<Filing> batch = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    batch.add(new Filing(new Mention("x", "900" + i, Instant.parse("2026-10-17T04:00:00Z"), "kim" + i,
                            null, "ko", "환불 문의 " + i, null, null, null), i < 2 ? centre.id() : other.id(), "MANUAL",
                            null, null, null));
                }
                s.mentions().ingest(batch, null, "test");
                new CaseSettings(CaseSettings.Kind.ZENDESK, zendesk.baseUrl(), FakeHelpdesk.EMAIL, null, null, false,
                        Duration.ZERO, Duration.ofSeconds(10)).save(s.settings());
                CaseSettings.secrets(home).put(Map.of(CaseSettings.SECRET_KEY, FakeHelpdesk.TOKEN));
            }

            CliRun before = CliRun.of("--home", home.toString(), "cases", "list");
            assertThat(before.exitCode()).as(before.err()).isZero();
            assertThat(before.out()).contains("NOT QUEUED").contains("0 sent, 2 not sent.");

            CliRun send = CliRun.of("--home", home.toString(), "--as", "박지훈", "cases", "send", "--all-unsent");
            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(send.out()).contains("SENT  ticket #35436", "SENT  ticket #35437", "2 sent, 0 not sent.");
            try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) { // --as is who queued them (issue 22)
                assertThat(new org.crisisdesk.cases.CaseStore(s.db(), s.clock(), s.clock()).recent(10))
                        .extracting(org.crisisdesk.cases.CaseTicket::queuedBy).containsOnly("박지훈");
            }

            CliRun again = CliRun.of("--home", home.toString(), "cases", "send", "--all-unsent");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("0 sent, 0 not sent.");
            assertThat(zendesk.tickets()).hasSize(2);

            // a case filed later and not sent yet: the handover report says so beside the sent ones
            try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
                Category centre = s.categories().active().stream().filter(Category::customerCentre).findFirst()
                        .orElseThrow();
                s.mentions().ingest(List.of(new Filing(new Mention("x", "9010", Instant.parse("2026-10-17T04:30:00Z"),
                        "lee", null, "ko", "교환 문의", null, null, null), centre.id(), "MANUAL", null, null, null)),
                        null, "test");
            }
            // the handover report lists the cases with their ticket numbers, and those not sent
            Path md = home.resolve("handover.md");
            CliRun report = CliRun.of("--home", home.toString(), "handover", "--from", "2026-10-17T00:00:00Z", "--to",
                    "2026-10-18T00:00:00Z", "--zone", "UTC", "--lang", "en", "--format", "md", "--out", md.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(java.nio.file.Files.readString(md)).contains("| Ticket \\#35436 |", "| Ticket \\#35437 |",
                    "Helpdesk tickets: 2 sent · 1 not sent yet (0 of them queued or failed, the rest never queued)",
                    "| @lee | 교환 문의 | not yet |");

            CliRun list = CliRun.of("--home", home.toString(), "cases", "list");
            assertThat(list.out()).contains("ticket #35436", "@kim0 https://x.com/kim0/status/9000", "NOT QUEUED",
                    "2 sent, 1 not sent.")
                    .doesNotContain(FakeHelpdesk.TOKEN);
        }
    }

    @Test
    void aRefusedCaseIsListedWithTheHelpdesksOwnWords() throws Exception {
        Path home = TempDesk.newHome();
        try (FakeHelpdesk zendesk = new FakeHelpdesk(FakeHelpdesk.Flavor.ZENDESK)) {
            try (Services s = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")))) {
                Category centre = s.categories().active().stream().filter(Category::customerCentre).findFirst()
                        .orElseThrow();
                s.mentions().ingest(List.of(new Filing(new Mention("x", "9100", Instant.parse("2026-10-17T04:00:00Z"),
                        "park", null, "ko", "환불 문의", null, null, null), centre.id(), "MANUAL", null, null, null)),
                        null, "test");
                new CaseSettings(CaseSettings.Kind.ZENDESK, zendesk.baseUrl(), FakeHelpdesk.EMAIL, null, null, false,
                        Duration.ZERO, Duration.ofSeconds(10)).save(s.settings());
                CaseSettings.secrets(home).put(Map.of(CaseSettings.SECRET_KEY, FakeHelpdesk.TOKEN));
            }
            zendesk.fail(FakeHelpdesk.Fault.status("POST", 422, "{\"error\":\"RecordInvalid\",\"description\":"
                    + "\"Record validation errors\",\"details\":{\"requester\":[{\"description\":\"Requester: "
                    + "Email is invalid\"}]}}", Map.of()));

            CliRun send = CliRun.of("--home", home.toString(), "cases", "send", "--all-unsent");
            assertThat(send.exitCode()).as(send.err()).isEqualTo(3);
            assertThat(send.out()).contains("FAILED  REJECTED: Zendesk answered HTTP 422: RecordInvalid — Record "
                    + "validation errors — requester: Requester: Email is invalid", "0 sent, 1 not sent.");

            CliRun list = CliRun.of("--home", home.toString(), "cases", "list");
            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).contains("FAILED  REJECTED: Zendesk answered HTTP 422: RecordInvalid",
                    "Requester: Email is invalid", "@park https://x.com/park/status/9100", "0 sent, 1 not sent.")
                    .doesNotContain(FakeHelpdesk.TOKEN);
            assertThat(zendesk.tickets()).isEmpty();
        }
    }

    @Test
    void withoutAConnectorItSaysWhatIsMissing() {
        Path home = TempDesk.newHome();
        CliRun run = CliRun.of("--home", home.toString(), "cases", "send", "--all-unsent");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("No customer-centre connector is ready: a connector (webhook, Zendesk or Zammad) is missing");
    }
}
