package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: every desk runs the watch and writes what it decided from what it read a moment before. A person at
 * another desk who dismissed the alert in between must not see it open again.
 */
class AlertChangedElsewhereTest {
    private final WatchDesk desk = new WatchDesk();
    private final long delivery = desk.category("배송 지연");

    @AfterEach
    void close() {
        desk.close();
    }

    private Alert raised() {
        desk.mentions(delivery, 35, Duration.ofMinutes(10));
        desk.alerts().evaluate();
        List<Alert> active = desk.active();
        assertThat(active).singleElement().extracting(Alert::state).isEqualTo(AlertState.OPEN);
        return active.get(0);
    }

    @Test
    void aDismissalAtAnotherDeskBetweenTheWatchsReadAndItsWriteStands() {
        Alert open = raised();
        desk.advanceMinutes(1);
        desk.mentions(delivery, 3, Duration.ofMinutes(1)); // the same level, new numbers: the watch rewrites the facts
        AtomicBoolean once = new AtomicBoolean();
        // runs inside the watch's pass, after it has read the active alerts: the other desk's dismissal lands here
        desk.alerts().setExtraFindings(now -> {
            if (once.compareAndSet(false, true)) {
                AlertStore other = desk.alerts().store();
                Alert current = other.byId(open.id()).orElseThrow();
                other.update(current.withState(AlertState.DISMISSED, now), EventKind.DISMISSED, "민지", null, null, now);
            }
            return List.of();
        });

        desk.alerts().evaluate();

        assertThat(once).isTrue();
        assertThat(desk.alerts().store().byId(open.id()).orElseThrow().state()).isEqualTo(AlertState.DISMISSED);
        // and the next pass, reading it anew, leaves a dismissal at this level alone
        desk.alerts().evaluate();
        assertThat(desk.alerts().store().byId(open.id()).orElseThrow().state()).isEqualTo(AlertState.DISMISSED);
    }

    @Test
    void aConditionalWriteOverAStateThatMovedOnWritesNothing() {
        Alert open = raised();
        AlertStore store = desk.alerts().store();
        store.update(open.withState(AlertState.DISMISSED, open.updatedAt()), EventKind.DISMISSED, "민지", null, null,
                open.updatedAt());
        int events = store.events(open.id()).size();

        assertThatThrownBy(() -> store.update(open.withQuietSince(open.updatedAt()), AlertState.OPEN, null, "watch",
                null, null, open.updatedAt())).isInstanceOf(AlertStore.ChangedElsewhere.class);
        assertThat(store.byId(open.id()).orElseThrow().state()).isEqualTo(AlertState.DISMISSED);
        assertThat(store.events(open.id())).hasSize(events);
    }
}
