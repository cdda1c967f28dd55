package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertTick;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.alert.delivery.AlertChannel;
import org.crisisdesk.alert.delivery.AlertRoute;
import org.crisisdesk.alert.delivery.DeliveryConfig;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.render.MarkdownReportRenderer;
import org.crisisdesk.handover.render.ReportText;
import org.crisisdesk.settings.SecretFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 25: the alert history and the handover report say, per channel, whether an alert reached people away from
 * the desk: sent (with the time), retrying (with the next attempt), or failed (with why). Real webhook receivers on
 * 127.0.0.1, one answering 200, one 503 then 401.
 */
@ExtendWith(ApplicationExtension.class)
class AlertDeliveryHistoryTest {
    private final WatchDesk desk = new WatchDesk();
    private final ConcurrentLinkedQueue<Integer> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger okCalls = new AtomicInteger();
    private HttpServer receiver;
    private AlertsViewModel model;
    private long delivery;

    @Start
    void start(Stage stage) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                okCalls.incrementAndGet();
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.createContext("/flaky", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                Integer status = faults.poll();
                ex.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        new SecretFile(desk.services.home(), DeliveryConfig.SECRET_FILE).put(Map.of(
                AlertChannel.urlKey("slack"), base + "/ok", AlertChannel.urlKey("bot"), base + "/flaky"));
        new DeliveryConfig(List.of(new AlertChannel("slack", AlertChannel.Type.SLACK, null),
                new AlertChannel("bot", AlertChannel.Type.WEBHOOK, null)),
                List.of(new AlertRoute("*", List.of("slack"), 1, null, null, 3, null),
                        new AlertRoute("VOLUME", List.of("slack"), 1, null, null, 3, null)), null)
                .save(desk.services.settings());

        delivery = desk.category("배송 지연");
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), desk.clock, ZoneId.of("Asia/Seoul"));
        model = new AlertsViewModel(desk.alerts(), new Background(desk.services.background()), ctx);
        model.connect();
        model.setDeliveryReader(ids -> desk.services.alertDelivery().store().forAlerts(ids));
        AlertsView view = new AlertsView(ctx, model);
        VBox root = new VBox(8, view.listPane());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(root, view.toastLayer()), 700, 700);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        receiver.stop(0);
        desk.close();
    }

    @Test
    void theHistoryAndTheHandoverSayPerChannelWhetherTheAlertWentOut(FxRobot robot) throws Exception {
        desk.mentions(delivery, 43, Duration.ofMinutes(10));
        AlertTick tick = desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS);
        Alert a = tick.changes().stream().filter(c -> c.alert().categoryId() == delivery).findFirst().orElseThrow()
                .alert();
        var dispatcher = desk.services.alertDelivery();
        // the route's channel, and a second channel queued by hand (an escalation): 503 first (retried), then sent
        dispatcher.onTick(tick);
        dispatcher.store().enqueue(a.id(), a.level(), "bot", 1, "subject", "{\"subject\":\"s\",\"text\":\"t\"}", null);
        faults.add(503);
        dispatcher.processDue();
        assertThat(okCalls).hasValue(1);

        robot.interact(model::refreshDeliveries);
        waitFor(() -> robot.lookup("#alert-deliveries-" + a.id()).tryQuery().isPresent()
                && robot.lookup("#alert-deliveries-" + a.id() + " .alert-delivery").queryAll().size() == 2);
        List<String> lines = robot.lookup("#alert-deliveries-" + a.id() + " .alert-delivery").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        String sentAt = org.crisisdesk.desk.kit.RelativeTime.clock(desk.clock.instant(), ZoneId.of("Asia/Seoul"));
        assertThat(lines.get(0)).isEqualTo("slack (Watch): sent " + sentAt);
        assertThat(lines.get(1)).startsWith("bot (Watch): retrying at ").contains("1 failed").contains("503");

        // the handover report lists the same, in its own words
        String md = MarkdownReportRenderer.render(desk.services.handover().build(),
                new ReportText(Locale.ENGLISH, ZoneId.of("Asia/Seoul")));
        assertThat(md).contains("slack (Watch): sent ").contains("bot (Watch): retrying at ");

        // a refusal (401) is kept as failed, with the receiver's words; the history shows it after the next batch
        faults.add(401);
        desk.clock.advance(Duration.ofMinutes(5));
        dispatcher.processDue();
        robot.interact(model::refreshDeliveries);
        waitFor(() -> robot.lookup(".alert-delivery-failed").tryQuery().isPresent());
        assertThat(robot.lookup(".alert-delivery-failed").queryAs(Label.class).getText())
                .startsWith("bot (Watch): not sent (2 attempts): ").contains("401");
        HandoverReport.ReportAlert reported = desk.services.handover().build().open().alerts().stream()
                .filter(r -> r.id() == a.id()).findFirst().orElseThrow();
        assertThat(reported.deliveries()).extracting(HandoverReport.ReportDelivery::channel,
                HandoverReport.ReportDelivery::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("slack", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("bot", "FAILED"));
        // the report never carries a channel's secret URL
        assertThat(MarkdownReportRenderer.render(desk.services.handover().build(),
                new ReportText(Locale.KOREAN, ZoneId.of("Asia/Seoul")))).doesNotContain("127.0.0.1")
                .contains("slack (주의):").contains("보내지 못함 (2회 시도)");
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return ok.getAsBoolean();
        });
    }
}
