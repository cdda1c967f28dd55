package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.crisisdesk.mention.StoredMention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A column of 10,000 cards builds only the cards on screen and reuses them while scrolling, so its cost does not
 * grow with the column. (Timings: ColumnScrollBench, tag "bench".)
 */
@ExtendWith(ApplicationExtension.class)
class ColumnVirtualizationTest {
    private final TenThousandCards board = new TenThousandCards();

    @Start
    void start(Stage stage) {
        board.show(stage);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void tenThousandCardsAreShownThroughAFewReusedCells(FxRobot robot) {
        Set<Node> cellsSeen = new HashSet<>();
        for (int at : new int[] {0, 2_500, 5_000, 7_500, 9_990, 4_000, 0}) {
            robot.interact(() -> {
                board.list.scrollTo(at);
                board.list.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            StoredMention shown = visibleItems(robot, cellsSeen);
            assertThat(shown).as("a card near %d is on screen", at).isNotNull();
            assertThat(shown.platformId()).isEqualTo(String.valueOf(100_000 + at));
        }
        // a window of 760 px holds about ten cards; the flow keeps a few spare ones
        assertThat(cellsSeen).hasSizeLessThan(40);
    }

    @Test
    void liveArrivalsDoNotSlideTheCardsAPersonIsLookingAt(FxRobot robot) {
        robot.interact(() -> {
            board.list.scrollTo(5_000);
            board.list.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        StoredMention before = visibleItems(robot, new HashSet<>());
        StoredMention template = board.list.getItems().get(0);
        robot.interact(() -> {
            board.model.arrived(java.util.List.of(
                    new StoredMention(20_001, template.mention(), template.receivedAt(), template.categoryId(), "AUTO",
                            null, null, null, null),
                    new StoredMention(20_002, template.mention(), template.receivedAt(), template.categoryId(), "AUTO",
                            null, null, null, null)));
            board.list.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(20_002);
        assertThat(visibleItems(robot, new HashSet<>())).isSameAs(before);
    }

    @Test
    void aFlushOfArrivalsIsOneListChangeAndCardsHaveOneFixedHeight(FxRobot robot) {
        assertThat(board.list.getItems()).hasSize(ColumnModel.WINDOW); // full: arrivals push the oldest out
        java.util.List<String> changes = new java.util.ArrayList<>();
        StoredMention template = board.list.getItems().get(0);
        robot.interact(() -> {
            board.list.getItems().addListener((javafx.collections.ListChangeListener<StoredMention>) c -> {
                StringBuilder parts = new StringBuilder();
                while (c.next()) {
                    parts.append(c.wasAdded() ? "+" + c.getAddedSize() + "@" + c.getFrom() : "")
                            .append(c.wasRemoved() ? "-" + c.getRemovedSize() : "");
                }
                changes.add(parts.toString());
            });
            java.util.List<StoredMention> batch = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                batch.add(new StoredMention(30_000 + i, template.mention(), template.receivedAt(),
                        template.categoryId(), "AUTO", null, null, null, null));
            }
            board.model.arrived(batch);
        });
        assertThat(changes).containsExactly("+3@0-3");
        assertThat(board.list.getItems()).hasSize(ColumnModel.WINDOW);
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(30_003);
        // one height for every card, so the list never measures their wrapped text
        assertThat(board.list.getFixedCellSize()).isGreaterThan(60);
        Set<Double> heights = new HashSet<>();
        for (Node n : board.list.lookupAll(".board-cell")) {
            if (n instanceof ListCell<?> c && c.isVisible() && !c.isEmpty()) {
                heights.add(c.getHeight());
            }
        }
        assertThat(heights).containsExactly(board.list.getFixedCellSize());
    }

    /** The first visible card's mention; every cell node met is remembered. */
    private StoredMention visibleItems(FxRobot robot, Set<Node> seen) {
        StoredMention first = null;
        int firstIndex = Integer.MAX_VALUE;
        for (Node n : board.list.lookupAll(".board-cell")) {
            seen.add(n);
            if (n instanceof ListCell<?> c && c.isVisible() && !c.isEmpty() && c.getIndex() < firstIndex
                    && c.getItem() instanceof StoredMention m) {
                firstIndex = c.getIndex();
                first = m;
            }
        }
        return first;
    }
}
