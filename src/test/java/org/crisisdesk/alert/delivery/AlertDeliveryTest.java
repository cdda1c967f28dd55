package org.crisisdesk.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.AlertStore;
import org.crisisdesk.alert.AlertTick;
import org.crisisdesk.alert.EventKind;
import org.crisisdesk.alert.Facts;
import org.crisisdesk.alert.Finding;
import org.crisisdesk.alert.Reason;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.settings.SettingsStore;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Alert channels against a real in-process SMTP server (GreenMail) and a local webhook receiver over HTTP: one message
 * per alert level, Korean text intact, no mention text or secret in the log, escalation to the next channel when no
 * desk acknowledges, quiet hours, and retries with back-off.
 */
class AlertDeliveryTest {
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z"); // 14:00 Seoul
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String SLACK_PATH = "/services/T000/B000/XXXXsecretXXXX";

    Path home;
    MutableClock clock;
    Database db;
    AlertStore alerts;
    SettingsStore settings;
    SecretFile secrets;
    GreenMail mail;
    HttpServer hook;
    final List<String> hookBodies = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentLinkedQueue<Integer> hookFaults = new ConcurrentLinkedQueue<>();
    final AtomicInteger hookCalls = new AtomicInteger();
    AlertDispatcher dispatcher;
    ListAppender<ILoggingEvent> logged;

