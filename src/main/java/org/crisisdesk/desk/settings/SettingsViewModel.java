package org.crisisdesk.desk.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.source.twitter.Secrets;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.store.Backups;
import org.crisisdesk.triage.TriageEngine;

/**
 * The settings dialog's state. Every change is written off the FX thread and only then reported as saved (the
 * status line says so, or what went wrong); {@link #load()} reads what is stored. FX thread only.
 */
public final class SettingsViewModel {
    /**
     * Where the slider starts when auto-filing is switched on. From the calibration tables of `triage eval` (demo
     * and the three evaluation crises): suggestions at 0.99 or more were 97-98.5% right, those at 0.95-0.99 only
     * 70-90%, so anything lower files too many mistakes. See docs/triage.md.
     */
    public static final double DEFAULT_THRESHOLD = 0.99;

    private final Services services;
    private final DeskContext ctx;
    private final Background background;
    private final DeskPrefs prefs;
    private final Clock wall;
    private final Runnable onDeskNameSaved;

    private final StringProperty deskName = new SimpleStringProperty("");
    private final StringProperty handle = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("");
    private final BooleanProperty autoFile = new SimpleBooleanProperty(false);
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final StringProperty dbLocation = new SimpleStringProperty("");
    private final StringProperty dbNext = new SimpleStringProperty("");
    private final StringProperty lastBackup = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    /** Team settings (issue 22), stored in the database so every desk on it follows them. */
    private final BooleanProperty approvalRequired = new SimpleBooleanProperty(false);
    private final javafx.beans.property.IntegerProperty collisionMinutes =
            new javafx.beans.property.SimpleIntegerProperty(org.crisisdesk.notice.WritingStore.DEFAULT_WINDOW_MINUTES);

    /**
     * @param onDeskNameSaved runs on the FX thread once a new desk name is stored (the boards credit moves to it)
     */
    public SettingsViewModel(Services services, DeskContext ctx, Background background, DeskPrefs prefs, Clock wall,
            Runnable onDeskNameSaved) {
        this.services = services;
        this.ctx = ctx;
        this.background = background;
        this.prefs = prefs;
        this.wall = wall;
        this.onDeskNameSaved = onDeskNameSaved;
    }

    private record Stored(String deskName, String handle, String zone, OptionalDouble threshold, String dbNext, String lastBackup,
            String account, boolean approvalRequired, int collisionMinutes) {}

    /** Reads every setting off the FX thread and fills the properties. */
    public Background.Job<?> load() {
        return background.run(() -> {
            var s = services.settings();
            // the person is the home's (issue 22); an older home shows its database desk name until saved
            var person = org.crisisdesk.people.CurrentPerson.read(DeskPrefs.load(services.home()));
            return new Stored(person.map(org.crisisdesk.people.Person::name)
                    .orElseGet(() -> s.get(DeskSettings.DESK_NAME, "")),
                    person.map(org.crisisdesk.people.Person::handle).orElse(""), s.get(DeskSettings.ZONE, ""),
                    DeskSettings.autoFile(s.get(TriageEngine.AUTO_FILE_SETTING, "off")),
                    prefs.get(DeskPrefs.DB_URL, ""), describeNewestBackup(), describeAccount(),
                    services.notices().approvals().required(), services.notices().writing().windowMinutes());
        }).onSuccess(st -> {
            deskName.set(st.deskName());
            handle.set(st.handle());
            zone.set(st.zone());
            autoFile.set(st.threshold().isPresent());
            threshold.set(st.threshold().orElse(DEFAULT_THRESHOLD));
            dbLocation.set(services.db().displayLocation());
            dbNext.set(st.dbNext());
            lastBackup.set(st.lastBackup());
            account.set(st.account());
            approvalRequired.set(st.approvalRequired());
            collisionMinutes.set(st.collisionMinutes());
            loaded.set(true);
        }).onFailure(this::fail);
    }

    private String describeNewestBackup() {
        Backups backups = new Backups(services.dataHome());
        return backups.newest().map(this::describeBackup).orElse(ctx.t("settings.backup.none"));
    }

    private String describeBackup(Path zip) {
        String when;
        try {
            Instant at = Files.getLastModifiedTime(zip).toInstant();
            when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(at);
        } catch (java.io.IOException e) {
            when = "?";
        }
        return ctx.t("settings.backup.last", when, zip.getFileName().toString());
    }

    private String describeAccount() {
        try {
            XSettings x = TwitterProperties.load(services.home());
            return x.connected() ? ctx.t("settings.account.connected", Secrets.mask(x.credentials().consumerKey()),
                    Secrets.mask(x.credentials().accessToken())) : ctx.t("settings.account.none");
        } catch (Exception e) {
            return ctx.t("settings.account.unreadable", e.getMessage());
        }
    }

    /**
     * Saves the desk's person in the home (blank name: the computer's user name; blank handle: made from the name);
     * moves, alert actions and cases from now on are credited to it (issue 22).
     */
    public Background.Job<String> saveDeskName(String name) {
        return savePerson(name, handle.get());
    }

    /** As {@link #saveDeskName}, with the short handle the people list and column headers show. */
    public Background.Job<String> savePerson(String name, String handleText) {
        String clean = DeskSettings.cleanName(name);
        String cleanHandle = org.crisisdesk.people.Person.cleanHandle(handleText);
        return save(() -> {
            org.crisisdesk.people.Person p = services.person().save(clean, cleanHandle);
            return p.name();
        }, saved -> {
            deskName.set(clean);
            handle.set(cleanHandle);
            ctx.deskNameProperty().set(saved);
            onDeskNameSaved.run();
        });
    }

