package org.crisisdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** The settings' logic: the home's preferences file, window geometry, and the rules for stored values. */
class SettingsLogicTest {

    @Test
    void prefsAreWrittenAtOnceAndReadByTheNextStart() {
        Path home = TempDesk.newHome();
        DeskPrefs prefs = DeskPrefs.load(home);
        assertThat(prefs.flag(DeskPrefs.WELCOME_DONE)).isFalse();
        prefs.put(DeskPrefs.WELCOME_DONE, "true");
        prefs.putAll(Map.of(DeskPrefs.SPLIT, "0.2,0.8", DeskPrefs.COLUMN_WIDTH, "340"));

        DeskPrefs again = DeskPrefs.load(home);
        assertThat(again.flag(DeskPrefs.WELCOME_DONE)).isTrue();
        assertThat(again.get(DeskPrefs.SPLIT, null)).isEqualTo("0.2,0.8");
        assertThat(again.get(DeskPrefs.COLUMN_WIDTH, null)).isEqualTo("340");
        again.put(DeskPrefs.SPLIT, null);
        assertThat(DeskPrefs.load(home).get(DeskPrefs.SPLIT)).isEmpty();
        assertThat(Files.exists(home.resolve("desk.properties.tmp"))).isFalse();
    }

    @Test
    void aDamagedPrefsFileReadsAsEmpty() throws Exception {
        Path home = TempDesk.newHome();
        Files.write(DeskPrefs.file(home), new byte[] {'a', '=', '\\', 'u', '1'});
        assertThat(DeskPrefs.load(home).get("a")).isEmpty();
    }

    @Test
    void theDatabaseChosenInThePrefsIsOpenedWhenTheCommandLineNamesNone() throws Exception {
        Path home = TempDesk.newHome();
        Path elsewhere = TempDesk.newHome().resolve("data");
        Files.createDirectories(elsewhere);
        DeskPrefs.load(home).put(DeskPrefs.DB_URL, DeskSettings.h2FolderUrl(elsewhere));
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            assertThat(s.db().displayLocation()).isEqualTo(elsewhere.resolve("crisisdesk") + ".mv.db");
        }
        assertThat(Files.exists(elsewhere.resolve("crisisdesk.mv.db"))).isTrue();
        assertThat(Files.exists(home.resolve("crisisdesk.mv.db"))).isFalse();
    }

    @Test
    void windowGeometryRoundTripsAndRefusesNonsense() {
        WindowGeometry g = new WindowGeometry(10, 20, 1200, 800, true);
        assertThat(WindowGeometry.parse(g.format())).contains(g);
        assertThat(WindowGeometry.parse("10,20,1200,800")).contains(new WindowGeometry(10, 20, 1200, 800, false));
        assertThat(WindowGeometry.parse("10,20,100,80")).isEmpty();
        assertThat(WindowGeometry.parse("x,20,1200,800")).isEmpty();
        assertThat(WindowGeometry.parse("NaN,20,1200,800")).isEmpty();
        assertThat(WindowGeometry.parse(null)).isEmpty();
    }

    @Test
    void aWindowLeftOnAMissingMonitorComesBackOnTheScreen() {
        WindowGeometry far = new WindowGeometry(3000, 100, 1600, 1000, false);
        WindowGeometry fit = far.fitInto(0, 0, 1440, 900);
        assertThat(fit).isEqualTo(new WindowGeometry(0, 0, 1440, 900, false));
        WindowGeometry inside = new WindowGeometry(100, 50, 800, 600, false);
        assertThat(inside.fitInto(0, 0, 1440, 900)).isEqualTo(inside);
    }

    @Test
    void storedValuesAreReadForgivingly() {
        assertThat(DeskSettings.zone("Asia/Seoul")).contains(ZoneId.of("Asia/Seoul"));
        assertThat(DeskSettings.zone("Mars/Base")).isEmpty();
        assertThat(DeskSettings.zone(" ")).isEmpty();
        assertThat(DeskSettings.autoFile("off")).isEmpty();
        assertThat(DeskSettings.autoFile("0.85").getAsDouble()).isEqualTo(0.85);
        assertThat(DeskSettings.autoFile("1.5")).isEmpty();
        assertThat(DeskSettings.autoFile("abc")).isEmpty();
        assertThat(DeskSettings.cleanName("  Kim   Minji \n")).isEqualTo("Kim Minji");
        assertThat(DeskSettings.cleanName("x".repeat(100))).hasSize(60);
        assertThat(DeskSettings.deskName(Optional.of("  "))).isEqualTo(System.getProperty("user.name", "desk"));
        assertThat(DeskSettings.deskName(Optional.of("Minji"))).isEqualTo("Minji");
        assertThat(DeskSettings.language("en")).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(DeskSettings.language(null)).isEqualTo(java.util.Locale.KOREAN);
    }
}
