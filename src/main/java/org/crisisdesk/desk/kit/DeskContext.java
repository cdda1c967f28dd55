package org.crisisdesk.desk.kit;

import java.time.Clock;
import java.time.ZoneId;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.crisisdesk.triage.Category;

/**
 * What every view needs to draw a mention: words, time and the categories (FX thread only). Passed by constructor
 * from the composition root, never looked up statically.
 */
public final class DeskContext {
    private I18n i18n;
    /** The words in use; view models that keep words of their own listen to it and say them again (issue #26). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<I18n> language =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final Clock clock;
    private final ZoneId zone;
    private final javafx.beans.property.ReadOnlyLongWrapper minute = new javafx.beans.property.ReadOnlyLongWrapper();
    private final ObservableMap<Long, Category> categories = FXCollections.observableHashMap();
    private final javafx.beans.property.StringProperty deskName = new javafx.beans.property.SimpleStringProperty("");

    public DeskContext(I18n i18n, Clock clock, ZoneId zone) {
        this.i18n = i18n;
        this.language.set(i18n);
        this.clock = clock;
        this.zone = zone;
        tick();
    }

    public I18n i18n() {
        return i18n;
    }

    /** A language switch: views built after this use the new words. */
    public void setI18n(I18n newI18n) {
        this.i18n = newI18n;
        language.set(newI18n);
    }

    /** Changes with {@link #setI18n}: what a view model listens to when it keeps words (a lint, a message). */
    public javafx.beans.property.ReadOnlyObjectProperty<I18n> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The clock's current minute (epoch minutes), moved on by {@link #tick()}: cards listen to it to refresh their
     * "3m ago", so one change a minute reaches every card, and none of them runs a timer of its own.
     */
    public javafx.beans.property.ReadOnlyLongProperty minuteProperty() {
        return minute.getReadOnlyProperty();
    }

    /** Reads the clock; a new minute notifies {@link #minuteProperty()} listeners. FX thread. */
    public void tick() {
        minute.set(Math.floorDiv(clock.instant().getEpochSecond(), 60));
    }

    public ZoneId zone() {
        return zone;
    }

    /** Who sits at this desk (the settings' desk name): offered for shifts and "I have the desk". */
    public javafx.beans.property.StringProperty deskNameProperty() {
        return deskName;
    }

    public String deskName() {
        return deskName.get();
    }

    private final ObservableMap<Long, String> tickets = FXCollections.observableHashMap();

    /** What a card shows of a case's ticket (its number, or that it is queued or failed), by mention pk. */
    public ObservableMap<Long, String> tickets() {
        return tickets;
    }

    private final ObservableMap<Long, String> owners = FXCollections.observableHashMap();

    /**
     * Who owns each claimed category (issue 22): category id to the claimant's handle, kept current by the people
     * list; column headers and the composer show it.
     */
    public ObservableMap<Long, String> owners() {
        return owners;
    }

    /** Categories by id, kept current by the boards. */
    public ObservableMap<Long, Category> categories() {
        return categories;
    }
}
