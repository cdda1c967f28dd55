package org.crisisdesk.desk.boards;

import javafx.stage.Stage;
import org.crisisdesk.testing.OnPostgres;
import org.testfx.framework.junit5.Start;

/** {@link TwoDesksStaleMoveTest} on one PostgreSQL team database. */
@OnPostgres
class TwoDesksStaleMovePgTest extends TwoDesksStaleMoveTest {
    /** TestFX looks for {@code @Start} on the test class itself only. */
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }
}
