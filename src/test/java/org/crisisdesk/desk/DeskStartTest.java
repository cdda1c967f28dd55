package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.feed.FeedViewModel;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #8, start-up: the feed's first page is read with the database, so the window's first frame has rows; the
 * boards, the source and the checks start once that frame is drawn.
 */
@ExtendWith(ApplicationExtension.class)
class DeskStartTest {
    private DeskSession session;
    private int shownBeforeAnyPulse;
    private int columnsBeforeAnyPulse;
    private List<StoredMention> firstPage;

    @Start
    void start(Stage stage) {
        Path home = TempDesk.newHome();
        // with no account the desk opens the demo, a drill, on its own database (issue 26): the rows go there
        try (Services s = Services.openDrill(home, null, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            List<Mention> stored = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                stored.add(TempDesk.mention("replay", Integer.toString(900_000 + i), "배송 언제 오나요 " + i));
            }
            s.pipeline("replay").ingest(stored, null);
        }
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 10));
        firstPage = FeedViewModel.readFirstPage(opened.services().mentions()); // as DeskApp does, off the FX thread
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        MainWindow window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
        session.start(firstPage);
        shownBeforeAnyPulse = session.feed().items().size();
        columnsBeforeAnyPulse = session.boards().columns().size();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theFirstFrameHasTheStoredRowsAndTheRestStartsAfterIt(FxRobot robot) throws Exception {
        assertThat(firstPage).hasSize(30);
        assertThat(shownBeforeAnyPulse).isEqualTo(30); // no round trip to the database after the window is up
        assertThat(columnsBeforeAnyPulse).isZero(); // the boards wait for the first frame
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session.boards().columns().isEmpty());
        // the source runs too: the demo's mentions arrive on top of the stored ones
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.feed().items().size() > 30);
    }

    @Test
    void aPageReadForAnotherFilterIsNotShown(FxRobot robot) {
        robot.interact(() -> {
            FeedViewModel other = new FeedViewModel(session.services().mentions(), session.background());
            other.searchTextProperty().set("배송");
            assertThat(other.showFirstPage(firstPage)).isFalse();
            assertThat(other.items()).isEmpty();
        });
    }
}
