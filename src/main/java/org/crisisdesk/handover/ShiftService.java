package org.crisisdesk.handover;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.mention.TextChecks;

/**
 * Shifts as the desk and the CLI use them: start and end with a manager's name, boundaries corrected after the fact,
 * the outgoing manager's notes and the incoming manager's "I have the desk". Validates input and takes time from the
 * injected clock; thread-safe (the store does the transactions).
 */
public final class ShiftService {
    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 20_000;
    /** A shift this young is still "the shift just starting": the default review is the one before it. */
    public static final Duration JUST_STARTED = Duration.ofMinutes(30);
    /** The window when no shift was ever recorded. */
    public static final Duration FALLBACK_WINDOW = Duration.ofHours(12);

    private final ShiftStore store;
    private final Clock clock;
    private final List<java.util.function.Consumer<Shift>> endedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public ShiftService(ShiftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Called with the ended shift after a shift ends (ended now, or ended by the next manager's start), on the thread
     * that ended it; e.g. the automatic backup. A listener's failure is logged and never undoes the end.
     */
    public void onShiftEnded(java.util.function.Consumer<Shift> listener) {
        endedListeners.add(listener);
    }

    private void ended(Shift shift) {
        for (var l : endedListeners) {
            try {
                l.accept(shift);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ShiftService.class).warn("After shift #{} ended: {}", shift.id(),
                        e.toString());
            }
        }
    }

    public Optional<Shift> current() {
        return store.current();
    }

    public Optional<Shift> find(long id) {
        return store.find(id);
    }

    public List<Shift> recent(int limit) {
        return store.recent(limit);
    }

    /** Starts {@code manager}'s shift now (ending the open one); {@code schedule} like "09-18" may be blank. */
    public Shift start(String manager, String schedule, ZoneId zone) {
        Instant now = clock.instant();
        ShiftSchedule planned = schedule == null || schedule.isBlank() ? null : ShiftSchedule.parse(schedule, now, zone);
        Optional<Shift> before = store.current();
        Shift started = store.start(cleanName(manager), now, planned);
        org.slf4j.LoggerFactory.getLogger(ShiftService.class).info("Shift #{} started{}", started.id(),
                planned == null ? "" : " (planned " + schedule.strip() + ")");
        before.filter(b -> b.id() != started.id()).flatMap(b -> store.find(b.id())).filter(b -> b.endedAt() != null)
                .ifPresent(this::ended);
        return started;
    }

    /** Ends the open shift now; empty when none was open. */
    public Optional<Shift> endCurrent() {
        Optional<Shift> open = store.current();
        Optional<Shift> done = open.map(s -> store.end(s.id(), clock.instant()));
        done.ifPresent(s -> org.slf4j.LoggerFactory.getLogger(ShiftService.class).info("Shift #{} ended", s.id()));
        done.ifPresent(this::ended);
        return done;
    }

    /** A shift that was never started in the desk, recorded after the fact. */
    public Shift record(String manager, Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("A shift must end after it started");
        }
        if (end.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A recorded shift must be over");
        }
        return store.record(cleanName(manager), start, end, null);
    }

    public Shift moveEnd(long shiftId, Instant end) {
        return store.moveEnd(shiftId, end, clock.instant());
    }

    public Shift moveStart(long shiftId, Instant start) {
        return store.moveStart(shiftId, start, clock.instant());
    }

    /** Both boundaries at once, all or nothing (see {@link ShiftStore#correct}); {@code end} null keeps it open. */
    public Shift correct(long shiftId, Instant start, Instant end) {
        return store.correct(shiftId, start, end, clock.instant());
    }

    public void saveNotes(long shiftId, String notes) {
        String text = notes == null ? "" : notes;
        String problem = TextChecks.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException("Notes: " + problem);
        }
        if (text.length() > MAX_NOTES) {
            throw new IllegalArgumentException("Notes can have at most " + MAX_NOTES + " characters");
        }
        store.saveNotes(shiftId, text, clock.instant());
    }

    /** "I have the desk": see {@link ShiftStore#takeDesk}. */
    public Shift takeDesk(long reviewedShiftId, String name) {
        Optional<Shift> before = store.current();
        Shift taken = store.takeDesk(reviewedShiftId, cleanName(name), clock.instant());
        // the open shift may have ended in that transaction: it is a shift end like any other (backup)
        before.filter(b -> b.id() != taken.id()).flatMap(b -> store.find(b.id())).filter(b -> b.endedAt() != null)
                .ifPresent(this::ended);
        return taken;
    }

    /** The shift that covered {@code at}, if any. */
    public Optional<Shift> covering(Instant at) {
        return store.covering(at);
    }

    /** The shift before this one (its acknowledgement tells how this shift began). */
    public Optional<Shift> before(Shift shift) {
        return store.before(shift);
    }

    /**
     * The shift just ending: the open shift up to now, unless it started less than {@link #JUST_STARTED} ago and an
     * earlier shift exists (then the incoming manager is reviewing that one); else the last ended shift; else the
     * last {@link #FALLBACK_WINDOW}.
     */
    public ReportWindow defaultWindow() {
        Instant now = clock.instant();
        Optional<Shift> open = store.current();
        if (open.isPresent()) {
            Shift s = open.get();
            Optional<Shift> prev = store.before(s);
            if (Duration.between(s.startedAt(), now).compareTo(JUST_STARTED) < 0 && prev.isPresent()
                    && prev.get().endedAt() != null) {
                return windowOf(prev.get());
            }
            if (now.isAfter(s.startedAt())) {
                return new ReportWindow(s.startedAt(), now, s);
            }
        }
        List<Shift> recent = store.recent(1);
        if (!recent.isEmpty() && recent.get(0).endedAt() != null) {
            return windowOf(recent.get(0));
        }
        return ReportWindow.of(now.minus(FALLBACK_WINDOW), now);
    }

    /** The window of a shift: start to end, or to now while it is open. */
    public ReportWindow windowOf(Shift s) {
        Instant end = s.endedAt() != null ? s.endedAt() : clock.instant();
        if (!end.isAfter(s.startedAt())) {
            end = s.startedAt().plusSeconds(1);
        }
        return new ReportWindow(s.startedAt(), end, s);
    }

    static String cleanName(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("Please give the manager's name");
        }
        String problem = TextChecks.problem(raw);
        if (problem != null) {
            throw new IllegalArgumentException("Name: " + problem);
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Please give the manager's name");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("A name can have at most " + MAX_NAME + " characters");
        }
        return name;
    }
}
