package org.crisisdesk.desk.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertService;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.AlertTick;
import org.crisisdesk.alert.Reason;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;

/**
 * The desk's view of the alert log: the alert list, a per-column summary the boards bind to, and the actions
 * (write a notice, snooze, dismiss). Ticks arrive on the watch's thread and are handed to the FX thread as one batch;
 * if the FX thread falls behind, waiting ticks merge into one. Everything else: FX thread only.
 */
public final class AlertsViewModel {
    public static final List<Duration> SNOOZES = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60));

    private final AlertService service;
    private final Background background;
    private final DeskContext ctx;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final Map<Long, ObjectProperty<ColumnAlerts>> columns = new HashMap<>(); // null key: Unsorted
    private final IntegerProperty openCount = new SimpleIntegerProperty();
    private final StringProperty lastError = new SimpleStringProperty();
    private Consumer<Long> onOpenComposer = id -> {};
    private Consumer<List<AlertChange>> onNotify = changes -> {};
    /** Who acts: the desk's person (set by the session from CurrentPerson, issue 22); the computer's user until then. */
    private Supplier<String> actor = org.crisisdesk.people.Person::osUser;
    /** Messages to people away from the desk, per alert id (issue 25); replaced as a whole after each batch. */
    private final ObjectProperty<Map<Long, List<org.crisisdesk.alert.delivery.Delivery>>> deliveries =
            new SimpleObjectProperty<>(Map.of());
    private java.util.function.Function<List<Long>, List<org.crisisdesk.alert.delivery.Delivery>> deliveryReader;

    private final Object inboxLock = new Object();
    private List<AlertChange> inboxChanges = new ArrayList<>();
    private List<Alert> inboxShown;
    private boolean flushScheduled;

    public AlertsViewModel(AlertService service, Background background, DeskContext ctx) {
        this.service = service;
        this.background = background;
        this.ctx = ctx;
        ctx.languageProperty().addListener((o, a, b) -> lastError.set("")); // said in the old language (issue #26)
    }

    /** Listens to the watch (call once, before it starts). */
    public void connect() {
        service.addListener(this::deliver);
    }

    /** Any thread: queue a tick; at most one hand-over to the FX thread is outstanding at a time. */
    public void deliver(AlertTick tick) {
        synchronized (inboxLock) {
            inboxChanges.addAll(tick.changes());
            inboxShown = tick.shown();
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        Platform.runLater(this::flush);
    }

    private void flush() {
        List<AlertChange> changes;
        List<Alert> shown;
        synchronized (inboxLock) {
            changes = inboxChanges;
            shown = inboxShown;
            inboxChanges = new ArrayList<>();
            flushScheduled = false;
        }
        apply(changes, shown);
    }

    /** FX thread: shows a batch (the list, the column summaries), then tells the notifier what is new. */
    void apply(List<AlertChange> changes, List<Alert> shown) {
        // Active alerts on top (newest raised first), then the closed ones (newest change first).
        List<Alert> ordered = new ArrayList<>(shown.stream().filter(Alert::active)
                .sorted(java.util.Comparator.comparing(Alert::raisedAt).reversed()).toList());
        ordered.addAll(shown.stream().filter(a -> !a.active()).toList());
        alerts.setAll(ordered);
        Map<Long, List<Alert>> byColumn = new HashMap<>();
        int open = 0;
        for (Alert a : shown) {
            if (a.state() == AlertState.OPEN || a.state() == AlertState.SNOOZED) {
                byColumn.computeIfAbsent(a.categoryId(), k -> new ArrayList<>()).add(a);
                open += a.state() == AlertState.OPEN ? 1 : 0;
            }
        }
        openCount.set(open);
        for (var e : columns.entrySet()) {
            e.getValue().set(summary(byColumn.getOrDefault(e.getKey(), List.of())));
        }
        for (var e : byColumn.entrySet()) {
            column(e.getKey());
            columns.get(e.getKey()).set(summary(e.getValue()));
        }
        refreshDeliveries();
        List<AlertChange> toTell = changes.stream().filter(AlertChange::notifies).toList();
        if (!toTell.isEmpty()) {
            onNotify.accept(toTell);
        }
    }

    private static ColumnAlerts summary(List<Alert> list) {
        if (list.isEmpty()) {
            return ColumnAlerts.NONE;
        }
        int open = 0;
        int snoozed = 0;
        int level = 0;
        List<Reason> reasons = new ArrayList<>();
        for (Alert a : list) {
            if (a.state() == AlertState.OPEN) {
                open++;
                level = Math.max(level, a.level());
            } else {
                snoozed++;
            }
            reasons.add(a.reason());
        }
        return new ColumnAlerts(open, snoozed, level, reasons);
    }

    /**
     * Where the alert history reads each alert's deliveries (e-mail, webhooks) from; called off the FX thread with the
     * listed alerts' ids after each batch. Unset: the history shows none.
     */
    public void setDeliveryReader(
            java.util.function.Function<List<Long>, List<org.crisisdesk.alert.delivery.Delivery>> reader) {
        this.deliveryReader = reader;
        refreshDeliveries();
    }

    /** FX thread: reads the listed alerts' deliveries in the background and shows them when they come. */
    public void refreshDeliveries() {
        var reader = deliveryReader;
        if (reader == null || alerts.isEmpty()) {
            return;
        }
        List<Long> ids = alerts.stream().map(Alert::id).toList();
        background.run(() -> reader.apply(ids)).onSuccess(list -> {
            Map<Long, List<org.crisisdesk.alert.delivery.Delivery>> byAlert = new HashMap<>();
            for (var d : list) {
                byAlert.computeIfAbsent(d.alertId(), k -> new ArrayList<>()).add(d);
            }
            if (!byAlert.equals(deliveries.get())) {
                deliveries.set(Map.copyOf(byAlert));
            }
        });
    }

    /** Each listed alert's deliveries, oldest first (FX thread; changes after each batch). */
    public ReadOnlyObjectProperty<Map<Long, List<org.crisisdesk.alert.delivery.Delivery>>> deliveries() {
        return deliveries;
    }

    /** The alert list: active alerts (newest first), then those closed in the last hours (newest change first). */
    public ObservableList<Alert> alerts() {
        return alerts;
    }

    /** A column's alert summary (null: Unsorted); the same property for the life of the desk, so boards can bind. */
    public ReadOnlyObjectProperty<ColumnAlerts> column(Long categoryId) {
        return columns.computeIfAbsent(categoryId, k -> new SimpleObjectProperty<>(ColumnAlerts.NONE));
    }

    /** Open (not snoozed) alerts on the whole desk. */
    public ReadOnlyIntegerProperty openCount() {
        return openCount;
    }

    /** The last action that failed, in words (null when fine). */
    public StringProperty lastError() {
        return lastError;
    }

    /** Wired by the desk to the notice composer: called with the alert's category id. */
    public void setOnOpenComposer(Consumer<Long> action) {
        this.onOpenComposer = action == null ? id -> {} : action;
    }

    /** The notifier: called on the FX thread with each batch's raised, escalated and reopened alerts. */
    public void setOnNotify(Consumer<List<AlertChange>> notifier) {
        this.onNotify = notifier == null ? c -> {} : notifier;
    }

    /** Who is acting (stored with snoozes and dismissals): the desk's person ({@code CurrentPerson}). */
    public void setActor(Supplier<String> who) {
        this.actor = who;
    }

    public void openComposer(Alert a) {
        if (a.categoryId() != null) {
            onOpenComposer.accept(a.categoryId());
        }
    }

    public void snooze(Alert a, Duration d) {
        String who = actor.get();
        background.run(() -> service.snooze(a.id(), d, who)).onFailure(this::failed);
    }

    public void dismiss(Alert a) {
        String who = actor.get();
        background.run(() -> service.dismiss(a.id(), who)).onFailure(this::failed);
    }

    private void failed(Throwable e) {
        lastError.set(ctx.t("alerts.action.failed", e.getMessage()));
    }

    public AlertService service() {
        return service;
    }

    public Background background() {
        return background;
    }
}
