package org.crisisdesk.desk.welcome;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.triage.CategoryFile;
import org.crisisdesk.triage.CategoryStore;

/**
 * The first-run welcome: remembers (in the home's desk.properties) that a choice was made, so the screen shows once,
 * and imports a prepared categories file. Everything is written before the screen reports it. FX thread only.
 */
public final class WelcomeViewModel {
    /** What a person picked on the welcome screen. */
    public enum Choice { DEMO, CONNECT, IMPORT, LATER }

    private final Services services;
    private final DeskContext ctx;
    private final Background background;
    private final DeskPrefs prefs;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The account's time zone, asked on the first start; the computer's unless the home already knows one. */
    private final StringProperty zone = new SimpleStringProperty();
    /** Who sits at this desk (issue 22), asked on the first start; blank: the computer's user. */
    private final StringProperty personName = new SimpleStringProperty("");
    private final StringProperty handle = new SimpleStringProperty("");

    public WelcomeViewModel(Services services, DeskContext ctx, Background background, DeskPrefs prefs) {
        this.services = services;
        this.ctx = ctx;
        this.background = background;
        this.prefs = prefs;
        zone.set(prefs.get(DeskPrefs.ACCOUNT_ZONE).filter(z -> DeskSettings.zone(z).isPresent())
                .orElse(java.time.ZoneId.systemDefault().getId()));
        org.crisisdesk.people.CurrentPerson.read(prefs).ifPresent(p -> {
            personName.set(p.name());
            handle.set(p.handle());
        });
    }

    /** The person's name as typed on the welcome screen; saved with whatever choice is made. */
    public StringProperty personNameProperty() {
        return personName;
    }

    public StringProperty handleProperty() {
        return handle;
    }

    /** Saves the person in the home (background thread); a blank name leaves an older home's name in force. */
    private void savePerson() {
        String name = org.crisisdesk.settings.DeskSettings.cleanName(personName.get());
        if (!name.isEmpty()) {
            services.person().save(name, handle.get());
        }
    }

    /** The account's zone as a ZoneId text; saved with whatever choice is made. */
    public StringProperty zoneProperty() {
        return zone;
    }

    /**
     * Saves the answered zone (background thread): in the home's preferences for the live desk, and in the open
     * database's settings unless it is the demo, whose story keeps its own zone.
     */
    private void saveZone() {
        java.util.Optional<java.time.ZoneId> z = DeskSettings.zone(zone.get());
        if (z.isEmpty()) {
            return;
        }
        prefs.put(DeskPrefs.ACCOUNT_ZONE, z.get().getId());
        if (!services.drill()) {
            services.settings().put(DeskSettings.ZONE, z.get().getId());
        }
    }

    /** True when this home never answered the welcome screen. */
    public static boolean firstRun(DeskPrefs prefs) {
        return !prefs.flag(DeskPrefs.WELCOME_DONE);
    }

    /** Records that the welcome was answered, then runs {@code then} on the FX thread. */
    public Background.Job<Choice> choose(Choice choice, Runnable then) {
        return background.run(() -> {
            saveZone();
            savePerson();
            prefs.put(DeskPrefs.WELCOME_DONE, "true");
            return choice;
        }).onSuccess(c -> {
            ctx.deskNameProperty().set(services.person().name());
            then.run();
        }).onFailure(this::fail);
    }

    /**
     * Merges a crisisdesk-categories/1 file into the board (as {@code crisisdesk categories import} does): nothing
     * changes when the file is invalid, and the message says why. {@code then} runs after a successful import.
     */
    public Background.Job<CategoryStore.ImportResult> importCategories(Path file, Runnable then) {
        busy.set(true);
        failed.set(false);
        message.set(ctx.t("welcome.import.running", file.getFileName()));
        return background.run(() -> {
            List<CategoryFile.Spec> specs;
            try (InputStream in = Files.newInputStream(file)) {
                specs = CategoryFile.read(in);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException(ctx.t("welcome.import.missing", file));
            }
            CategoryStore.ImportResult r = services.categories().importSpecs(specs);
            services.engine().reload();
            saveZone();
            savePerson();
            prefs.put(DeskPrefs.WELCOME_DONE, "true");
            return r;
        }).onSuccess(r -> {
            busy.set(false);
            message.set(ctx.t("welcome.import.done", r.created().size(), r.updated().size(), r.restored().size(),
                    r.unchanged().size()));
            then.run();
        }).onFailure(this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        failed.set(true);
        message.set(ctx.t("welcome.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
