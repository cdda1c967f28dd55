package org.crisisdesk.fuzz;

import org.crisisdesk.testing.Hostile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The data-safety fuzz of {@link FuzzDataSafetyTest} at drill size: 10,000 generated inputs (import files, category
 * files, notice fields, backup zips) per run, under {@code mvn -Pdrill test -Dtest=FuzzDataSafetyDrillTest}; a failure
 * prints its seed and case ({@code -Dfuzz.seed=N} replays it, {@code -Dfuzz.seed=random} picks a new one).
 */
@Tag("drill")
class FuzzDataSafetyDrillTest extends FuzzDataSafetyTest {
    final Hostile drill = new Hostile(Hostile.seedFromProperty() + 1);

    @Test
    void tenThousandInputs() throws Exception {
        importCases(drill, 3000);
        categoryCases(drill, 2500);
        noticeCases(drill, 3500);
        zipCases(drill, 1000);
    }
}
