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
    void aFlushOfArrivalsIsOneListChangeAndABurstComesAtMostOnceASecond(FxRobot robot) throws Exception {
        assertThat(board.list.getItems()).hasSize(ColumnModel.WINDOW); // full: arrivals push the oldest out
        java.util.List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        StoredMention template = board.list.getItems().get(0);
        ColumnModel col = board.model.columns().get(0);
        long before = col.totalProperty().get();
        int[] changesAtOnce = new int[1];
        robot.interact(() -> {
            board.list.getItems().addListener((javafx.collections.ListChangeListener<StoredMention>) c -> {
                StringBuilder parts = new StringBuilder();
                while (c.next()) {
                    parts.append(c.wasAdded() ? "+" + c.getAddedSize() + "@" + c.getFrom() : "")
                            .append(c.wasRemoved() ? "-" + c.getRemovedSize() : "");
                }
                changes.add(parts.toString());
            });
            // three flushes of a burst, back to back on the FX thread
            board.model.arrived(cards(template, 30_001, 3));
            board.model.arrived(cards(template, 30_010, 1));
            board.model.arrived(cards(template, 30_011, 1));
            changesAtOnce[0] = changes.size();
        });
        // the first at once, as one change (cards on top, as many of the oldest dropped)
        assertThat(changesAtOnce[0]).isEqualTo(1);
        assertThat(changes.get(0)).isEqualTo("+3@0-3");
        assertThat(col.totalProperty().get()).isEqualTo(before + 5); // the header counts all at once
        // the next two together, once the column's pause is over
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> changes.size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(changes).containsExactly("+3@0-3", "+2@0-2");
        assertThat(board.list.getItems()).hasSize(ColumnModel.WINDOW);
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(30_011);

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

    @Test
    void aFlushPutsItsColumnsOnOnePerPulseAndAMoveWaitsForNone(FxRobot robot) throws Exception {
        StoredMention template = board.list.getItems().get(0);
        org.crisisdesk.triage.Category other = board.services.categories().active().stream()
                .filter(c -> c.id() != template.categoryId()).findFirst().orElseThrow();
        ColumnModel second = new ColumnModel(other);
        robot.interact(() -> board.model.columns().add(second));
        StoredMention forSecond = new StoredMention(40_002, template.mention(), template.receivedAt(), other.id(),
                "AUTO", null, null, null, null);
        int[] secondAtOnce = new int[1];
        robot.interact(() -> {
            board.model.arrived(java.util.List.of(cards(template, 40_001, 1).get(0), forSecond));
            secondAtOnce[0] = second.items().size();
        });
        assertThat(board.list.getItems().get(0).pk()).as("the first column at once").isEqualTo(40_001);
        assertThat(secondAtOnce[0]).as("the second not in the same frame").isZero();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !second.items().isEmpty());
        assertThat(second.items()).extracting(StoredMention::pk).containsExactly(40_002L);

        // a held-back column is put on before anything reads the columns (a move, say)
        StoredMention third = new StoredMention(40_004, template.mention(), template.receivedAt(), other.id(), "AUTO",
                null, null, null, null);
        robot.interact(() -> {
            board.model.arrived(cards(template, 40_003, 1)); // within the pause: held back
            board.model.arrived(java.util.List.of(third));
            board.model.flushArrivals();
            assertThat(board.list.getItems().get(0).pk()).isEqualTo(40_003);
            assertThat(second.items().get(0).pk()).isEqualTo(40_004);
        });
    }

    @Test
    void aBurstKeepsTheCardsStillWithNNewUntilThePersonAsks(FxRobot robot) throws Exception {
        StoredMention template = board.list.getItems().get(0);
        ColumnModel col = board.model.columns().get(0);
        StoredMention top = board.list.getItems().get(0);
        long before = col.totalProperty().get();
        robot.interact(() -> board.model.arrived(cards(template, 60_001, 40))); // more than the column shows
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button pill = robot.lookup("#column-new-pill-" + col.key())
                .queryAs(javafx.scene.control.Button.class);
        assertThat(board.list.getItems().get(0)).as("the cards in view stay").isSameAs(top);
        assertThat(col.totalProperty().get()).as("the header counts them at once").isEqualTo(before + 40);
        assertThat(pill.isVisible()).isTrue();
        assertThat(pill.getText()).contains("40");

        robot.clickOn(pill);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(60_040);
        assertThat(pill.isVisible()).isFalse();
        assertThat(visibleItems(robot, new HashSet<>()).pk()).as("the newest card on top").isEqualTo(60_040);

        // the burst goes on; Home in the column shows the newest again
        robot.interact(() -> board.model.arrived(cards(template, 61_001, 40)));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> col.waitingProperty().get() == 40);
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(60_040);
        robot.clickOn(board.list);
        robot.type(javafx.scene.input.KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.list.getItems().get(0).pk()).isEqualTo(61_040);
        assertThat(col.waitingProperty().get()).isZero();
    }

    private static java.util.List<StoredMention> cards(StoredMention like, long firstPk, int n) {
        java.util.List<StoredMention> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new StoredMention(firstPk + i, like.mention(), like.receivedAt(), like.categoryId(), "AUTO", null,
                    null, null, null));
        }
        return out;
    }

    /** The first visible card's mention; every cell node met is remembered. */
    private StoredMention visibleItems(FxRobot robot, Set<Node> seen) {
        StoredMention first = null;
        int firstIndex = Integer.MAX_VALUE;
        for (Node n : board.list.lookupAll(".board-cell")) {
            seen.add(n);
            if (n instanceof ListCell<?> c && BoardsRobot.onScreen(c, board.list) && !c.isEmpty()
                    && c.getIndex() < firstIndex
                    && c.getItem() instanceof StoredMention m) {
                firstIndex = c.getIndex();
                first = m;
            }
        }
        return first;
    }
}
