package org.crisisdesk.desk.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.crisisdesk.cases.CaseQueue;
import org.crisisdesk.cases.CaseSettings;
import org.crisisdesk.cases.CaseTicket;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;

/**
 * The desk's side of the ticket queue (FX thread): which mentions are tickets, sending a selection (queued and sent
 * on the queue's own thread, paced), the offer when cases are moved into the customer-centre column (a bar, never a
 * dialog) or the automatic send the settings ask for, and the queue's round every 30 s for retries. Cards learn their ticket through {@link DeskContext#tickets()}.
 */
public final class CasesViewModel {
    private static final javafx.util.Duration ROUND = javafx.util.Duration.seconds(30);

    private final CaseQueue queue;
    private final Background work;
    private final Background reads;
    private final DeskContext ctx;
    private final Supplier<CaseSettings> settings;
    private final Supplier<String> actor;
    private final ObservableMap<Long, CaseTicket> byMention = FXCollections.observableHashMap();
    private final ObservableList<Long> offered = FXCollections.observableArrayList();
    private final Timeline round = new Timeline(new KeyFrame(ROUND, e -> processDue()));
    private BiConsumer<String, Boolean> tell = (text, error) -> {};

    /**
     * @param caseExecutor the queue's one thread (HTTP, paced)
     * @param readExecutor reads of the queue's table
     */
    public CasesViewModel(CaseQueue queue, Executor caseExecutor, Executor readExecutor, DeskContext ctx,
            Supplier<CaseSettings> settings, Supplier<String> actor) {
        this.queue = queue;
        this.work = new Background(caseExecutor);
        this.reads = new Background(readExecutor);
        this.ctx = ctx;
        this.settings = settings;
        this.actor = actor;
        round.setCycleCount(Animation.INDEFINITE);
    }

    /** Where messages go (the boards' message bar). */
    public void setTell(BiConsumer<String, Boolean> tell) {
        this.tell = tell;
    }

    /** Reads every case's state, then runs the queue's round (recovering interrupted sends) every 30 s. */
    public void start() {
        reads.run(() -> queue.store().recent(100_000)).onSuccess(rows -> show(rows));
        readSettings();
        processDue();
        round.play();
    }

    public void stop() {
        round.stop();
    }

    public ObservableMap<Long, CaseTicket> byMention() {
        return byMention;
    }

    /** Read off the FX thread at start and every round: whether a connector is ready, and whether to send at once. */
    private volatile boolean configured;
    private volatile boolean autoSend;

    private void readSettings() {
        reads.run(() -> new boolean[] {queue.configured(), settings.get().autoSend()}).onSuccess(b -> {
            configured = b[0];
            autoSend = b[1];
        });
    }

    /**
     * Cases just moved into the customer-centre column: sent at once when the settings say so (read now, so a change
     * in the settings window holds from the next move), else offered in the boards' offer bar, which asks nothing
     * and takes no focus: the moves go on while it waits. Cases that already have a ticket (or are queued) are left
     * out; nothing happens when no connector is set up.
     */
    public void intoCustomerCentre(List<Long> pks) {
        if (pks.isEmpty()) {
            return;
        }
        List<Long> copy = List.copyOf(pks);
        reads.run(() -> new boolean[] {queue.configured(), settings.get().autoSend()}).onSuccess(b -> {
            configured = b[0];
            autoSend = b[1];
            if (!configured) {
                return;
            }
            List<Long> fresh = copy.stream().filter(pk -> !byMention.containsKey(pk)).toList();
            if (fresh.isEmpty()) {
                return;
            }
            if (autoSend) {
                send(fresh);
            } else {
                fresh.stream().filter(pk -> !offered.contains(pk)).forEach(offered::add);
            }
        });
    }

    /** The cases the offer bar offers to send (FX thread): moved into the customer centre, not sent, not dismissed. */
    public ObservableList<Long> offered() {
        return offered;
    }

    /** The offer taken: every offered case is sent (paced). */
    public void sendOffered() {
        List<Long> pks = List.copyOf(offered);
        offered.clear();
        send(pks);
    }

    /** The offer declined: the cases stay in the column unsent ("send as ticket" in their detail, the column menu). */
    public void dismissOffer() {
        offered.clear();
    }

    /** Queues every customer-centre case never sent, and sends them (paced). */
    public void sendUnsent() {
        String who = actor.get();
        tell.accept(ctx.t("cases.sending", "…"), false);
        work.run(() -> {
            if (!queue.configured()) {
                return null;
            }
            queue.queueAllUnsent(who);
            return queue.processDue();
        }).onSuccess(outcomes -> {
            if (outcomes == null) {
                tell.accept(ctx.t("cases.notConfigured"), true);
            } else {
                showOutcomes(outcomes);
            }
        }).onFailure(e -> tell.accept(ctx.t("cases.failed", e.getMessage()), true));
    }

    /** Sends the mentions as tickets now (queued first; those already sent stay as they are). */
    public void send(List<Long> pks) {
        if (pks.isEmpty()) {
            return;
        }
        List<Long> copy = List.copyOf(pks);
        String who = actor.get();
        tell.accept(ctx.t("cases.sending", copy.size()), false);
        work.run(() -> {
            if (!queue.configured()) {
                return null;
            }
            return queue.sendNow(copy, who);
        }).onSuccess(outcomes -> {
            if (outcomes == null) {
                tell.accept(ctx.t("cases.notConfigured"), true);
                return;
            }
            showOutcomes(outcomes);
        }).onFailure(e -> tell.accept(ctx.t("cases.failed", e.getMessage()), true));
    }

    /** A FAILED case sent again. */
    public void retry(long pk) {
        CaseTicket t = byMention.get(pk);
        if (t == null) {
            send(List.of(pk));
            return;
        }
        work.run(() -> queue.retry(t.id())).onSuccess(o -> showOutcomes(List.of(o)))
                .onFailure(e -> tell.accept(ctx.t("cases.failed", e.getMessage()), true));
    }

    private void processDue() {
        readSettings();
        work.run(queue::processDue).onSuccess(out -> {
            if (!out.isEmpty()) {
                show(out.stream().map(CaseQueue.Outcome::ticket).toList());
            }
        });
    }

    private void showOutcomes(List<CaseQueue.Outcome> outcomes) {
        show(outcomes.stream().map(CaseQueue.Outcome::ticket).toList());
        long sent = outcomes.stream().filter(CaseQueue.Outcome::sent).count();
        List<String> why = new ArrayList<>();
        for (CaseQueue.Outcome o : outcomes) {
            if (!o.sent() && o.ticket().failure() != null) {
                why.add(o.ticket().failure());
            }
        }
        tell.accept(why.isEmpty() ? ctx.t("cases.sent", sent)
                : ctx.t("cases.sentSome", sent, outcomes.size() - sent, why.get(0)), !why.isEmpty());
    }

    private void show(Collection<CaseTicket> rows) {
        Map<Long, String> labels = new java.util.HashMap<>();
        for (CaseTicket t : rows) {
            byMention.put(t.mentionPk(), t);
            offered.remove(Long.valueOf(t.mentionPk()));
            labels.put(t.mentionPk(), label(t));
        }
        ctx.tickets().putAll(labels);
    }

    /** What the card shows: the ticket number, or that it is on its way or stopped. */
    String label(CaseTicket t) {
        return switch (t.state()) {
            case SENT -> ctx.t("cases.card.sent", t.ticketNumber());
            case FAILED -> ctx.t("cases.card.failed");
            default -> ctx.t("cases.card.queued");
        };
    }
}
