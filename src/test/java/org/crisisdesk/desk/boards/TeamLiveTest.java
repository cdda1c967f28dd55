package org.crisisdesk.desk.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.desk.boards.BoardsRobot.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.Facts;
import org.crisisdesk.alert.Finding;
import org.crisisdesk.alert.Reason;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.IngestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21: two desks, each a real window with its own session and connections, on one database (an H2 file here,
 * PostgreSQL in {@link TeamLivePgTest}). What the collector on desk A stores shows on desk B within a second, in the
 * feed and the columns, without a reload and keeping B's selection; alert states set on A (raised, snoozed,
 * dismissed) move B's bell, alert list and cards within a second.
 */
@ExtendWith(ApplicationExtension.class)
class TeamLiveTest {
    private static final String DELIVERY = "배송 지연";
    private static final Instant T = Instant.parse("2026-10-17T03:00:00Z");

    private BoardsFixture a;
    private BoardsFixture b;

    @Start
    void start(Stage stage) {
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(Filing.unsorted(mention(4001 + i, "택배 문의 " + i)));
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

    private static Mention mention(int id, String text) {
        return new Mention("x", String.valueOf(id), T.plusSeconds(30L * (id - 4000)), "user" + id, null, "ko",
                "@desk_official " + text, null, null, null);
    }

    private static boolean showsAll(ListView<StoredMention> list, Set<Long> pks) {
        return list.getItems().stream().map(StoredMention::pk).collect(Collectors.toSet()).containsAll(pks);
    }

    @Test
    void mentionsTheCollectorOnDeskAStoresShowOnDeskBWithinASecondKeepingItsSelection(FxRobot robot)
            throws Exception {
        a.awaitLoaded(12);
        b.awaitLoaded(12);
        long delivery = a.categoryId(DELIVERY);
        ListView<StoredMention> bFeed = b.window.feedView().list();
        ListView<StoredMention> bUnsorted = b.window.boardsView().columnView(b.session.boards().column(null)).list();
        ListView<StoredMention> bDelivery = b.window.boardsView().columnView(b.session.boards().column(delivery))
                .list();
        await(() -> bUnsorted.getItems().size() == 12);
        StoredMention feedCard = bFeed.getItems().get(3);

        // desk A holds the collector lease: a batch arrives, two of it auto-filed, three for Unsorted
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Mention m = mention(4101 + i, "새 멘션 " + i);
            batch.add(i < 2 ? new Filing(m, delivery, IngestPipeline.AUTO, delivery, 0.97, "배송") : Filing.unsorted(m));
        }
        CompletableFuture<Long> shownAt = new CompletableFuture<>();
        Set<String> expected = Set.of("4101", "4102", "4103", "4104", "4105");
        robot.interact(() -> bFeed.getItems().addListener((ListChangeListener<StoredMention>) c -> {
            if (bFeed.getItems().stream().map(StoredMention::platformId).collect(Collectors.toSet())
                    .containsAll(expected)) {
                shownAt.complete(System.nanoTime());
            }
        }));
        long t0 = System.nanoTime();
        List<StoredMention> stored = a.services.mentions().ingest(batch, new Checkpoint("x", "4105"),
                IngestPipeline.AUTO);
        assertThat(stored).hasSize(5);
        long ms = TimeUnit.NANOSECONDS.toMillis(shownAt.get(15, TimeUnit.SECONDS) - t0);
        System.out.printf("TeamLiveTest: desk A's stored batch shown on desk B after %d ms (%s)%n", ms,
                a.services.db().dialect());
        assertThat(ms).as("desk A's batch in desk B's feed after %d ms", ms).isLessThan(1000);

        Set<Long> filed = Set.of(stored.get(0).pk(), stored.get(1).pk());
        Set<Long> unsorted = Set.of(stored.get(2).pk(), stored.get(3).pk(), stored.get(4).pk());
        await(() -> showsAll(bDelivery, filed) && showsAll(bUnsorted, unsorted));
        robot.interact(() -> {
            // no reload: the cards already shown are the very same objects
            assertThat(bFeed.getItems()).anySatisfy(m -> assertThat(m).isSameAs(feedCard));
            assertThat(bFeed.getItems()).hasSize(17);
            assertThat(bFeed.getItems().stream().map(StoredMention::pk).distinct().count()).isEqualTo(17);
            assertThat(bUnsorted.getItems()).hasSize(15).noneMatch(m -> filed.contains(m.pk()));
            assertThat(bDelivery.getItems()).hasSize(2);
        });

        // the person at desk B looks at a card in the middle of Unsorted while the next batch comes
        robot.interact(() -> bUnsorted.getSelectionModel().select(7));
        StoredMention selected = bUnsorted.getSelectionModel().getSelectedItem();
        List<Filing> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            next.add(Filing.unsorted(mention(4201 + i, "다음 멘션 " + i)));
        }
        List<StoredMention> more = a.services.mentions().ingest(next, new Checkpoint("x", "4203"),
                IngestPipeline.AUTO);
        Set<Long> morePks = more.stream().map(StoredMention::pk).collect(Collectors.toSet());
        await(() -> showsAll(bUnsorted, morePks));
        robot.interact(() -> {
            assertThat(bUnsorted.getSelectionModel().getSelectedItem()).isSameAs(selected);
            assertThat(bUnsorted.getItems()).hasSize(18);
            // the feed holds new cards while the person looks at one: counted on its "N new" pill, or shown
            assertThat(showsAll(bFeed, morePks) || b.session.feed().newCountProperty().get() == 3).isTrue();
        });

