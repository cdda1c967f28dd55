package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.people.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 22: Ctrl+Shift+A narrows the boards and the feed to the cases assigned to me (the toolbar's toggle shows it is
 * on), with an empty state when nothing is; pressed again it shows everything.
 */
@ExtendWith(ApplicationExtension.class)
class AssignedToMeFilterTest {
    private BoardsFixture desk;
    private long mine;
    private long theirs;
    private long centre;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-10-17T03:00:00Z");
        for (int i = 0; i < 5; i++) {
            batch.add(new Filing(new Mention("x", String.valueOf(6001 + i), t.plusSeconds(30L * i), "user" + i, null,
                    "ko", "@desk_official 환불 문의 " + i, null, null, null), null, null, null, null, null));
        }
        desk = new BoardsFixture(batch);
        desk.services.person().save("민지", "minji");
        centre = desk.categoryId("고객센터");
        mine = desk.stored("6002").pk();
        theirs = desk.stored("6004").pk();
        desk.services.triage().move(List.of(mine, theirs), centre, "민지");
        desk.services.caseAssignments().assign(List.of(mine), Person.of("민지", "minji"), "민지");
        desk.services.caseAssignments().assign(List.of(theirs), Person.of("준호", "junho"), "민지");
        desk.show(stage);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private static List<Long> pks(ListView<StoredMention> list) {
        return list.getItems().stream().map(StoredMention::pk).toList();
    }

    @Test
    void oneKeyShowsOnlyWhatIsAssignedToMeOnTheBoardsAndTheFeed(FxRobot robot) throws Exception {
        desk.awaitLoaded(5);
        ListView<StoredMention> feed = desk.window.feedView().list();
        ListView<StoredMention> centreList = desk.window.boardsView()
                .columnView(desk.session.boards().column(centre)).list();
        ListView<StoredMention> unsorted = desk.window.boardsView()
                .columnView(desk.session.boards().column(null)).list();
        await(() -> centreList.getItems().size() == 2 && unsorted.getItems().size() == 3);
        ToggleButton toggle = robot.lookup("#mine-toggle").queryAs(ToggleButton.class);
        assertThat(toggle.isSelected()).isFalse();
        robot.clickOn(unsorted); // the keys work wherever the person is on the desk

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);

        await(() -> toggle.isSelected() && pks(feed).equals(List.of(mine)) && pks(centreList).equals(List.of(mine))
                && unsorted.getItems().isEmpty());
        assertThat(((Label) unsorted.getPlaceholder()).getText()).contains("배정된 건이 없습니다");
        assertThat(desk.session.boards().column(null).items()).as("the column keeps its cards").hasSize(3);

        // nothing assigned to me any more: the feed says so instead of looking like an empty desk
        desk.services.caseAssignments().assign(List.of(mine), null, "민지");
        robot.interact(() -> desk.session.mine().refresh());
        await(() -> feed.getItems().isEmpty() && centreList.getItems().isEmpty());
        assertThat(((Label) feed.getPlaceholder()).getText()).contains("나에게 배정된 건이 없습니다");

        // the same key, or the toolbar toggle, shows everything again
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> !toggle.isSelected() && feed.getItems().size() == 5 && centreList.getItems().size() == 2
                && unsorted.getItems().size() == 3);
        robot.clickOn(toggle);
        await(() -> toggle.isSelected() && feed.getItems().isEmpty());
    }
}
