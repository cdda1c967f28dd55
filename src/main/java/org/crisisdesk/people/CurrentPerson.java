package org.crisisdesk.people;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;

/**
 * The one answer to "who is this desk?" (issue 22), asked by everything that records a person: moves, accepts,
 * alert actions, notices, cases, shifts. The person lives in the home ({@code HOME/desk.properties}: person.name,
 * person.handle), not in the database, because a team database is shared by every desk. A home that never said
 * (older homes) falls back to the database's old desk name, else the computer's user. The CLI's {@code --as NAME}
 * overrides it for one run.
 *
 * <p>Thread-safe: read from any thread; the first read touches the file (and perhaps the database), so the desk asks
 * it off the FX thread or after {@link #person()} was called once at start-up.
 */
public final class CurrentPerson {
    private final Supplier<Optional<Person>> stored;
    private final Supplier<Optional<String>> legacyName;
    private final Consumer<Person> writer;
    private final List<Consumer<Person>> listeners = new ArrayList<>();
    private volatile Person override;
    private volatile Person cached;

    private CurrentPerson(Supplier<Optional<Person>> stored, Supplier<Optional<String>> legacyName,
            Consumer<Person> writer) {
        this.stored = stored;
        this.legacyName = legacyName;
        this.writer = writer;
    }

    /**
     * The person of the home {@code home}; {@code legacyName} reads the database's old desk-name setting (may be
     * empty or throw, which is taken as absent).
     */
    public static CurrentPerson ofHome(Path home, Supplier<Optional<String>> legacyName) {
        return new CurrentPerson(() -> read(DeskPrefs.load(home)), legacyName,
                p -> DeskPrefs.load(home).putAll(Map.of(DeskPrefs.PERSON_NAME, p.name(),
                        DeskPrefs.PERSON_HANDLE, p.handle())));
    }

    /** Always {@code person}, never stored (tests, tools). */
    public static CurrentPerson fixed(Person person) {
        CurrentPerson c = new CurrentPerson(() -> Optional.of(person), Optional::empty, p -> {});
        c.override = person;
        return c;
    }

    /** The person saved in a home's preferences, if a name was saved. */
    public static Optional<Person> read(DeskPrefs prefs) {
        return prefs.get(DeskPrefs.PERSON_NAME).map(DeskSettings::cleanName).filter(n -> !n.isEmpty())
                .map(n -> Person.of(n, prefs.get(DeskPrefs.PERSON_HANDLE, "")));
    }

    /** Who this desk is now. */
    public Person person() {
        Person o = override;
        if (o != null) {
            return o;
        }
        Person c = cached;
        if (c == null) {
            c = stored.get().orElseGet(() -> Person.of(legacy(), ""));
            cached = c;
        }
        return c;
    }

    private String legacy() {
        try {
            return legacyName.get().orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The person's name: what histories record as the actor. */
    public String name() {
        return person().name();
    }

    public String handle() {
        return person().handle();
    }

    /** For this run only (the CLI's {@code --as NAME}): a blank name leaves the stored person in force. */
    public void override(String name) {
        if (name != null && !name.isBlank()) {
            override = Person.of(name, "");
        }
    }

    /** Stores the person in the home (blank name: the computer's user) and tells the listeners. Not the FX thread. */
    public Person save(String name, String handle) {
        Person p = Person.of(name, handle);
        writer.accept(p);
        cached = p;
        List<Consumer<Person>> copy;
        synchronized (listeners) {
            copy = List.copyOf(listeners);
        }
        copy.forEach(l -> l.accept(p));
        return p;
    }

    /** Told (on the saving thread) when the person is saved anew. */
    public void addListener(Consumer<Person> listener) {
        synchronized (listeners) {
            listeners.add(listener);
        }
    }
}
