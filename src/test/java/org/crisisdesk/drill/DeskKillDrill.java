package org.crisisdesk.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The drill for the desk: twenty SIGKILLs ({@code -Ddrill.kills=N}) during a 3,000-mention burst. */
@Tag("drill")
class DeskKillDrill {
    @Test
    void twentySigkillsOfTheDeskLoseAndRepeatNothing() throws Exception {
        DeskKillDrillTest.run(Integer.getInteger("drill.kills", 20), 3000, Long.getLong("drill.seed", 7));
    }
}
