package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
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

/**
 * Issue 21: two desks, each a real window with its own session and connections, on one database (an H2 file here,
 * PostgreSQL in {@link TwoDesksLivePgTest}): a move on desk A shows in desk B's open column within a second.
 */
@ExtendWith(ApplicationExtension.class)
class TwoDesksLiveTest {
    private static final String DELIVERY = "배송 지연";

    private BoardsFixture a;
    private BoardsFixture b;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        Instant t = Instant.parse("2026-10-17T03:00:00Z");
        for (int i = 0; i < 12; i++) {
            batch.add(new Filing(new Mention("x", String.valueOf(3001 + i), t.plusSeconds(30L * i), "user" + i, null,
                    "ko", "@desk_official 택배 문의 " + i, null, null, null), null, null, null, null, null));
        }
        a = new BoardsFixture(batch);
        a.show(stage);
        b = BoardsFixture.onTheDatabaseOf(a);
        b.showInASecondWindow();
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }

    @Test
    void aMoveOnDeskAShowsInDeskBsOpenColumnWithinASecond(FxRobot robot) throws Exception {
        a.awaitLoaded(12);
        b.awaitLoaded(12);
        assertThat(b.services.db().deskId()).isNotEqualTo(a.services.db().deskId());
        long delivery = a.categoryId(DELIVERY);
        ListView<StoredMention> bDelivery = b.window.boardsView().columnView(b.session.boards().column(delivery))
                .list();
        ListView<StoredMention> bUnsorted = b.window.boardsView().columnView(b.session.boards().column(null)).list();
        await(() -> bUnsorted.getItems().size() == 12);
        StoredMention picked = a.stored("3005");
        CompletableFuture<Long> shownAt = new CompletableFuture<>();
        robot.interact(() -> bDelivery.getItems().addListener((ListChangeListener<StoredMention>) c -> {
            if (bDelivery.getItems().stream().anyMatch(m -> m.pk() == picked.pk())) {
                shownAt.complete(System.nanoTime());
            }
        }));
        CompletableFuture<Void> moved = new CompletableFuture<>();
        long[] gesture = new long[1];
        robot.interact(() -> {
            gesture[0] = System.nanoTime(); // the drop on desk A (the same call its drop handler makes)
            a.session.boards().move(List.of(picked.pk()), delivery, r -> moved.complete(null));
        });
        moved.get(15, TimeUnit.SECONDS);
        // from the gesture on A, through its commit, to the card in B's column
        long ms = TimeUnit.NANOSECONDS.toMillis(shownAt.get(15, TimeUnit.SECONDS) - gesture[0]);
        System.out.printf("TwoDesksLiveTest: desk A's move shown on desk B after %d ms (%s)%n", ms,
                a.services.db().dialect());
        assertThat(ms).as("desk A's move in desk B's column after %d ms", ms).isLessThan(1000);
        await(() -> bUnsorted.getItems().stream().noneMatch(m -> m.pk() == picked.pk()));
        // desk B's feed shows the mention in its new category too, and B's database reading agrees
        await(() -> b.window.feedView().list().getItems().stream().anyMatch(m -> m.pk() == picked.pk()
                && Long.valueOf(delivery).equals(m.categoryId())));
        assertThat(b.services.mentions().find(picked.pk()).orElseThrow().categoryId()).isEqualTo(delivery);
    }
}
