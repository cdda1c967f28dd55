package org.crisisdesk.desk.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.SourceStatus;

/** Source name and state, mentions per minute (by desk time), database location. FX thread only. */
public final class StatusViewModel {
    private final Clock clock;
    private final Deque<Instant> arrivals = new ArrayDeque<>();
    private final StringProperty sourceName = new SimpleStringProperty("");
    private final ObjectProperty<SourceStatus> sourceStatus = new SimpleObjectProperty<>();
    private final IntegerProperty perMinute = new SimpleIntegerProperty();
    private final StringProperty databaseLocation = new SimpleStringProperty("");

    public StatusViewModel(Clock clock, String databaseLocation) {
        this.clock = clock;
        this.databaseLocation.set(databaseLocation);
    }

    public void arrived(List<StoredMention> batch) {
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            arrivals.addLast(now);
        }
        tick();
    }

    /** Drops arrivals older than a minute; called on every flush and by a timer. */
    public void tick() {
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(1));
        while (!arrivals.isEmpty() && arrivals.peekFirst().isBefore(cutoff)) {
            arrivals.removeFirst();
        }
        perMinute.set(arrivals.size());
    }

    public void status(String name, SourceStatus status) {
        sourceName.set(name);
        sourceStatus.set(status);
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public ObjectProperty<SourceStatus> sourceStatusProperty() {
        return sourceStatus;
    }

    public IntegerProperty perMinuteProperty() {
        return perMinute;
    }

    public StringProperty databaseLocationProperty() {
        return databaseLocation;
    }
}
