package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.desk.kit.MentionCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Lists of whole cards, and scrolling them when every card fits (issue #8). */
@ExtendWith(ApplicationExtension.class)
class WholeCardsTest {
    private ListView<String> list;

    @Start
    void start(Stage stage) {
        list = new ListView<>(FXCollections.observableArrayList("a", "b", "c", "d", "e", "f"));
        list.setFixedCellSize(100);
        VBox box = new VBox(list) {
            @Override
            protected void layoutChildren() {
                list.setMaxHeight(MentionCell.wholeCardsHeight(list, getHeight()));
                super.layoutChildren();
            }
        };
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(box, 300, 560));
        // the shared test stage keeps a size another test class set by hand; this test needs the scene's size
        stage.sizeToScene();
        stage.show();
    }

    /** Items on screen, top to bottom, with their offsets in the list. */
    private List<String> shown() {
        List<String> out = new ArrayList<>();
        list.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c && c.isVisible()
                && c.getItem() != null).map(n -> (ListCell<?>) n).sorted(java.util.Comparator.comparingDouble(
                ListCell::getLayoutY)).forEach(c -> out.add(c.getItem() + "@" + Math.round(c.getLayoutY())));
        return out;
    }

    @Test
    void aListShowsWholeCardsAndScrollingAListWhoseCardsAllFitKeepsThemInPlace(FxRobot robot) {
        double inner = list.getHeight() - list.getInsets().getTop() - list.getInsets().getBottom();
        assertThat(inner).isEqualTo(500); // 560 px hold five whole cards of 100 (plus the list's border)

        robot.interact(() -> list.scrollTo(5));
        robot.interact(() -> list.getItems().remove(2)); // five cards left: they fit exactly
        robot.interact(() -> MentionCell.scrollTo(list, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown()).containsExactly("a@0", "b@100", "d@200", "e@300", "f@400");
    }
}
