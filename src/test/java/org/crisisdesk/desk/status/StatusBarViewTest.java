package org.crisisdesk.desk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.SourceStatus.State;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar says a source's gap in the desk's zone, and stops saying it when the source does. */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    private final StatusViewModel model = new StatusViewModel(clock, "/tmp/crisisdesk.mv.db");
    private StatusBarView bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBarView(new DeskContext(new I18n(I18n.ENGLISH), clock, ZoneId.of("Asia/Seoul")), model);
        stage.setScene(new Scene(bar, 900, 40));
        stage.show();
    }

    @Test
    void aGapIsShownInTheDesksZoneUntilTheSourceClearsIt(FxRobot robot) {
        Instant poll = clock.instant();
        robot.interact(() -> model.status("X v2 @desk", new SourceStatus(State.LIVE, "+800 new · 9 pages", null, 290,
                poll, Instant.parse("2026-10-17T08:59:20Z"))));
        assertThat(bar.getText()).contains("mentions before 10-17 17:59 may be missing");
        robot.interact(() -> model.status("X v2 @desk", new SourceStatus(State.LIVE, "+1 new · 1 page", null, 289,
                poll.plusSeconds(600))));
        assertThat(bar.getText()).doesNotContain("may be missing").contains("+1 new");
    }

    @Test
    void aGapSearchCouldNotFillIsShownWithItsSpanAndEachRefusalByItsOwnName(FxRobot robot) {
        Instant poll = clock.instant();
        robot.interact(() -> model.status("X v2 @desk", new SourceStatus(State.LIVE, "+800 new · 9 pages", null, 290,
                poll, Instant.parse("2026-10-17T08:59:20Z"), Instant.parse("2026-10-10T08:00:00Z"))));
        assertThat(bar.getText()).contains("mentions posted between 10-10 17:00 and 10-17 17:59 could not be fetched");
        robot.interact(() -> model.status("X v2 @desk", SourceStatus.of(State.ACCESS_LEVEL,
                "HTTP 403 client-not-enrolled: your project's access level does not include GET /2/users/:id/mentions")));
        assertThat(bar.getText()).contains("not in your access level").contains("GET /2/users/:id/mentions");
        robot.interact(() -> model.status("X v2 @desk", new SourceStatus(State.RATE_LIMITED, "rate limited (429)", poll
                .plusSeconds(600), 0, poll)));
        assertThat(bar.getText()).contains("rate limited (15-minute window)").contains("until 18:10:00");
        robot.interact(() -> model.status("X v2 @desk", SourceStatus.of(State.USAGE_CAPPED, "HTTP 429 usage-capped")));
        assertThat(bar.getText()).contains("monthly usage cap reached");
    }
}
