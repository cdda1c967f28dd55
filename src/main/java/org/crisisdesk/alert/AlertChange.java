package org.crisisdesk.alert;

/** What one evaluation or action did to one alert; {@link #notifies()} says whether the manager should be told. */
public record AlertChange(Alert alert, EventKind kind) {
    public boolean notifies() {
        return kind.notifies();
    }
}
