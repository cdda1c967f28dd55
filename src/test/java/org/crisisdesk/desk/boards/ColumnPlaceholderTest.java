package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An empty column says "nothing here" only when nothing waits behind its "N new" pill. */
@ExtendWith(ApplicationExtension.class)
class ColumnPlaceholderTest {
    private final ColumnModel col = new ColumnModel(null);

    @Start
    void start(Stage stage) {
        col.setShown(5);
        col.reset(List.of());
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), Clock.systemUTC(), ZoneId.of("Asia/Seoul"));
        stage.setScene(new Scene(new ColumnView(ctx, col, null), 320, 600));
        stage.show();
    }

    @Test
    void aBurstHeldBehindThePillHidesTheEmptyText(FxRobot robot) {
        ListView<?> list = robot.lookup("#column-list-unsorted").queryAs(ListView.class);
        Label empty = (Label) list.getPlaceholder();
        assertThat(empty.getText()).isEqualTo("미분류 멘션이 없습니다. 잘하고 있어요!");
        assertThat(empty.isVisible()).isTrue();

        robot.interact(() -> col.arrive(ColumnModelTest.newestFirst(1, 20))); // a burst into an empty column: held
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
        assertThat(col.waitingProperty().get()).isEqualTo(20);
        assertThat(empty.isVisible()).isFalse();
        assertThat(robot.lookup("#column-new-pill-unsorted").query().isVisible()).isTrue();
    }
}
