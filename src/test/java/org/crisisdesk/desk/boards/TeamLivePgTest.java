package org.crisisdesk.desk.boards;

import javafx.stage.Stage;
import org.crisisdesk.testing.OnPostgres;
import org.testfx.framework.junit5.Start;

/** {@link TeamLiveTest} on one PostgreSQL team database: desk B is woken by LISTEN/NOTIFY. */
@OnPostgres
class TeamLivePgTest extends TeamLiveTest {
    /** TestFX looks for {@code @Start} on the test class itself only. */
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }
}
