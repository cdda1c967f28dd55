package org.crisisdesk.desk.handover;

import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.desk.Background;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.ShiftService;

/** The open shift as the toolbar shows it; start and end run off the FX thread. FX thread only. */
public final class ShiftViewModel {
    private final ShiftService shifts;
    private final Background background;
    private final ZoneId zone;
    private final ObjectProperty<Shift> current = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");

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

    /** Another view changed the shifts (e.g. "I have the desk"): show the shift that is open now. */
    public void changed(Shift open) {
        current.set(open);
    }

    private void fail(Throwable e) {
        problem.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
