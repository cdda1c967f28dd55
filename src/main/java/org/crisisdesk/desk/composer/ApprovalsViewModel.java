package org.crisisdesk.desk.composer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.notice.ApprovalStore;
import org.crisisdesk.notice.NoticeLint;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Template;
import org.crisisdesk.notice.WeightedLength;

/**
 * The approver's list (issue 22): the notices waiting for a second person, each with the exact text as it will post,
 * its weighted length, the says-something findings and the category's last notice; approve (then the outbox posts it,
 * on the outbox's own thread, exactly once) or send back with a comment. Reading runs on {@code io}, deciding and
 * posting on {@code poster}. FX thread only.
 */
public final class ApprovalsViewModel {
    /** One waiting notice as the approver sees it. */
    public record Item(long id, String category, String author, Instant since, List<String> parts, int weighted,
            boolean valid, List<NoticeLint.Warning> warnings, String lastNotice) {
        public String text() {
            return String.join("\n\n", parts);
        }
    }

    private final NoticeService notices;
    private final DeskContext ctx;
    private final Background io;
    private final Background poster;
    private final Supplier<String> person;
    private final ObservableList<Item> waiting = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty count = new SimpleIntegerProperty();
    private Runnable onDecided = () -> {};

    public ApprovalsViewModel(NoticeService notices, DeskContext ctx, Background io, Background poster,
            Supplier<String> person) {
        this.notices = notices;
        this.ctx = ctx;
        this.io = io;
        this.poster = poster;
        this.person = person;
    }

    /** Reads the waiting notices again (at start, on another desk's NOTICE change, after a decision). */
    public void refresh() {
        Instant now = ctx.clock().instant();
        io.run(() -> read(now)).onSuccess(items -> {
            Long was = selected.get() == null ? null : selected.get().id();
            waiting.setAll(items);
            count.set(items.size());
            selected.set(items.stream().filter(i -> was != null && i.id() == was).findFirst()
                    .orElse(items.isEmpty() ? null : items.get(0)));
        }).onFailure(e -> message.set(ctx.t("approval.error", e.getMessage())));
    }

    private List<Item> read(Instant now) {
        List<Item> out = new ArrayList<>();
        for (ApprovalStore.Waiting w : notices.approvals().waiting()) {
            StoredNotice n = w.notice();
            int weighted = 0;
            boolean valid = true;
            for (String p : n.partTexts()) {
                WeightedLength.Measure m = WeightedLength.measure(p);
                weighted = Math.max(weighted, m.weighted());
                valid &= m.valid();
            }
            String last = n.notice().categoryId() == null ? null : notices.store().lastPosted(n.notice().categoryId())
                    .map(p -> p.notice().text()).orElse(null);
            out.add(new Item(n.id(), n.notice().category(), w.author(), w.since(), n.partTexts(), weighted, valid,
                    lint(n, now), last));
        }
        return out;
    }

    /** The findings of the composer's check on the notice as stored (re-rendered with its template when it is known). */
    private List<NoticeLint.Warning> lint(StoredNotice n, Instant now) {
        Template t = notices.templates().list(n.notice().lang()).stream()
                .filter(x -> x.name().equals(n.templateName())).findFirst().orElse(null);
        Set<String> used = t == null ? Set.of("asOf", "department", "stage", "stepOf", "eta", "nextUpdate", "link")
                : NoticeService.compose(n.notice(), t.body(), n.thread(), ctx.zone()).used();
        return NoticeLint.check(n.notice(), used, n.notice().text(), now);
    }

    /** Approves the selected notice and posts it; the author cannot. */
    public void approve() {
        decide(true);
    }

    /** Sends the selected notice back with the comment. */
    public void sendBack() {
        decide(false);
    }

    private void decide(boolean approve) {
        Item item = selected.get();
        if (item == null) {
            return;
        }
        String who = person.get();
        String note = comment.get();
        poster.run(() -> {
            if (approve) {
                notices.approvals().approve(item.id(), who, note);
                return notices.outbox().post(item.id());
            }
            notices.approvals().sendBack(item.id(), who, note);
            return null;
        }).onSuccess(o -> {
            comment.set("");
            message.set(o == null ? ctx.t("approval.sentBack", item.id())
                    : o.posted() ? ctx.t("approval.posted", item.id())
                    : ctx.t("approval.approved", item.id(), o.notice().state().name()));
            onDecided.run();
            refresh();
        }).onFailure(e -> {
            message.set(e instanceof ApprovalStore.RefusedException ? ctx.t("approval.refused", e.getMessage())
                    : ctx.t("approval.error", e.getMessage()));
            refresh();
        });
    }

    /** How long it has waited, for the list ("3분"). */
    public String waited(Item i) {
        if (i.since() == null) {
            return "";
        }
        long min = Math.max(0, Duration.between(i.since(), ctx.clock().instant()).toMinutes());
        return ctx.t("approval.waited", min);
    }

    /** Called after each decision this desk made (the outcome went to the outbox). */
    public void setOnDecided(Runnable action) {
        this.onDecided = action;
    }

    public ObservableList<Item> waiting() {
        return waiting;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public DeskContext context() {
        return ctx;
    }
}
