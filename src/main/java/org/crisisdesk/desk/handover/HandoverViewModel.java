package org.crisisdesk.desk.handover;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.HandoverReportBuilder;
import org.crisisdesk.handover.ReportWindow;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.ShiftService;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;

/**
 * The handover review: builds the report off the FX thread (with progress), keeps the outgoing manager's notes saved
 * a moment after the last keystroke, records "I have the desk" and exports the report. FX thread only; every database
 * call goes through {@link Background}.
 */
public final class HandoverViewModel {
    /** Notes are saved this long after the last change. */
    public static final Duration NOTES_DEBOUNCE = Duration.millis(600);

    private final HandoverReportBuilder builder;
    private final ShiftService shifts;
    private final Background background;
    private final DeskContext ctx;
    private final ObjectProperty<HandoverReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty notesStatus = new SimpleStringProperty("");
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final ObservableList<Shift> recentShifts = FXCollections.observableArrayList();
    private final PauseTransition notesTimer = new PauseTransition(NOTES_DEBOUNCE);
    private boolean showingNotes;
    private int generation;
    private Consumer<Shift> onDeskTaken = s -> {};

    public HandoverViewModel(HandoverReportBuilder builder, ShiftService shifts, Background background,
            DeskContext ctx) {
        this.builder = builder;
        this.shifts = shifts;
        this.background = background;
        this.ctx = ctx;
        notesTimer.setOnFinished(e -> saveNotes());
        notes.addListener((o, a, b) -> {
            if (!showingNotes) {
                notesStatus.set(ctx.t("handover.notes.editing"));
                notesTimer.playFromStart();
            }
        });
    }

    /** The shift just ending. */
    public void load() {
        load(null);
    }

    /** A given window; null for the default (the shift just ending). */
    public void load(ReportWindow window) {
        loadFrom(() -> window != null ? window : shifts.defaultWindow());
    }

    /**
     * The shift on screen again, read afresh (its times may have been corrected); the default window when none was
     * shown or it is gone.
     */
    public void reloadShift() {
        HandoverReport r = report.get();
        Long id = r == null || r.shift() == null ? null : r.shift().id();
        loadFrom(() -> id == null ? shifts.defaultWindow()
                : shifts.find(id).map(shifts::windowOf).orElseGet(shifts::defaultWindow));
    }

    /** @param window called on the background thread */
    private void loadFrom(java.util.function.Supplier<ReportWindow> window) {
        flushNotes();
        int mine = ++generation;
        loading.set(true);
        progress.set(0);
        problem.set("");
        background.run(() -> {
            ReportWindow w = window.get();
            HandoverReport r = builder.build(w, p -> Platform.runLater(() -> {
                if (mine == generation) {
                    progress.set(p);
                }
            }));
            return new Loaded(r, shifts.recent(20));
        }).onSuccess(l -> {
            if (mine != generation) {
                return;
            }
            recentShifts.setAll(l.recent());
            show(l.report());
            loading.set(false);
        }).onFailure(e -> {
            if (mine == generation) {
                loading.set(false);
                problem.set(ctx.t("handover.failed", message(e)));
            }
        });
    }

    private record Loaded(HandoverReport report, List<Shift> recent) {}

    /** Reviews a stored shift. */
    public void loadShift(Shift s) {
        load(shifts.windowOf(s));
    }

    private void show(HandoverReport r) {
        report.set(r);
        showingNotes = true;
        notes.set(r.notes());
        showingNotes = false;
        notesStatus.set(r.shift() == null ? ctx.t("handover.notes.noShift")
                : r.shift().notesUpdatedAt() == null ? "" : ctx.t("handover.notes.saved",
                        new ReportText(ctx.i18n().locale(), ctx.zone()).dateTime(r.shift().notesUpdatedAt())));
    }

    /**
     * Another desk saved notes (issue 21): the reviewed shift's notes are read again and shown, unless the person here
     * is typing (their text is saved a moment later and is the last word, as between two editors on one desk).
     */
    public void notesChangedElsewhere() {
        HandoverReport r = report.get();
        if (r == null || r.shift() == null) {
            return;
        }
        long id = r.shift().id();
        background.run(() -> shifts.find(id).orElseThrow()).onSuccess(s -> {
            HandoverReport now = report.get();
            if (now == null || now.shift() == null || now.shift().id() != id
                    || notesTimer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                return;
            }
            report.set(withShift(now, s));
            String text = s.notes() == null ? "" : s.notes();
            if (!text.equals(notes.get())) {
                showingNotes = true;
                notes.set(text);
                showingNotes = false;
            }
            if (s.notesUpdatedAt() != null) {
                notesStatus.set(ctx.t("handover.notes.saved",
                        new ReportText(ctx.i18n().locale(), ctx.zone()).dateTime(s.notesUpdatedAt())));
            }
        });
    }

