package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Creating a category, editing its rules (bad expressions are caught in the editor), archiving, Post update. */
@ExtendWith(ApplicationExtension.class)
class CategoryManagementTest {
    private BoardsFixture f;

    @Start
    void start(Stage stage) {
        f = new BoardsFixture(List.of(Filing.unsorted(TempDesk.mention("x", "1001", "배터리가 너무 뜨거워요"))));
        f.show(stage);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void setText(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class).setText(text));
    }

    private Node okButton(FxRobot robot) {
        return robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.isDefaultButton()).query();
    }

    @Test
    void createEditRulesOfAndArchiveACategory(FxRobot robot) throws Exception {
        f.awaitLoaded(1);
        robot.clickOn("#board-add-category");
        await(() -> robot.lookup("#create-name").tryQuery().isPresent());
        setText(robot, "#create-name", "배송 지연");        // taken: OK stays disabled and says why
        assertThat(okButton(robot).isDisabled()).isTrue();
        setText(robot, "#create-name", "배터리 발열");
        assertThat(okButton(robot).isDisabled()).isFalse();
        robot.clickOn(okButton(robot));

        await(() -> f.services.categories().byName("배터리 발열").isPresent());
        Category battery = f.services.categories().byName("배터리 발열").orElseThrow();
        await(() -> f.session.boards().column(battery.id()) != null);
        List<ColumnModel> cols = f.session.boards().columns();
        // a new topic goes last among the topics; the customer centre stays the last column
        assertThat(cols.get(cols.size() - 2).categoryId()).isEqualTo(battery.id());
        assertThat(cols.get(cols.size() - 1).customerCentre()).isTrue();

        BoardsRobot boards = new BoardsRobot(robot, f.window);
        boards.reveal(boards.column("배터리 발열"));
        robot.clickOn("#column-menu-" + battery.id());
        robot.clickOn("키워드 규칙…");
        await(() -> robot.lookup("#rules-regexes").tryQuery().isPresent());
        setText(robot, "#rules-keywords", "발열\n뜨거워\n\n발열");
        setText(robot, "#rules-regexes", "온도\\s*\\d+\n(닫히지 않음");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(okButton(robot).isDisabled()).isTrue();
        assertThat(robot.lookup("#rules-problem").queryAs(Label.class).getText()).contains("2").contains("(닫히지 않음");
        setText(robot, "#rules-regexes", "온도\\s*\\d+");
        setText(robot, "#rules-exclusions", "발열 없음");
        assertThat(okButton(robot).isDisabled()).isFalse();
        robot.clickOn(okButton(robot));

        await(() -> !f.services.categories().byId(battery.id()).orElseThrow().rules().keywords().isEmpty());
        Category saved = f.services.categories().byId(battery.id()).orElseThrow();
        assertThat(saved.rules().keywords()).containsExactly("발열", "뜨거워");
        assertThat(saved.rules().regexes()).containsExactly("온도\\s*\\d+");
        assertThat(saved.rules().exclusions()).containsExactly("발열 없음");

        robot.clickOn("#column-menu-" + battery.id());
        robot.clickOn("보관(보드에서 내리기)…");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(okButton(robot));
        await(() -> f.services.categories().byId(battery.id()).orElseThrow().archived());
        await(() -> f.session.boards().column(battery.id()) == null);
        assertThat(robot.lookup("#column-" + battery.id()).tryQuery()).isEmpty();
    }

    private Node menuItem(FxRobot robot, String text) {
        return robot.lookup(".menu-item").match(n -> ((Node) n).lookup(".label") instanceof Label l
                && text.equals(l.getText())).query();
    }

    @Test
    void mergeThroughTheColumnMenuMovesTheCardsAndTheFeedFollows(FxRobot robot) throws Exception {
        f.awaitLoaded(1);
        long delivery = f.categoryId("배송 지연");
        long activation = f.categoryId("개통 오류");
        f.services.triage().move(List.of(f.stored("1001").pk()), delivery, "desk-a");
        robot.interact(() -> f.session.boards().reload());
        await(() -> f.session.boards().column(delivery) != null
                && f.session.boards().column(delivery).items().size() == 1);

        robot.clickOn("#column-menu-" + delivery);
        robot.clickOn(menuItem(robot, "다른 분류로 합치기"));
        robot.clickOn(menuItem(robot, "개통 오류"));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(okButton(robot));

        await(() -> f.services.categories().byId(delivery).orElseThrow().archived());
        assertThat(f.stored("1001").categoryId()).isEqualTo(activation);
        await(() -> f.session.boards().column(delivery) == null
                && f.session.boards().column(activation).items().size() == 1);
        await(() -> f.window.feedView().list().getItems().get(0).categoryId() == activation);
        assertThat(f.historyRows("reason = 'MERGE'")).isEqualTo(1);
    }

    @Test
    void postUpdateCallsTheComposersHookWithTheColumnsCategory(FxRobot robot) throws Exception {
        f.awaitLoaded(1);
        AtomicReference<Category> asked = new AtomicReference<>();
        robot.interact(() -> f.window.boardsView().setOnPostUpdate(asked::set));
        long delivery = f.categoryId("배송 지연");
        robot.clickOn("#column-menu-" + delivery);
        robot.clickOn("진행 공지 작성…");
        await(() -> asked.get() != null);
        assertThat(asked.get().name()).isEqualTo("배송 지연");
    }

    @Test
    void theDetailPaneShowsTheMentionsMoveHistory(FxRobot robot) throws Exception {
        f.awaitLoaded(1);
        BoardsRobot boards = new BoardsRobot(robot, f.window);
        robot.clickOn(boards.feedCard("1001"));
        boards.drag(boards.feedCard("1001")).to("배송 지연");
        await(() -> f.stored("1001").categoryId() != null);
        // the shown mention moved: the pane follows, with the history row
        await(() -> robot.lookup("#mention-history .history-move").tryQuery().isPresent());
        String row = robot.lookup("#mention-history .history-move").queryAs(Label.class).getText();
        assertThat(row).isEqualTo("미분류 → 배송 지연 · 수동");
        String who = robot.lookup("#mention-history .mention-time").queryAs(Label.class).getText();
        assertThat(who).contains("2026-10-17 12:30:00").contains(System.getProperty("user.name", "desk"));
        assertThat(robot.lookup("#detail-text").queryAs(TextArea.class).getText()).contains("뜨거워요");
    }
}
