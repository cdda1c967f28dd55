package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings fall back category → desk → built-in; bad input is refused with a reason, bad stored values are skipped. */
class AlertSettingsTest {

    @Test
    void builtInDefaultsFollowIncidentPractice() {
        RuleSettings r = AlertSettings.DEFAULTS.forCategory(7);
        assertThat(r.volume()).isEqualTo(new RuleSettings.Volume(true, 30, Duration.ofMinutes(15)));
        assertThat(r.cadence().phase()).isEqualTo(Phase.INVESTIGATING);
        assertThat(r.cadence().every()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.cadence().identified()).isEqualTo(Duration.ofMinutes(60));
        assertThat(r.cadence().warn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.spike().factor()).isEqualTo(3.0);
        assertThat(r.spike().minCount()).isEqualTo(10);
        assertThat(AlertSettings.DEFAULTS.backlog()).isEqualTo(new RuleSettings.Backlog(true, 50, Duration.ofMinutes(30)));
        assertThat(AlertSettings.DEFAULTS.clearAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aCategoryOverridesTheDeskWhichOverridesTheDefaultAndUnreadableValuesAreSkipped() {
        AlertSettings s = new AlertSettings(Map.of(
                "alert.desk.volume.count", "40",
                "alert.cat.7.volume.count", "12",
                "alert.cat.7.volume.window", "banana",
                "alert.desk.volume.window", "20",
                "alert.cat.8.cadence.phase", "identified",
                "alert.cat.7.backlog.count", "1"));
        assertThat(s.forCategory(7).volume().count()).isEqualTo(12);
        assertThat(s.forCategory(7).volume().window()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.forCategory(9).volume().count()).isEqualTo(40);
        assertThat(s.phase(8)).isEqualTo(Phase.IDENTIFIED);
        assertThat(s.forCategory(8).cadence().every()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.backlog().count()).as("backlog is desk-wide only").isEqualTo(50);
        assertThat(s.override(7L, AlertKey.VOLUME_WINDOW)).isNull();
    }

    @Test
    void valuesArePersonCheckedWithAReason() {
        assertThat(AlertKey.VOLUME_COUNT.normalize(" 25 ")).isEqualTo("25");
        assertThat(AlertKey.SPIKE_FACTOR.normalize("2.5")).isEqualTo("2.5");
        assertThat(AlertKey.CADENCE_ENABLED.normalize("FALSE")).isEqualTo("false");
        assertThatThrownBy(() -> AlertKey.VOLUME_COUNT.normalize("0"))
                .hasMessage("volume.count must be between 1 and 100000");
        assertThatThrownBy(() -> AlertKey.VOLUME_COUNT.normalize("many")).hasMessage("volume.count must be a whole number, not \"many\"");
        assertThatThrownBy(() -> AlertKey.SPIKE_FACTOR.normalize("1")).hasMessage("spike.factor must be between 1.1 and 100.0");
        assertThatThrownBy(() -> AlertKey.CADENCE_PHASE.normalize("done")).hasMessageStartingWith("cadence.phase must be one of");
    }

    @Test
    void settingsAreStoredAndSurviveARestart() {
        try (WatchDesk desk = new WatchDesk()) {
            long delivery = desk.category("배송 지연");
            desk.alerts().putSetting(delivery, AlertKey.VOLUME_COUNT, "12");
            desk.alerts().setPhase(delivery, Phase.MONITORING);
            desk.alerts().putSetting(null, AlertKey.BACKLOG_AGE, "45");
            assertThatThrownBy(() -> desk.alerts().putSetting(delivery, AlertKey.BACKLOG_AGE, "5"))
                    .hasMessage("backlog.age is a desk-wide setting");
            assertThatThrownBy(() -> desk.alerts().putSetting(delivery, AlertKey.VOLUME_COUNT, "-1"))
                    .isInstanceOf(IllegalArgumentException.class);

            desk.restart();

            AlertSettings s = desk.alerts().settings();
            assertThat(s.forCategory(delivery).volume().count()).isEqualTo(12);
            assertThat(s.phase(delivery)).isEqualTo(Phase.MONITORING);
            assertThat(s.backlog().age()).isEqualTo(Duration.ofMinutes(45));
        }
    }

    @Test
    void factsRoundTripEvenWithSeparatorsInValues() {
        Facts f = Facts.of("count", 43, "promised", Instant.parse("2026-10-17T04:00:00Z"), "odd", "a;b=c%d", "skip", null);
        Facts back = Facts.decode(f.encode());
        assertThat(back).isEqualTo(f);
        assertThat(back.getLong("count", 0)).isEqualTo(43);
        assertThat(back.getInstant("promised")).isEqualTo(Instant.parse("2026-10-17T04:00:00Z"));
        assertThat(back.get("odd")).isEqualTo("a;b=c%d");
        assertThat(back.has("skip")).isFalse();
        assertThat(Facts.decode("broken;=x;y")).isEqualTo(Facts.NONE);
    }

    @Test
    void levelsGrowWithEachDoublingUpToTheCap() {
        assertThat(Checks.doublingLevel(29, 30)).isZero();
        assertThat(Checks.doublingLevel(30, 30)).isEqualTo(1);
        assertThat(Checks.doublingLevel(59, 30)).isEqualTo(1);
        assertThat(Checks.doublingLevel(60, 30)).isEqualTo(2);
        assertThat(Checks.doublingLevel(120, 30)).isEqualTo(3);
        assertThat(Checks.doublingLevel(10_000, 30)).isEqualTo(Checks.MAX_LEVEL);
    }
}
