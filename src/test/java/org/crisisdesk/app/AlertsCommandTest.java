package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crisisdesk.alert.delivery.DeliveryConfig;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code crisisdesk alerts channels add|list|test|remove} and {@code alerts smtp} against a real local webhook
 * receiver and a real SMTP server (GreenMail): secrets only in the owner-only file, never printed or in the database.
 */
class AlertsCommandTest {
    private static final String HOOK_SECRET = "whsec-SECRET-123";
    private final List<String> signatures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private GreenMail mail;
    private Path home;
    private final InputStream stdin = System.in;

    @BeforeEach
    void open() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/bot/TOKEN-IN-PATH", ex -> {
            try (ex) {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                signatures.add(ex.getRequestHeaders().getFirst("X-CrisisDesk-Signature"));
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.createContext("/gone", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                byte[] b = "no such hook".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, b.length);
                ex.getResponseBody().write(b);
            }
        });
        receiver.start();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mail.setUser("desk@acme.example", "alerts", "smtp-pw-SECRET");
        home = TempDesk.newHome();
        TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z"))).close();
    }

    @AfterEach
    void close() {
        System.setIn(stdin);
        receiver.stop(0);
        mail.stop();
    }

    private CliRun run(String stdinLines, String... args) {
        System.setIn(new ByteArrayInputStream(stdinLines.getBytes(StandardCharsets.UTF_8)));
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "alerts"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void channelsAreAddedTestedListedAndRemovedWithTheirSecretsKeptOwnerOnly() throws Exception {
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bot/TOKEN-IN-PATH";
        CliRun add = run(hookUrl + "\n" + HOOK_SECRET + "\n", "channels", "add", "bot", "--type", "webhook",
                "--url-stdin", "--secret-stdin");
        assertThat(add.exitCode()).as(add.err()).isZero();
        CliRun test = run("", "channels", "test", "bot");
        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(bodies).singleElement().satisfies(b -> assertThat(b).contains("\"test\":true"));
        assertThat(signatures).singleElement().satisfies(s -> assertThat(s).startsWith("sha256="));

        CliRun smtp = run("smtp-pw-SECRET\n", "smtp", "--host", "127.0.0.1", "--port",
                String.valueOf(mail.getSmtp().getPort()), "--security", "NONE", "--user", "alerts", "--from",
                "desk@acme.example", "--password-stdin");
        assertThat(smtp.exitCode()).as(smtp.err()).isZero();
        CliRun addMail = run("", "channels", "add", "lead", "--type", "email", "--to", "lead@acme.example");
        assertThat(addMail.exitCode()).as(addMail.err()).isZero();
        CliRun testMail = run("", "channels", "test", "lead");
        assertThat(testMail.exitCode()).as(testMail.err()).isZero();
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[CrisisDesk] 시험 메시지");

        CliRun list = run("", "channels", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("bot", "WEBHOOK", "url stored", "signing secret stored", "lead", "EMAIL",
                "to lead@acme.example", "password stored", "route *: bot -> lead from level 1");
        // secrets: only in the owner-only file; never printed, never in the database's setting row
        String everything = add.out() + add.err() + test.out() + smtp.out() + list.out() + testMail.out();
        assertThat(everything).doesNotContain("TOKEN-IN-PATH").doesNotContain(HOOK_SECRET)
                .doesNotContain("smtp-pw-SECRET");
        Path secrets = home.resolve(DeliveryConfig.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.readString(secrets)).contains(HOOK_SECRET);
        try (Services s = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")))) {
            String stored = s.settings().get(DeliveryConfig.SETTING).orElseThrow();
            assertThat(stored).doesNotContain("TOKEN-IN-PATH").doesNotContain(HOOK_SECRET)
                    .doesNotContain("smtp-pw-SECRET").contains("\"name\":\"bot\"");
        }

        // a receiver's refusal is said with its words and exit status 3
        CliRun gone = run("http://127.0.0.1:" + receiver.getAddress().getPort() + "/gone\n", "channels", "add",
                "old", "--type", "slack", "--url-stdin");
        assertThat(gone.exitCode()).as(gone.err()).isZero();
        CliRun failed = run("", "channels", "test", "old");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("HTTP 404").contains("no such hook").doesNotContain("/gone");

        // a rule's own route: channels in escalation order, level, quiet hours, escalation
        CliRun route = run("", "route", "SPIKE", "--channels", "old,lead", "--min-level", "2", "--quiet",
                "23:00-07:00", "--escalate-after", "10");
        assertThat(route.exitCode()).as(route.err()).isZero();
        assertThat(run("", "channels", "list").out()).contains("route SPIKE: old -> lead from level 2, quiet "
                + "23:00-07:00, next channel after 10 min unacknowledged");
        assertThat(run("", "route", "SPIKE", "--channels", "nobody").exitCode()).isEqualTo(2);
        assertThat(run("", "route", "SPIKE", "--channels", "old", "--quiet", "23:00").exitCode()).isEqualTo(2);

        CliRun remove = run("", "channels", "remove", "bot");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(Files.readString(secrets)).doesNotContain(HOOK_SECRET).doesNotContain("TOKEN-IN-PATH");
        assertThat(run("", "channels", "list").out()).doesNotContain("bot ").contains("route *: lead -> old");
        assertThat(run("", "channels", "remove", "bot").exitCode()).isEqualTo(2);
    }
}