    /** Saves the notes now if a save is pending (before closing, exporting or loading another window). */
    public void flushNotes() {
        if (notesTimer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            notesTimer.stop();
            saveNotes();
        }
    }

    private void saveNotes() {
        HandoverReport r = report.get();
        if (r == null || r.shift() == null) {
            notesStatus.set(ctx.t("handover.notes.noShift"));
            return;
        }
        long id = r.shift().id();
        String text = notes.get();
        notesStatus.set(ctx.t("handover.notes.saving"));
        background.run(() -> {
            shifts.saveNotes(id, text);
            return shifts.find(id).orElseThrow();
        }).onSuccess(saved -> {
            HandoverReport now = report.get();
            if (now != null && now.shift() != null && now.shift().id() == id) {
                report.set(withShift(now, saved));
            }
            if (text.equals(notes.get())) {
                notesStatus.set(ctx.t("handover.notes.saved",
                        new ReportText(ctx.i18n().locale(), ctx.zone()).dateTime(saved.notesUpdatedAt())));
            }
        }).onFailure(e -> notesStatus.set(ctx.t("handover.notes.failed", message(e))));
    }

    /**
     * "I have the desk": {@code name} acknowledges the reviewed shift and holds the desk from now. Persisted before
     * the screen says so; the report is rebuilt to show it.
     */
    public Background.Job<Shift> acknowledge(String name) {
        HandoverReport r = report.get();
        if (r == null || r.shift() == null) {
            problem.set(ctx.t("handover.ack.noShift"));
            return null;
        }
        if (name == null || name.isBlank()) {
            problem.set(ctx.t("handover.ack.needName"));
            return null;
        }
        flushNotes();
        long reviewed = r.shift().id();
        problem.set("");
        return background.run(() -> shifts.takeDesk(reviewed, name)).onSuccess(mine -> {
            onDeskTaken.accept(mine);
            reloadSame(reviewed);
        }).onFailure(e -> problem.set(message(e)));
    }

    private void reloadSame(long shiftId) {
        background.run(() -> shifts.find(shiftId).orElseThrow()).onSuccess(this::loadShift)
                .onFailure(e -> problem.set(message(e)));
    }

    /**
     * Writes the report shown (with the notes as they are on screen) to {@code file}, in the desk's language and zone.
     */
    public Background.Job<Path> export(Path file, ReportFormat format) {
        HandoverReport r = report.get();
        if (r == null) {
            return null;
        }
        flushNotes();
        HandoverReport current = r.shift() == null ? r : withShift(r, withNotes(r.shift(), notes.get()));
        Locale locale = ctx.i18n().locale();
        ReportText words = new ReportText(locale, ctx.zone());
        exportStatus.set("");
        return background.run(() -> {
            format.write(current, words, file);
            return file;
        }).onSuccess(p -> exportStatus.set(ctx.t("handover.export.done", p.toString())))
                .onFailure(e -> exportStatus.set(ctx.t("handover.export.failed", message(e))));
    }

    private static HandoverReport withShift(HandoverReport r, Shift s) {
        return new HandoverReport(r.window(), r.asOf(), r.generatedAt(), s, r.shiftBefore(), r.volume(), r.totals(),
                r.notices(), r.promised(), r.open(), r.handOffs(), r.themes(), r.comparedWith(), r.owners(),
                r.decisions());
    }

    private static Shift withNotes(Shift s, String text) {
        return new Shift(s.id(), s.manager(), s.startedAt(), s.endedAt(), s.scheduledStart(), s.scheduledEnd(), text,
                s.notesUpdatedAt(), s.acknowledgedBy(), s.acknowledgedAt(), s.boundaryEditedAt());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Called after "I have the desk" with the shift the acknowledging manager now holds. */
    public void setOnDeskTaken(Consumer<Shift> action) {
        this.onDeskTaken = action;
    }

    public ObjectProperty<HandoverReport> reportProperty() {
        return report;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** 0..1 while loading. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty notesStatusProperty() {
        return notesStatus;
    }

    public StringProperty exportStatusProperty() {
        return exportStatus;
    }

    public ObservableList<Shift> recentShifts() {
        return recentShifts;
    }

    public DeskContext context() {
        return ctx;
    }

}
