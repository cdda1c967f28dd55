package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.MoveResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 22, "no collisions": two desks on one database (an H2 file; PostgreSQL in {@link TwoDesksStaleMovePgTest}).
 * 민지 at desk A files a card; 준호 at desk B, whose board still shows it in Unsorted, moves it too. B's move is
 * refused and B is told in the boards' message line who moved it where and how long ago, with no dialog and the focus
 * where it was; the card stays where 민지 put it, on both desks.
 */
@ExtendWith(ApplicationExtension.class)
class TwoDesksStaleMoveTest {
    private static final String DELIVERY = "배송 지연";
    private static final String ACTIVATION = "개통 오류";

    private BoardsFixture a;
    private BoardsFixture b;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-10-17T03:00:00Z");
        for (int i = 0; i < 6; i++) {
            batch.add(new Filing(new Mention("x", String.valueOf(4001 + i), t.plusSeconds(30L * i), "user" + i, null,
                    "ko", "@desk_official 개통 문의 " + i, null, null, null), null, null, null, null, null));
        }
        a = new BoardsFixture(batch);
        a.services.person().save("민지", "minji");
        a.show(stage);
        b = BoardsFixture.onTheDatabaseOf(a);
        b.services.person().save("준호", "junho");
        b.showInASecondWindow();
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }

    @Test
    void deskBsStaleMoveIsRefusedAndToldWhoMovedItWhereAndWhen(FxRobot robot) throws Exception {
        a.awaitLoaded(6);
        b.awaitLoaded(6);
        long activation = a.categoryId(ACTIVATION);
        long delivery = a.categoryId(DELIVERY);
        StoredMention picked = a.stored("4003");
        ListView<StoredMention> bUnsorted = b.window.boardsView().columnView(b.session.boards().column(null)).list();
        ListView<StoredMention> bActivation = b.window.boardsView().columnView(b.session.boards().column(activation))
                .list();
        await(() -> bUnsorted.getItems().stream().anyMatch(m -> m.pk() == picked.pk()));
        robot.interact(bUnsorted::requestFocus);
        Node focusedBefore = bUnsorted.getScene().getFocusOwner();
        int windowsBefore = Window.getWindows().size();

        CompletableFuture<MoveResult> told = new CompletableFuture<>();
        robot.interact(() -> {
            // 민지 files it at desk A; in this same FX turn desk B cannot have heard of it yet, so 준호's drop is made
            // on the board as B still shows it (the same call B's drop and digit keys make)
            Map<Long, Long> seen = new HashMap<>();
            seen.put(picked.pk(), null);
            a.services.triage().move(List.of(picked.pk()), seen, activation, a.services.person().name());
            a.clock.advance(Duration.ofSeconds(2));
            b.session.boards().move(List.of(picked.pk()), delivery, told::complete);
        });
        MoveResult r = told.get(15, TimeUnit.SECONDS);

        assertThat(r.isEmpty()).isTrue();
        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.by()).isEqualTo("민지"));
        Label message = robot.lookup("#board-message").match(n -> n.getScene() == bUnsorted.getScene())
                .queryAs(Label.class);
        assertThat(message.getText()).contains(ACTIVATION).contains("민지").contains("2초 전");
        assertThat(message.getPseudoClassStates().toString()).contains("error");
        assertThat(Window.getWindows()).as("no dialog").hasSize(windowsBefore);
        assertThat(bUnsorted.getScene().getFocusOwner()).as("the focus stays").isSameAs(focusedBefore);
        // the card is where 민지 put it, in the database and on desk B's board
        assertThat(b.services.mentions().find(picked.pk()).orElseThrow().categoryId()).isEqualTo(activation);
        await(() -> bActivation.getItems().stream().anyMatch(m -> m.pk() == picked.pk())
                && bUnsorted.getItems().stream().noneMatch(m -> m.pk() == picked.pk()));
        assertThat(b.session.boards().column(delivery).items()).noneMatch(m -> m.pk() == picked.pk());
        assertThat(b.historyRows("mention_pk = " + picked.pk())).as("only 민지's move is in the history")
                .isEqualTo(1);
        // and 준호 has nothing of his own to undo: 민지's move is not his
        robot.interact(() -> b.session.boards().undo());
        await(() -> message.getText().equals("취소할 이동이 없습니다."));
        assertThat(b.services.mentions().find(picked.pk()).orElseThrow().categoryId()).isEqualTo(activation);
    }
}
