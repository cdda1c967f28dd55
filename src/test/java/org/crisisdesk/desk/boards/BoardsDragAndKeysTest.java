package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drag and drop and the filing keys on a real window (headless Monocle) over a real H2 file. Every test checks the
 * database, not only the screen.
 */
@ExtendWith(ApplicationExtension.class)
class BoardsDragAndKeysTest {
    private static final String DELIVERY = "배송 지연";
    private static final String ACTIVATION = "개통 오류";

    private BoardsFixture f;
    private BoardsRobot boards;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-10-17T03:00:00Z");
        String[] texts = {"택배 언제 와요", "송장 조회가 안 돼요", "eSIM QR 오류", "유심비 27,500원?", "주문번호 주소 변경",
            "재고 있나요"};
        for (int i = 0; i < texts.length; i++) {
            Long suggestion = i == 2 ? 2L : null; // the engine was unsure about 1003
            batch.add(new Filing(new Mention("x", String.valueOf(1001 + i), t.plusSeconds(60L * i), "user" + i, null,
                    "ko", "@desk_official " + texts[i], null, null, null), null, null, suggestion,
                    suggestion == null ? null : 0.41, suggestion == null ? null : "matched: esim"));
        }
        f = new BoardsFixture(batch);
        f.show(stage);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private BoardsRobot boards(FxRobot robot) throws Exception {
        f.awaitLoaded(6);
        boards = new BoardsRobot(robot, f.window);
        return boards;
    }

    private Long categoryOf(String platformId) {
        return f.stored(platformId).categoryId();
    }

    private boolean shows(String column, String platformId) {
        ListView<StoredMention> list = boards.list(column);
        return list.getItems().stream().anyMatch(m -> m.platformId().equals(platformId));
    }

    @Test
    void dragFromTheFeedFilesTheMentionAndItIsStoredBeforeItShows(FxRobot robot) throws Exception {
        boards(robot);
        long delivery = f.categoryId(DELIVERY);
        // the moment the card appears in the column, the database must already say so
        List<Long> storedWhenShown = new CopyOnWriteArrayList<>();
        robot.interact(() -> boards.list(DELIVERY).getItems().addListener((ListChangeListener<StoredMention>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(m -> storedWhenShown.add(f.stored(m.platformId()).categoryId()));
            }
        }));

        boards.drag(boards.feedCard("1001")).to(DELIVERY);

