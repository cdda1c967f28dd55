package org.crisisdesk.desk.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * Pop-ups for new, escalated and reopened alerts: at most {@link #SLOTS} small cards drawn inside the window, in the
 * bottom-right corner of an area the window names (the boards, so never over the composer), each naming the category
 * and the reason, with write a notice, snooze and dismiss. The rest wait in the alert list, counted on a "+N more"
 * chip above the cards.
 *
 * <p>Why not popup windows (ControlsFX {@code Notifications}, issue #26): a popup window receives the keys of its
 * owner, so while one showed 1-9 and Ctrl+Enter did nothing and Enter snoozed the alert; popups stacked over the
 * composer, slid up whenever another arrived and ran off the screen. These cards are plain nodes in the window's own
 * scene that can never hold the focus (nothing in them is focus-traversable, and a click does not take it), so every
 * key stays with the boards or the composer; no single key acts on them (Ctrl+Shift+N writes the notice for the
 * newest). Each card keeps its slot until it leaves: a new alert takes a free slot and never moves one you aim at.
 * FX thread only.
 */
public final class AlertNotifier {
    /** How many cards show at once. */
    static final int SLOTS = 2;
    static final double WIDTH = 380;
    /** Every card is this tall, so a slot's place never depends on another card's text. */
    static final double HEIGHT = 124;
    static final double GAP = 8;
    static final double MARGIN = 12;
    static final javafx.util.Duration SHOW_FOR = javafx.util.Duration.seconds(30);

    private final DeskContext ctx;
    private final AlertsViewModel model;
    private final AlertText text;
    private final Layer layer = new Layer();
    private final Toast[] slots = new Toast[SLOTS];
    /** Alerts that notified while every slot was taken: told by the "+N more" chip, listed in the alert list. */
    private final Set<Long> more = new LinkedHashSet<>();
    private final Button moreChip = new Button();
    private final javafx.util.Duration showFor;
    private Node area;
    private Consumer<Node> openList = n -> {};
    /** The alert of the card shown last (Ctrl+Shift+N writes its notice). */
    private Alert latest;

    public AlertNotifier(DeskContext ctx, AlertsViewModel model) {
        this(ctx, model, SHOW_FOR);
    }

    AlertNotifier(DeskContext ctx, AlertsViewModel model, javafx.util.Duration showFor) {
        this.ctx = ctx;
        this.model = model;
        this.text = new AlertText(ctx);
        this.showFor = showFor;
        moreChip.setId("alert-toast-more");
        moreChip.getStyleClass().addAll("alert-toast-more", "small");
        moreChip.setFocusTraversable(false);
        moreChip.setVisible(false);
        moreChip.setTooltip(new Tooltip(ctx.t("alerts.more.tooltip")));
        moreChip.setOnAction(e -> {
            more.clear();
            updateMore();
            openList.accept(moreChip);
        });
        layer.getChildren().add(moreChip);
        model.alerts().addListener((ListChangeListener<Alert>) c -> retireClosed());
    }

    /** The node the cards are drawn on: put it over the window's content (it lets clicks through where empty). */
    public Pane layer() {
        return layer;
    }

    /** The cards sit in the bottom-right corner of {@code node}'s bounds (null: the whole layer). */
    public void placeOver(Node node) {
        this.area = node;
        if (node != null) {
            node.layoutBoundsProperty().addListener((o, a, b) -> layer.requestLayout());
            node.localToSceneTransformProperty().addListener((o, a, b) -> layer.requestLayout());
        }
        layer.requestLayout();
    }

    /** What the "+N more" chip opens (the alert list, anchored to the chip). */
    public void setOnOpenList(Consumer<Node> action) {
        this.openList = action;
    }

    public void show(List<AlertChange> changes) {
        for (AlertChange c : changes) {
            Alert a = c.alert();
            Toast showing = toastOf(a.id());
            if (showing != null) {
                showing.update(a); // an escalation: the same card, in the same place, says the new level
            } else {
                int free = freeSlot();
                if (free < 0) {
                    more.add(a.id());
                    continue;
                }
                slots[free] = new Toast(a, free);
                layer.getChildren().add(slots[free].box);
            }
            more.remove(a.id());
            latest = a;
        }
        updateMore();
        layer.requestLayout();
    }

    /**
     * The keyboard's way to "Write notice" (Ctrl+Shift+N): the notice for the alert of the card shown last, or else
     * the newest open alert of a category. Says whether there was one.
     */
    public boolean composeLatest() {
        Alert target = latest != null && toastOf(latest.id()) != null && latest.categoryId() != null ? latest
                : model.alerts().stream().filter(a -> a.state() == AlertState.OPEN && a.categoryId() != null)
                        .reduce((first, second) -> second.raisedAt().isAfter(first.raisedAt()) ? second : first)
                        .orElse(null);
        if (target == null) {
            return false;
        }
        Toast t = toastOf(target.id());
        if (t != null) {
            t.close();
        }
        model.openComposer(target);
        return true;
    }

    private Toast toastOf(long alertId) {
        for (Toast t : slots) {
            if (t != null && t.alert.id() == alertId) {
                return t;
            }
        }
        return null;
    }

    private int freeSlot() {
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the alert list shows {@code alertId} as no longer open (an alert it does not show is not judged). */
    private boolean knownClosed(long alertId) {
        return model.alerts().stream().anyMatch(a -> a.id() == alertId && a.state() != AlertState.OPEN);
    }

    /** Takes away the cards of alerts that are no longer open, and no longer counts them. */
    private void retireClosed() {
        for (Toast t : slots) {
            if (t != null && knownClosed(t.alert.id())) {
                t.close();
            }
        }
        if (more.removeIf(this::knownClosed)) {
            updateMore();
        }
    }

    private void updateMore() {
        moreChip.setText(ctx.t("alerts.more", more.size()));
        moreChip.setVisible(!more.isEmpty());
        layer.requestLayout();
    }

    /** The area the cards sit in, in the layer's coordinates. */
    Bounds area() {
        Bounds own = layer.getLayoutBounds();
        if (area == null || area.getScene() == null || area.getScene() != layer.getScene()) {
            return own;
        }
        Bounds b = layer.sceneToLocal(area.localToScene(area.getLayoutBounds()));
        // never outside the window, whatever the area says
        double minX = Math.max(own.getMinX(), b.getMinX());
        double minY = Math.max(own.getMinY(), b.getMinY());
        double maxX = Math.min(own.getMaxX(), b.getMaxX());
        double maxY = Math.min(own.getMaxY(), b.getMaxY());
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    /** Draws the cards; empty space lets the mouse through to the desk below. */
    private final class Layer extends Pane {
        Layer() {
            setId("alert-toasts");
            setPickOnBounds(false);
            getStyleClass().add("alert-toasts");
        }

        @Override
        protected void layoutChildren() {
            Bounds a = area();
            double w = Math.max(0, Math.min(WIDTH, a.getWidth() - 2 * MARGIN));
            double right = a.getMaxX() - MARGIN;
            for (int i = 0; i < SLOTS; i++) {
                Toast t = slots[i];
                if (t != null) {
                    double y = slotY(a, i);
                    t.box.resizeRelocate(snapPositionX(right - w), snapPositionY(y), snapSizeX(w), HEIGHT);
                }
            }
            double chipW = moreChip.prefWidth(-1);
            double chipH = moreChip.prefHeight(chipW);
            moreChip.resizeRelocate(snapPositionX(right - chipW), snapPositionY(slotY(a, SLOTS - 1) - GAP - chipH),
                    snapSizeX(chipW), snapSizeY(chipH));
        }

        /** Slot 0 is the lowest; each slot's place depends on its number only. */
        private double slotY(Bounds a, int slot) {
            return Math.max(a.getMinY(), a.getMaxY() - MARGIN - (slot + 1) * HEIGHT - slot * GAP);
        }
    }

    /**
     * One alert's card. Its controls are built once and only their texts follow the alert: a card redrawn while a
     * burst's count rises would drop a click that is half done and close an open snooze menu.
     */
    private final class Toast {
        final VBox box = new VBox(4);
        final int slot;
        final PauseTransition timer = new PauseTransition();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Button compose = new Button(null, Icons.of("mdi2p-pencil"));
        Alert alert;

        Toast(Alert a, int slot) {
            this.slot = slot;
            this.alert = a;
            box.getStyleClass().add("alert-toast");
            box.setFocusTraversable(false);
            box.setId("alert-toast-" + a.id());
            timer.setDuration(showFor);
            timer.setOnFinished(e -> close());
            // aiming at a card keeps it: it leaves on its own only when the pointer is elsewhere
            box.setOnMouseEntered(e -> timer.pause());
            box.setOnMouseExited(e -> timer.playFromStart());

            title.getStyleClass().add("alert-toast-title");
            title.setTextOverrun(OverrunStyle.ELLIPSIS);
            title.setMinWidth(0);
            HBox.setHgrow(title, Priority.ALWAYS);
            title.setMaxWidth(Double.MAX_VALUE);
            Button hide = new Button(null, Icons.of("mdi2c-close"));
            hide.getStyleClass().addAll("alert-toast-close", "flat", "small");
            hide.setTooltip(new Tooltip(ctx.t("alerts.toast.hide")));
            HBox top = new HBox(6, title, unfocusable(hide));
            top.setAlignment(Pos.CENTER_LEFT);
            hide.setOnAction(e -> close());

            detail.getStyleClass().add("alert-toast-detail");
            detail.setWrapText(true);
            detail.setMinHeight(0);
            detail.setMaxHeight(Double.MAX_VALUE);
            VBox.setVgrow(detail, Priority.ALWAYS);

            HBox actions = new HBox(6);
            actions.setAlignment(Pos.CENTER_LEFT);
            compose.setText(ctx.t("alerts.action.compose"));
            compose.getStyleClass().addAll("alert-action-compose", "accent");
            compose.setTooltip(new Tooltip(ctx.t("alerts.action.compose.key")));
            compose.managedProperty().bind(compose.visibleProperty());
            compose.setOnAction(e -> {
                close();
                model.openComposer(alert);
            });
            MenuButton snooze = new MenuButton(ctx.t("alerts.action.snoozeMenu"), Icons.of("mdi2a-alarm-snooze"));
            snooze.getStyleClass().add("alert-action-snooze");
            for (Duration d : AlertsViewModel.SNOOZES) {
                MenuItem item = new MenuItem(ctx.t("alerts.action.snooze.tooltip", d.toMinutes()));
                item.setId("alert-toast-snooze-" + a.id() + "-" + d.toMinutes());
                item.getStyleClass().add("alert-action-snooze-" + d.toMinutes());
                item.setOnAction(e -> {
                    close();
                    model.snooze(alert, d);
                });
                snooze.getItems().add(item);
            }
            Button dismiss = new Button(ctx.t("alerts.action.dismiss"), Icons.of("mdi2b-bell-off-outline"));
            dismiss.getStyleClass().add("alert-action-dismiss");
            dismiss.setOnAction(e -> {
                close();
                model.dismiss(alert);
            });
            actions.getChildren().addAll(unfocusable(compose), unfocusable(snooze), unfocusable(dismiss));
            box.getChildren().setAll(top, detail, actions);
            update(a);
        }

        /** Follows the alert's newer state (a higher level, a larger count) in the card's texts. */
        void update(Alert a) {
            this.alert = a;
            box.getStyleClass().removeIf(s -> s.startsWith("alert-level-"));
            box.getStyleClass().add("alert-level-" + Math.min(3, a.level()));
            title.setText(text.title(a) + " — " + text.level(a));
            title.setGraphic(Icons.of(a.level() >= 2 ? "mdi2a-alert" : "mdi2b-bell-ring-outline"));
            detail.setText(text.detail(a));
            compose.setVisible(a.categoryId() != null);
            if (!box.isHover()) {
                timer.playFromStart();
            }
        }

        void close() {
            timer.stop();
            if (slots[slot] == this) {
                slots[slot] = null;
            }
            layer.getChildren().remove(box);
        }
    }

    /** A control on a card: never in the Tab order and never focused by a click, so the keys stay where they were. */
    private static <T extends javafx.scene.control.Control> T unfocusable(T control) {
        control.setFocusTraversable(false);
        control.setMinWidth(Region.USE_PREF_SIZE); // a button label is never cut to "Write not…"
        return control;
    }
}