    @BeforeEach
    void open() throws Exception {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        db = Database.open(Database.fileUrl(home));
        alerts = new AlertStore(db);
        settings = new SettingsStore(db);
        secrets = new SecretFile(home, DeliveryConfig.SECRET_FILE);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mail.setUser("desk@acme.example", "alerts", "smtp-pw-SECRET");
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", ex -> {
            try (ex) {
                hookCalls.incrementAndGet();
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Integer fault = hookFaults.poll();
                if (fault != null) {
                    byte[] b = "upstream down".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(fault, b.length);
                    ex.getResponseBody().write(b);
                    return;
                }
                hookBodies.add(body);
                ex.sendResponseHeaders(200, -1);
            }
        });
        hook.start();
        secrets.put(Map.of(DeliveryConfig.SMTP_PASSWORD, "smtp-pw-SECRET",
                AlertChannel.urlKey("slack"), "http://127.0.0.1:" + hook.getAddress().getPort() + SLACK_PATH));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        mail.stop();
        hook.stop(0);
        db.close();
    }

    void configure(List<AlertRoute> routes, String security) {
        new DeliveryConfig(List.of(new AlertChannel("mail", AlertChannel.Type.EMAIL, List.of("lead@acme.example")),
                new AlertChannel("slack", AlertChannel.Type.SLACK, null)), routes,
                new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), security, "alerts", "desk@acme.example"))
                .save(settings);
        dispatcher = new AlertDispatcher(new DeliveryStore(db, clock), alerts, () -> DeliveryConfig.load(settings),
                Map.of(AlertChannel.Type.EMAIL, new EmailSender(() -> DeliveryConfig.load(settings).smtp(),
                        () -> secrets.get(DeliveryConfig.SMTP_PASSWORD).orElse(null), 5000),
                        AlertChannel.Type.SLACK, new WebhookSender(k -> secrets.get(k).orElse(null),
                                Duration.ofSeconds(5)),
                        AlertChannel.Type.WEBHOOK, new WebhookSender(k -> secrets.get(k).orElse(null),
                                Duration.ofSeconds(5))),
                clock, clock, SEOUL, Locale.KOREAN, Duration.ofSeconds(30));
    }

    Alert raise(int level) {
        Finding f = new Finding(null, Reason.VOLUME, level, Facts.of("count", 43, "window", 15, "noticeAgo", 52),
                "43 new mentions in 15 min");
        Alert a = alerts.raise(f, null, "watch", clock.instant());
        dispatcher.onTick(new AlertTick(clock.instant(), List.of(new AlertChange(a, EventKind.RAISED)), List.of(a)));
        return a;
    }

    static final AlertRoute ROUTE = new AlertRoute("*", List.of("mail", "slack"), 1, null, null, 3,
            Duration.ofMinutes(10));

    @Test
    void anEmailCarriesTheWordsAndNumbersInKoreanOncePerLevel() throws Exception {
        configure(List.of(ROUTE), "NONE");
        Alert a = raise(2);
        dispatcher.onTick(new AlertTick(clock.instant(), List.of(new AlertChange(a, EventKind.RAISED)), List.of(a)));

        assertThat(dispatcher.processDue()).extracting(Delivery::state).containsExactly("SENT");
        assertThat(dispatcher.processDue()).isEmpty();

        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo("[CrisisDesk] 경고 · 미분류 · 멘션 급증 기준 도달");
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(m.getHeader("X-CrisisDesk-Alert")).containsExactly("alert");
        assertThat(m.getContentType()).contains("charset=UTF-8");
        String body = (String) m.getContent();
        assertThat(body).contains("분류: 미분류", "43", "15", "단계: 경고", "2026-10-17 14:00 (Asia/Seoul)");
        assertThat(m.getFrom()[0].toString()).contains("desk@acme.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("lead@acme.example");
        assertThat(logText()).doesNotContain("smtp-pw-SECRET", "XXXXsecretXXXX", "멘션 급증");

        // a new level is a new message; the same level again is not
        Alert up = alerts.update(new Alert(a.id(), null, null, a.reason(), AlertState.OPEN, 3,
                a.message(), a.facts(), a.raisedAt(), clock.instant(), null, null, null, null), EventKind.ESCALATED, "watch", "up", null, clock.instant());
        dispatcher.onTick(new AlertTick(clock.instant(), List.of(new AlertChange(up, EventKind.ESCALATED)),
                List.of(up)));
        dispatcher.processDue();
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(mail.getReceivedMessages()[1].getSubject()).startsWith("[CrisisDesk] 심각");
    }

    @Test
    void starttlsIsRequiredSoAServerWithoutItGetsNothing() throws Exception {
        configure(List.of(ROUTE), "STARTTLS");
        raise(1);
        List<Delivery> out = dispatcher.processDue();
        assertThat(out.get(0).state()).isEqualTo("QUEUED"); // retried later, never sent in the clear
        assertThat(out.get(0).failure()).containsIgnoringCase("STARTTLS");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void unacknowledgedItEscalatesToTheNextChannelAndAcknowledgedItStops() throws Exception {
        configure(List.of(ROUTE), "NONE");
        Alert a = raise(1);
        dispatcher.processDue();
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(hookBodies).isEmpty();

        clock.advance(Duration.ofMinutes(9));
        dispatcher.processDue();
        assertThat(hookBodies).isEmpty(); // not yet

        clock.advance(Duration.ofMinutes(2));
        dispatcher.processDue();
        assertThat(hookBodies).hasSize(1);
        JsonNode slack = new ObjectMapper().readTree(hookBodies.get(0));
        assertThat(slack.fieldNames()).toIterable().containsExactly("text");
        assertThat(slack.path("text").asText()).startsWith("*[CrisisDesk] 주의 · 미분류").contains("43");

        // a second alert, acknowledged at a desk (snoozed) before its escalation: the next channel never hears of it
        Alert b = alerts.raise(new Finding(null, Reason.BACKLOG, 1, Facts.of("count", 120, "oldestMinutes", 40),
                "backlog"), null, "watch", clock.instant());
        dispatcher.onTick(new AlertTick(clock.instant(), List.of(new AlertChange(b, EventKind.RAISED)), List.of(b)));
        dispatcher.processDue();
        alerts.update(new Alert(b.id(), null, null, b.reason(), AlertState.SNOOZED, 1,
                b.message(), b.facts(), b.raisedAt(), clock.instant(), clock.instant().plusSeconds(3600), null, null,
                null), EventKind.SNOOZED, "김민지", null, null,
                clock.instant());
        clock.advance(Duration.ofMinutes(30));
        dispatcher.processDue();
        assertThat(hookBodies).hasSize(1);
        assertThat(mail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void quietHoursHoldALowLevelUntilTheyEnd() throws Exception {
        // 14:00 Seoul is inside 13:00-15:00
        configure(List.of(new AlertRoute("VOLUME", List.of("slack"), 1, LocalTime.of(13, 0), LocalTime.of(15, 0), 3,
                null)), "NONE");
        raise(1);
        assertThat(dispatcher.processDue()).isEmpty();
        clock.advance(Duration.ofMinutes(61));
        assertThat(dispatcher.processDue()).extracting(Delivery::state).containsExactly("SENT");
        assertThat(hookBodies).hasSize(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndSentOnce() throws Exception {
        configure(List.of(new AlertRoute("*", List.of("slack"), 1, null, null, 3, null)), "NONE");
        hookFaults.add(503);
        raise(1);
        List<Delivery> first = dispatcher.processDue();
        assertThat(first.get(0).state()).isEqualTo("QUEUED");
        assertThat(first.get(0).failure()).isEqualTo("The webhook of slack answered HTTP 503: upstream down");
        assertThat(first.get(0).failure()).doesNotContain("XXXXsecretXXXX");
        assertThat(dispatcher.processDue()).isEmpty(); // backing off
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.processDue()).extracting(Delivery::state).containsExactly("SENT");
        assertThat(dispatcher.processDue()).isEmpty();
        assertThat(hookCalls.get()).isEqualTo(2);
        assertThat(hookBodies).hasSize(1);
    }

    private String logText() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : logged.list) {
            b.append(e.getFormattedMessage()).append('\n');
        }
        return b.toString();
    }
}