        await(() -> shows(DELIVERY, "1001"));
        assertThat(storedWhenShown).containsExactly(delivery);
        assertThat(categoryOf("1001")).isEqualTo(delivery);
        assertThat(f.stored("1001").assignedBy()).isEqualTo("MANUAL");
        assertThat(f.historyRows("reason = 'MANUAL' AND to_category = " + delivery)).isEqualTo(1);
        assertThat(shows(BoardsRobot.UNSORTED, "1001")).isFalse();
        // the feed card follows without a reload: same list position, new category
        await(() -> window().feedView().list().getItems().stream()
                .anyMatch(m -> m.platformId().equals("1001") && Long.valueOf(delivery).equals(m.categoryId())));
        // and the header counts it
        assertThat(f.session.boards().column(delivery).totalProperty().get()).isEqualTo(1);
    }

    @Test
    void dragBetweenColumnsAndBackToUnsorted(FxRobot robot) throws Exception {
        boards(robot);
        boards.drag(boards.columnCard(BoardsRobot.UNSORTED, "1002")).to(DELIVERY);
        await(() -> shows(DELIVERY, "1002"));

        boards.drag(boards.columnCard(DELIVERY, "1002")).to(ACTIVATION);
        await(() -> shows(ACTIVATION, "1002"));
        assertThat(categoryOf("1002")).isEqualTo(f.categoryId(ACTIVATION));
        assertThat(shows(DELIVERY, "1002")).isFalse();

        boards.drag(boards.columnCard(ACTIVATION, "1002")).to(BoardsRobot.UNSORTED);
        await(() -> shows(BoardsRobot.UNSORTED, "1002"));
        assertThat(categoryOf("1002")).isNull();
        assertThat(f.stored("1002").assignedBy()).isNull();
        assertThat(f.services.triage().history(f.stored("1002").pk())).extracting(e -> e.toName())
                .containsExactly(DELIVERY, ACTIVATION, null);
    }

    @Test
    void aMultiSelectionDragsAsOneMove(FxRobot robot) throws Exception {
        boards(robot);
        boards.select(boards.feedCard("1004"), boards.feedCard("1005"), boards.feedCard("1006"));
        assertThat(window().feedView().list().getSelectionModel().getSelectedItems()).hasSize(3);

        boards.drag(boards.feedCard("1005")).to(ACTIVATION);

        await(() -> shows(ACTIVATION, "1004") && shows(ACTIVATION, "1005") && shows(ACTIVATION, "1006"));
        long activation = f.categoryId(ACTIVATION);
        for (String id : List.of("1004", "1005", "1006")) {
            assertThat(categoryOf(id)).isEqualTo(activation);
        }
        // one gesture: one move group holding three history rows, undone at once
        String groupsAndRows = f.services.db().inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(DISTINCT move_group), COUNT(*) FROM assignment WHERE reason = 'MANUAL'")) {
                rs.next();
                return rs.getInt(1) + "/" + rs.getInt(2);
            }
        });
        assertThat(groupsAndRows).isEqualTo("1/3");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(() -> !shows(ACTIVATION, "1004") && !shows(ACTIVATION, "1006"));
        for (String id : List.of("1004", "1005", "1006")) {
            assertThat(categoryOf(id)).isNull();
        }
    }

    @Test
    void anInvalidDropChangesNothing(FxRobot robot) throws Exception {
        boards(robot);
        boards.drag(boards.feedCard("1001")).to(DELIVERY);
        await(() -> shows(DELIVERY, "1001"));
        long rows = f.historyRows("1=1");

        // onto its own column, and onto the feed (which takes no drops)
        boards.drag(boards.columnCard(DELIVERY, "1001")).to(DELIVERY);
        boards.drag(boards.columnCard(DELIVERY, "1001")).toNode(window().feedView().list());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(f.historyRows("1=1")).isEqualTo(rows);
        assertThat(categoryOf("1001")).isEqualTo(f.categoryId(DELIVERY));
        assertThat(shows(DELIVERY, "1001")).isTrue();
    }

    @Test
    void keyOneFilesTheSelectionAndCtrlZUndoesIt(FxRobot robot) throws Exception {
        boards(robot);
        robot.clickOn(boards.feedCard("1003"));
        robot.type(KeyCode.DIGIT1);   // the first column after Unsorted: 배송 지연

        long delivery = f.categoryId(DELIVERY);
        await(() -> shows(DELIVERY, "1003"));
        assertThat(categoryOf("1003")).isEqualTo(delivery);
        // filing moved the selection on to the next card, ready for the next key
        assertThat(window().feedView().list().getSelectionModel().getSelectedItem().platformId()).isEqualTo("1002");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(() -> shows(BoardsRobot.UNSORTED, "1003") && !shows(DELIVERY, "1003"));
        assertThat(categoryOf("1003")).isNull();
        assertThat(f.historyRows("reason = 'UNDO'")).isEqualTo(1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> shows(DELIVERY, "1003"));
        assertThat(categoryOf("1003")).isEqualTo(delivery);
        assertThat(f.historyRows("reason = 'REDO'")).isEqualTo(1);
    }

    @Test
    void inUnsortedOnlyTheFeedEmptiesAsMentionsAreFiled(FxRobot robot) throws Exception {
        boards(robot);
        robot.clickOn("#feed-category");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("미분류")).queryLabeled());
        await(() -> f.session.feed().categoryProperty().get().unsorted()
                && window().feedView().list().getItems().size() == 6);
        robot.clickOn(boards.feedCard("1006"));
        robot.type(KeyCode.DIGIT2);
        await(() -> window().feedView().list().getItems().size() == 5);
        assertThat(categoryOf("1006")).isEqualTo(f.categoryId(ACTIVATION));
        // the next card is selected at once: keep pressing keys
        assertThat(window().feedView().list().getSelectionModel().getSelectedItem().platformId()).isEqualTo("1005");
        robot.type(KeyCode.DIGIT2);
        await(() -> window().feedView().list().getItems().size() == 4);
        assertThat(categoryOf("1005")).isEqualTo(f.categoryId(ACTIVATION));
        assertThat(window().feedView().list().getItems()).noneMatch(m -> m.platformId().equals("1005"));
    }

    @Test
    void aAcceptsTheSuggestionAndMMovesThroughThePicker(FxRobot robot) throws Exception {
        boards(robot);
        robot.clickOn(boards.columnCard(BoardsRobot.UNSORTED, "1003"));
        robot.type(KeyCode.A);
        await(() -> shows(ACTIVATION, "1003"));
        assertThat(categoryOf("1003")).isEqualTo(2L);
        assertThat(f.services.triage().history(f.stored("1003").pk()).get(0).accepted()).isTrue();

        robot.clickOn(boards.columnCard(BoardsRobot.UNSORTED, "1006"));
        robot.type(KeyCode.M);
        await(() -> robot.lookup("#move-picker-filter").tryQuery().isPresent());
        // (the glass robot types no Hangul; the filter text is set as an input method would)
        robot.interact(() -> robot.lookup("#move-picker-filter").queryAs(javafx.scene.control.TextField.class)
                .setText("재고"));
        assertThat(robot.lookup("#move-picker-list").queryListView().getItems()).hasSize(1);
        robot.type(KeyCode.ENTER);
        await(() -> shows("매장 재고", "1006"));
        assertThat(categoryOf("1006")).isEqualTo(f.categoryId("매장 재고"));
    }

    @Test
    void mOpensThePickerWithAnEmptyFilterAndEveryPlace(FxRobot robot) throws Exception {
        boards(robot);
        robot.clickOn(boards.columnCard(BoardsRobot.UNSORTED, "1006"));
        robot.type(KeyCode.M);
        await(() -> robot.lookup("#move-picker-filter").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField filter = robot.lookup("#move-picker-filter")
                .queryAs(javafx.scene.control.TextField.class);
        assertThat(filter.getText()).isEmpty();
        assertThat(robot.lookup("#move-picker-list").queryListView().getItems())
                .hasSize(f.session.boards().targets().size());
        // the next "m" is the person's own and filters
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getText()).isEqualTo("m");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void slashFocusesTheSearchWithoutTypingItself(FxRobot robot) throws Exception {
        boards(robot);
        robot.clickOn(boards.columnCard(BoardsRobot.UNSORTED, "1006"));
        robot.type(KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField search = robot.lookup("#feed-search").queryAs(javafx.scene.control.TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("유심비");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEqualTo("유심비");
    }

    @Test
    void draggingAColumnHeaderReordersTheTopics(FxRobot robot) throws Exception {
        boards(robot);
        long delivery = f.categoryId(DELIVERY);
        long activation = f.categoryId(ACTIVATION);

        // 개통 오류 dropped on the left half of 배송 지연: it goes first
        javafx.scene.Node target = boards.column(DELIVERY);
        boards.reveal(target);
        robot.drag(boards.header(ACTIVATION), javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(robot.point(target).atPosition(javafx.geometry.Pos.CENTER_LEFT)
                        .atOffset(new javafx.geometry.Point2D(20, 0)));
        WaitForAsyncUtils.waitForFxEvents();

        await(() -> f.services.categories().active().get(0).id() == activation);
        assertThat(f.services.categories().active().get(1).id()).isEqualTo(delivery);
        assertThat(f.session.boards().columns().get(1).categoryId()).isEqualTo(activation);
        // digit 1 now files into 개통 오류
        assertThat(f.session.boards().column(activation).keyProperty().get()).isEqualTo(1);
    }

    private org.crisisdesk.desk.MainWindow window() {
        return f.window;
    }
}