    /** The person's short handle as saved ("" = made from the name). */
    public StringProperty handleProperty() {
        return handle;
    }

    /** Saves the account's zone ("" = automatic); bad text is refused with a message. Applies when the desk reopens. */
    public Background.Job<String> saveZone(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty() && DeskSettings.zone(t).isEmpty()) {
            failed.set(true);
            status.set(ctx.t("settings.zone.invalid", t));
            return null;
        }
        return save(() -> {
            services.settings().put(DeskSettings.ZONE, t);
            return t;
        }, zone::set);
    }

    /** Turns auto-filing on at {@code t} (0.5..1) or off; the triage engine applies it at once. */
    public Background.Job<Double> saveAutoFile(boolean on, double t) {
        double value = on ? Math.max(0.5, Math.min(1.0, t)) : TriageEngine.AUTO_FILE_OFF;
        return save(() -> {
            services.engine().setAutoFileThreshold(value);
            return value;
        }, v -> {
            autoFile.set(on);
            if (on) {
                threshold.set(v);
            }
        });
    }

    /**
     * Team setting (issue 22): notices need a second person's approval before they post. Stored in the database; every
     * desk's next queued notice follows it (the outbox reads it at each queue).
     */
    public Background.Job<Boolean> saveApprovalRequired(boolean on) {
        return save(() -> {
            services.notices().approvals().setRequired(on);
            return on;
        }, approvalRequired::set);
    }

    /**
     * Team setting (issue 22): minutes in which another notice of the same category makes posting ask first (0: only
     * someone writing asks). Stored in the database; every composer reads it at its next post.
     */
    public Background.Job<Integer> saveCollisionMinutes(int minutes) {
        int value = Math.max(0, Math.min(org.crisisdesk.notice.WritingStore.MAX_WINDOW_MINUTES, minutes));
        return save(() -> {
            services.notices().writing().setWindowMinutes(value);
            return value;
        }, collisionMinutes::set);
    }

    public BooleanProperty approvalRequiredProperty() {
        return approvalRequired;
    }

    public javafx.beans.property.IntegerProperty collisionMinutesProperty() {
        return collisionMinutes;
    }

    /** The next start opens the database in {@code folder} (created there if new). */
    public Background.Job<String> useDatabaseFolder(Path folder) {
        String url = DeskSettings.h2FolderUrl(folder);
        return save(() -> {
            Files.createDirectories(folder);
            prefs.put(DeskPrefs.DB_URL, url);
            return url;
        }, dbNext::set);
    }

    /**
     * The next start opens the team database at {@code url} (issue 21), after checking it can be opened now: the
     * failure, said in words (unreachable, authentication, no such database, a password in the URL), is shown and
     * nothing is saved.
     */
    public Background.Job<String> useTeamDatabase(String url) {
        String clean = url == null ? "" : url.strip();
        return save(() -> {
            if (!org.crisisdesk.store.TeamDatabase.isPostgres(clean)) {
                throw new IllegalArgumentException(ctx.t("settings.db.team.invalid"));
            }
            org.crisisdesk.store.Database.open(clean, services.home()).close();
            prefs.put(DeskPrefs.DB_URL, clean);
            return clean;
        }, dbNext::set);
    }

    /** The next start opens the home's own database file again. */
    public Background.Job<String> useDefaultDatabase() {
        return save(() -> {
            prefs.put(DeskPrefs.DB_URL, null);
            return "";
        }, dbNext::set);
    }

    /** Takes a backup of the open database now (also while mentions arrive) into HOME/backups. */
    public Background.Job<Path> backupNow() {
        busy.set(true);
        status.set(ctx.t("settings.backup.running"));
        failed.set(false);
        return background.run(() -> new Backups(services.dataHome()).create(services.db(), wall, "manual"))
                .onSuccess(zip -> {
                    busy.set(false);
                    lastBackup.set(describeBackup(zip));
                    status.set(ctx.t("settings.backup.done", zip.toString()));
                }).onFailure(this::fail);
    }

    public Path backupFolder() {
        return new Backups(services.dataHome()).directory();
    }

    /** Reads the account line again (after the connect dialog saved). */
    public void refreshAccount() {
        background.run(this::describeAccount).onSuccess(account::set).onFailure(this::fail);
    }

    private <T> Background.Job<T> save(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then) {
        failed.set(false);
        busy.set(true);
        return background.run(work).onSuccess(v -> {
            busy.set(false);
            then.accept(v);
            status.set(ctx.t("settings.saved", DateTimeFormatter.ofPattern("HH:mm:ss")
                    .withZone(ZoneId.systemDefault()).format(wall.instant())));
        }).onFailure(this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        failed.set(true);
        status.set(ctx.t("settings.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    public StringProperty deskNameProperty() {
        return deskName;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public BooleanProperty autoFileProperty() {
        return autoFile;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty dbLocationProperty() {
        return dbLocation;
    }

    /** The database URL chosen for the next start ("" = the home's own file). */
    public StringProperty dbNextProperty() {
        return dbNext;
    }

    public StringProperty lastBackupProperty() {
        return lastBackup;
    }

    /** The connected account with its keys masked, or "not connected". */
    public StringProperty accountProperty() {
        return account;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public DeskContext context() {
        return ctx;
    }

    public Services services() {
        return services;
    }
}
