package org.crisisdesk.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.AlertStore;
import org.crisisdesk.alert.AlertTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people who are away: every alert change that notifies the desk (raised, escalated, reopened) at or above its
 * route's level is queued for the route's first channel (after quiet hours, unless urgent); an alert still OPEN (no
 * desk snoozed, dismissed or covered it) {@code escalateAfter} after a channel was told goes to the next channel.
 * Deliveries are durable and deduplicated by (alert, level, channel) in {@link DeliveryStore}, retried with back-off,
 * and dropped once the alert is acknowledged. The log names alerts and channels, never message text or secrets.
 * Blocking: run on a background thread.
 */
public final class AlertDispatcher {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int MAX_ATTEMPTS = 8;

    private final DeliveryStore store;
    private final AlertStore alerts;
    private final Supplier<DeliveryConfig> config;
    private final Map<AlertChannel.Type, ChannelSender> senders;
    private final Clock clock;
    private final Clock wall;
    private final ZoneId zone;
    private final Locale locale;
    private final Duration firstBackoff;

    /**
     * @param clock the desk's clock (alert times, quiet hours, escalation: scenario time in the demo)
     * @param wall real time for retries
     */
    public AlertDispatcher(DeliveryStore store, AlertStore alerts, Supplier<DeliveryConfig> config,
            Map<AlertChannel.Type, ChannelSender> senders, Clock clock, Clock wall, ZoneId zone, Locale locale,
            Duration firstBackoff) {
        this.store = store;
        this.alerts = alerts;
        this.config = config;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
        this.wall = wall;
        this.zone = zone;
        this.locale = locale;
        this.firstBackoff = firstBackoff;
    }

    public DeliveryStore store() {
        return store;
    }

    /** Queues the first channel of each change that notifies (an AlertService listener). */
    public void onTick(AlertTick tick) {
        DeliveryConfig cfg = config.get();
        for (AlertChange ch : tick.changes()) {
            if (!ch.notifies()) {
                if (ch.alert().state() != AlertState.OPEN) {
                    store.cancelQueued(ch.alert().id(), "Acknowledged: " + ch.kind());
                }
                continue;
            }
            Alert a = ch.alert();
            Optional<AlertRoute> route = cfg.route(a.reason().name());
            if (route.isEmpty() || route.get().channels().isEmpty() || a.level() < route.get().minLevel()) {
                continue;
            }
            queue(a, route.get(), 0);
        }
    }

    private void queue(Alert a, AlertRoute route, int step) {
        String channel = route.channels().get(step);
        Instant now = clock.instant();
        Instant notBefore = null;
        ZonedDateTime local = now.atZone(zone);
        if (a.level() < route.urgentLevel() && route.quietAt(local.toLocalTime())) {
            notBefore = quietEnd(local, route.quietTo()).toInstant();
        }
        AlertMessage m = AlertMessage.of(a, a.level(), locale, zone, now);
        if (store.enqueue(a.id(), a.level(), channel, step, m.subject(), json(m), notBefore)) {
            log.info("Alert #{} level {} queued for channel {}{}", a.id(), a.level(), channel,
                    notBefore == null ? "" : " after quiet hours");
        }
    }

    private static ZonedDateTime quietEnd(ZonedDateTime now, LocalTime end) {
        ZonedDateTime t = now.with(end);
        return t.isAfter(now) ? t : t.plusDays(1);
    }

    /** Alerts still OPEN {@code escalateAfter} after a channel was told: the next channel of the route. */
    public void escalate() {
        DeliveryConfig cfg = config.get();
        Instant now = clock.instant();
        for (Delivery d : store.sentSince(now.minus(Duration.ofDays(2)))) {
            Alert a = alerts.byId(d.alertId()).orElse(null);
            if (a == null || a.state() != AlertState.OPEN || a.level() != d.level()) {
                continue; // acknowledged at a desk, or a new level (told on its own)
            }
            AlertRoute route = cfg.route(a.reason().name()).orElse(null);
            if (route == null || route.escalateAfter() == null || d.step() + 1 >= route.channels().size()) {
                continue;
            }
            Instant told = d.sentAt();
            if (told != null && !now.isBefore(told.plus(route.escalateAfter()))) {
                queue(a, route, d.step() + 1);
            }
        }
    }

