package org.crisisdesk.desk.boards;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real desk window over a real H2 file, for TestFX: the demo categories, a few mentions, no source. The boards get
 * most of the width so several columns are on screen.
 */
final class BoardsFixture {
    final Path home;
    final MutableClock clock;
    final Services services;
    DeskSession session;
    MainWindow window;

    BoardsFixture(List<Filing> mentions) {
        this(TempDesk.newHome(), new MutableClock(Instant.parse("2026-10-17T03:30:00Z")));
        services.mentions().ingest(mentions, null, "replay");
    }

    /** A desk on {@code home}'s database (another desk's, when that home names it: issue 21's team desk). */
    BoardsFixture(Path home, MutableClock clock) {
        this.home = home;
        this.clock = clock;
        this.services = TempDesk.open(home, clock);
    }

    /** A second desk on {@code first}'s database (issue 21's team desk): a home, connections and window of its own. */
    static BoardsFixture onTheDatabaseOf(BoardsFixture first) {
        Path home = TempDesk.newH2Home();
        DeskPrefs.load(home).put(DeskPrefs.DB_URL, TempDesk.dbUrl(first.home));
        return new BoardsFixture(home, first.clock);
    }

    /** {@link #show} in a stage of its own, set off from the first desk's; call from {@code @Start}. */
    void showInASecondWindow() {
        Stage second = new Stage();
        show(second);
        second.setX(40);
        second.setY(40);
    }

    /** Builds and shows the window; call from {@code @Start}. */
    void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        session = new DeskSession(services, ctx, null, null);
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("desk.css").toExternalForm());
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        SplitPane split = (SplitPane) window.lookup(".split-pane");
        split.setDividerPositions(0.22, 0.97);
        session.start();
    }

    /** Waits until the boards show their columns and the feed its cards. */
    void awaitLoaded(int feedCards) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.boards().columns().size() > 1
                && window.feedView().list().getItems().size() == feedCards);
        WaitForAsyncUtils.waitForFxEvents();
    }

    long categoryId(String name) {
        return services.categories().byName(name).orElseThrow().id();
    }

    StoredMention stored(String platformId) {
        return services.mentions().page(MentionFilter.ALL, 1000).stream()
                .filter(m -> m.platformId().equals(platformId)).findFirst().orElseThrow();
    }

    /** Rows in the assignment table matching {@code where}. */
    long historyRows(String where) {
        return services.db().inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM assignment WHERE " + where)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void close() {
        if (session != null) {
            WaitForAsyncUtils.asyncFx(session::close);
            WaitForAsyncUtils.waitForFxEvents();
        } else {
            services.close();
        }
    }
}
