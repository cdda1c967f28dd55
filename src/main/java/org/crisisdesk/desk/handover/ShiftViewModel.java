package org.crisisdesk.desk.handover;

import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.ShiftService;

/** The open shift as the toolbar shows it; start and end run off the FX thread. FX thread only. */
public final class ShiftViewModel {
    private final ShiftService shifts;
    private final Background background;
    private final ZoneId zone;
    private final ObjectProperty<Shift> current = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    /** Counts corrections of past shift times, so an open review can rebuild its report. */
    private final javafx.beans.property.IntegerProperty corrections = new javafx.beans.property.SimpleIntegerProperty();

    public ShiftViewModel(ShiftService shifts, Background background, ZoneId zone) {
        this.shifts = shifts;
        this.background = background;
        this.zone = zone;
    }

    /** The open shift, or null. */
    public ObjectProperty<Shift> currentProperty() {
        return current;
    }

    /** The last error in words a person can act on, "" when fine. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ShiftService service() {
        return shifts;
    }

    public Background.Job<Shift> refresh() {
        return background.run(() -> shifts.current().orElse(null)).onSuccess(current::set).onFailure(this::fail);
    }

    /** Starts {@code manager}'s shift now (the open one ends); {@code schedule} like "09-18" may be blank. */
    public Background.Job<Shift> start(String manager, String schedule) {
        problem.set("");
        return background.run(() -> shifts.start(manager, schedule, zone)).onSuccess(current::set)
                .onFailure(this::fail);
    }

    public Background.Job<Shift> endCurrent() {
        problem.set("");
        return background.run(() -> {
            shifts.endCurrent();
            return shifts.current().orElse(null);
        }).onSuccess(current::set).onFailure(this::fail);
    }

    /** The recent shifts, newest first (to pick one to correct). */
    public Background.Job<java.util.List<Shift>> recent() {
        return background.run(() -> shifts.recent(20)).onFailure(this::fail);
    }

    /**
     * Corrects a shift's times after the fact (the adjacent shift's boundary moves with it; the service refuses
     * overlaps and times in the future), all or nothing. {@code end} is ignored for the open shift. Runs off the FX
     * thread.
     */
    public Background.Job<Shift> correct(long shiftId, java.time.Instant start, java.time.Instant end) {
        problem.set("");
        return background.run(() -> {
            shifts.correct(shiftId, start, end); // one transaction: a refused end leaves the start too
            return shifts.current().orElse(null);
        }).onSuccess(open -> {
            current.set(open);
            corrections.set(corrections.get() + 1);
        }).onFailure(this::fail);
    }

    /** Counts shift notes saved at other desks (issue 21), so an open review shows them. FX thread. */
    private final javafx.beans.property.IntegerProperty notesElsewhere = new javafx.beans.property.SimpleIntegerProperty();

    /** FX thread: another desk saved a shift's notes. */
    public void notesChangedElsewhere() {
        notesElsewhere.set(notesElsewhere.get() + 1);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty notesElsewhereProperty() {
        return notesElsewhere;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty correctionsProperty() {
        return corrections;
    }

    /** Another view changed the shifts (e.g. "I have the desk"): show the shift that is open now. */
    public void changed(Shift open) {
        current.set(open);
    }

    private void fail(Throwable e) {
        problem.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