    /** Escalates, then sends every due message; returns what was attempted. */
    public List<Delivery> processDue() {
        store.requeueStale(wall.instant().minus(Duration.ofMinutes(2)));
        escalate();
        DeliveryConfig cfg = config.get();
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : store.due(wall.instant())) {
            Alert a = alerts.byId(d.alertId()).orElse(null);
            if (a == null || a.state() != AlertState.OPEN) {
                store.cancelQueued(d.alertId(), "Acknowledged before it was sent");
                continue;
            }
            if (!store.claim(d.id())) {
                continue;
            }
            AlertChannel ch = cfg.channel(d.channel()).orElse(null);
            try {
                if (ch == null) {
                    throw new DeliveryException(DeliveryException.Kind.PERMANENT, "No channel named " + d.channel(),
                            null);
                }
                ChannelSender sender = senders.get(ch.type());
                JsonNode n = JSON.readTree(d.body());
                sender.send(ch, n.path("subject").asText(), n.path("text").asText(), d.body());
                store.markSent(d.id());
                log.info("Alert #{} level {} sent on channel {}", d.alertId(), d.level(), d.channel());
            } catch (DeliveryException e) {
                int attempts = d.attempts() + 1;
                if (e.kind() == DeliveryException.Kind.PERMANENT || attempts >= MAX_ATTEMPTS) {
                    store.fail(d.id(), e.getMessage());
                } else {
                    store.requeue(d.id(), wall.instant().plus(backoff(attempts)), e.getMessage());
                }
                log.warn("Alert #{} level {} not sent on channel {}: {}", d.alertId(), d.level(), d.channel(),
                        e.getMessage());
            } catch (IOException | RuntimeException e) {
                store.requeue(d.id(), wall.instant().plus(backoff(d.attempts() + 1)), String.valueOf(e.getMessage()));
            }
            out.add(store.forAlert(d.alertId()).stream().filter(x -> x.id() == d.id()).findFirst().orElse(d));
        }
        return out;
    }

    /**
     * Sends a test message on the channel now, outside the queue (nothing is stored): what the settings' and the
     * CLI's "test" do. Throws with the server's or receiver's words when it does not go through.
     */
    public void sendTest(String channelName) throws DeliveryException {
        AlertChannel ch = config.get().channel(channelName).orElseThrow(() -> new DeliveryException(
                DeliveryException.Kind.PERMANENT, "No channel named " + channelName, null));
        boolean ko = "ko".equals(locale.getLanguage());
        String subject = ko ? "[CrisisDesk] 시험 메시지" : "[CrisisDesk] Test message";
        String text = ko ? "CrisisDesk 경보 채널 '" + channelName + "'의 시험 메시지입니다. 이 메시지가 보이면 경보가 "
                + "여기로 옵니다." : "A test message of the CrisisDesk alert channel '" + channelName + "'. If you see "
                + "it, alerts reach you here.";
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", "crisisdesk.alert/1");
        o.put("test", true);
        o.put("subject", subject);
        o.put("text", text);
        o.put("raised_at", DateTimeFormatter.ISO_INSTANT.format(wall.instant()));
        senders.get(ch.type()).send(ch, subject, text, o.toString());
        log.info("Test message sent on channel {}", channelName);
    }

    Duration backoff(int attempts) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(8, Math.max(0, attempts - 1)));
        return d.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : d;
    }

    /** The generic body ({@code crisisdesk.alert/1}); also what the store keeps, so a retry says the same. */
    static String json(AlertMessage m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", "crisisdesk.alert/1");
        o.put("alert_id", m.alertId());
        o.put("level", m.level());
        o.put("category", m.category());
        o.put("reason", m.reason());
        o.put("reason_words", m.reasonWords());
        o.put("detail", m.detail());
        ObjectNode numbers = o.putObject("numbers");
        m.numbers().forEach(numbers::put);
        o.put("raised_at", DateTimeFormatter.ISO_INSTANT.format(m.raisedAt()));
        o.put("subject", m.subject());
        o.put("text", m.text());
        return o.toString();
    }
}