        // one change-log row for the batch, naming exactly its keys; a batch delivered again adds none
        long min = stored.stream().mapToLong(StoredMention::pk).min().getAsLong();
        long max = stored.stream().mapToLong(StoredMention::pk).max().getAsLong();
        List<List<Long>> rows = mentionRows(); // the fixture's first batch, this one, the next one
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEqualTo(List.of(min, max));
        assertThat(a.services.mentions().ingest(batch, new Checkpoint("x", "4105"), IngestPipeline.AUTO)).isEmpty();
        assertThat(mentionRows()).isEqualTo(rows);
    }

    /** The MENTIONS rows of the change log, as [from, to]. */
    private List<List<Long>> mentionRows() {
        return a.services.db().inTransaction(c -> {
            List<List<Long>> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT entity_id, entity_to FROM change_log WHERE kind = 'MENTIONS' ORDER BY id")) {
                while (rs.next()) {
                    out.add(List.of(rs.getLong(1), rs.getLong(2)));
                }
            }
            return out;
        });
    }

    @Test
    void alertStatesSetOnDeskAMoveDeskBsBellListAndCardsWithinASecond(FxRobot robot) throws Exception {
        a.awaitLoaded(12);
        b.awaitLoaded(12);
        // only the other desk changes the alerts here: the desks' own watches would race the test's steps
        a.services.alerts().stop();
        b.services.alerts().stop();
        long delivery = a.categoryId(DELIVERY);
        Button bell = (Button) b.window.lookup("#alerts-button");
        assertThat(bell.getText()).isEqualTo("0");

        java.util.concurrent.BlockingQueue<Long> bellChanged = new java.util.concurrent.LinkedBlockingQueue<>();
        robot.interact(() -> bell.textProperty().addListener((o, was, now) -> bellChanged.add(System.nanoTime())));
        long t0 = System.nanoTime();
        Alert raised = a.services.alerts().store().raise(new Finding(delivery, Reason.VOLUME, 1, Facts.NONE,
                "35 mentions in 10 min"), DELIVERY, "watch", a.clock.instant());
        long ms = TimeUnit.NANOSECONDS.toMillis(bellChanged.poll(15, TimeUnit.SECONDS) - t0);
        await(() -> "1".equals(bell.getText()) && card(robot, raised.id()));
        assertThat(ms).as("raised on A, on B's bell after %d ms", ms).isLessThan(1000);

        t0 = System.nanoTime();
        a.services.alerts().dismiss(raised.id(), "민지");
        ms = TimeUnit.NANOSECONDS.toMillis(bellChanged.poll(15, TimeUnit.SECONDS) - t0);
        await(() -> "0".equals(bell.getText()) && !card(robot, raised.id()) && state(raised.id()) == AlertState.DISMISSED);
        System.out.printf("TeamLiveTest: an alert dismissed on desk A left desk B after %d ms (%s)%n", ms,
                a.services.db().dialect());
        assertThat(ms).as("dismissed on A, gone from B's bell and cards after %d ms", ms).isLessThan(1000);

        Alert other = a.services.alerts().store().raise(new Finding(delivery, Reason.CADENCE, 1, Facts.NONE,
                "no notice for 60 min"), DELIVERY, "watch", a.clock.instant());
        await(() -> "1".equals(bell.getText()) && card(robot, other.id()));
        bellChanged.clear();
        t0 = System.nanoTime();
        a.services.alerts().snooze(other.id(), java.time.Duration.ofMinutes(15), "민지");
        ms = TimeUnit.NANOSECONDS.toMillis(bellChanged.poll(15, TimeUnit.SECONDS) - t0);
        await(() -> "0".equals(bell.getText()) && !card(robot, other.id()) && state(other.id()) == AlertState.SNOOZED);
        assertThat(ms).as("snoozed on A, quiet on B after %d ms", ms).isLessThan(1000);
        // B's column header counts the snoozed alert as A's does
        await(() -> b.session.alerts().column(delivery).get().snoozed() == 1);
    }

    @Test
    void shiftNotesAndCategoryEditsOnDeskAShowOnDeskBWithinASecond(FxRobot robot) throws Exception {
        a.awaitLoaded(12);
        b.awaitLoaded(12);
        // the shift's notes, in desk B's open handover review
        var shift = a.services.shifts().start("민지", "", java.time.ZoneId.of("Asia/Seoul"));
        a.clock.advance(java.time.Duration.ofMinutes(30)); // the review shows a shift under way
        a.services.shifts().saveNotes(shift.id(), "첫 메모");
        javafx.stage.Stage review = WaitForAsyncUtils.asyncFx(() -> b.window.openHandover()).get(10, TimeUnit.SECONDS);
        javafx.scene.control.TextArea notes = (javafx.scene.control.TextArea) review.getScene()
                .lookup("#handover-notes");
        await(() -> "첫 메모".equals(notes.getText()));
        CompletableFuture<Long> notesShown = new CompletableFuture<>();
        robot.interact(() -> notes.textProperty().addListener((o, was, now) -> {
            if (now.equals("물류팀 답변 대기 중")) {
                notesShown.complete(System.nanoTime());
            }
        }));
        long t0 = System.nanoTime();
        a.services.shifts().saveNotes(shift.id(), "물류팀 답변 대기 중");
        long ms = TimeUnit.NANOSECONDS.toMillis(notesShown.get(15, TimeUnit.SECONDS) - t0);
        assertThat(ms).as("notes saved on A in B's review after %d ms", ms).isLessThan(1000);
        robot.interact(review::close);

        // a new category, renamed, then archived: desk B's columns follow
        CompletableFuture<Long> columnShown = new CompletableFuture<>();
        robot.interact(() -> b.session.boards().columns().addListener((ListChangeListener<ColumnModel>) c -> {
            if (b.session.boards().columns().stream().anyMatch(col -> col.category() != null
                    && col.category().name().equals("환불 문의"))) {
                columnShown.complete(System.nanoTime());
            }
        }));
        t0 = System.nanoTime();
        var refunds = a.services.triage().create("환불 문의", "#AA3355");
        ms = TimeUnit.NANOSECONDS.toMillis(columnShown.get(15, TimeUnit.SECONDS) - t0);
        assertThat(ms).as("category created on A, a column on B after %d ms", ms).isLessThan(1000);
        a.services.triage().rename(refunds.id(), "환불·취소 문의");
        await(() -> b.session.boards().columns().stream().anyMatch(col -> col.category() != null
                && col.category().name().equals("환불·취소 문의")));
        a.services.triage().archive(refunds.id());
        await(() -> b.session.boards().columns().stream().noneMatch(col -> col.category() != null
                && col.category().id() == refunds.id()));
    }

    /** Whether desk B shows a card of the alert (asked on the FX thread). */
    private boolean card(FxRobot robot, long alertId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> b.window.getScene().lookup("#alert-toast-" + alertId) != null)
                .get(5, TimeUnit.SECONDS);
    }

    /** The state desk B's alert list shows for the alert. */
    private AlertState state(long alertId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> b.session.alerts().alerts().stream().filter(x -> x.id() == alertId)
                .map(Alert::state).findFirst().orElse(null)).get(5, TimeUnit.SECONDS);
    }
}
