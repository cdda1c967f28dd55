package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 22 in the composer's notice timeline: every posted notice names its author, an approved one who approved it,
 * when and with what comment, and a notice a second person sent back shows as such (not posted), with who, when and
 * the comment; a decision taken while the composer is open shows after the next read.
 */
@ExtendWith(ApplicationExtension.class)
class TimelinePeopleTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z"); // 14:00 Seoul

    Path home;
    Services services;
    ComposerViewModel vm;
    MutableClock clock;
    Category delivery;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene = new Scene(new StackPane(), 640, 900);
        scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        services = TempDesk.open(home, clock);
        delivery = services.categories().ensure("배송 지연");
        robot.interact(() -> {
            DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), clock, SEOUL);
            ctx.categories().put(delivery.id(), delivery);
            vm = new ComposerViewModel(services.notices(), ctx, new Background(services.background()),
                    new Background(services.outboxExecutor()), home.resolve("notices"));
            scene.setRoot(new ComposerView(vm));
        });
    }

    @AfterEach
    void close() {
        services.close();
    }

    StoredNotice queue(String stage, String author) {
        Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀",
                org.crisisdesk.notice.Stage.parse(stage), null, null, null, null, null, NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        return services.notices().outbox().queue(c.notice(), c.parts(), "key-" + stage, Templates.KO_STANDARD,
                author);
    }

    /** The texts of the timeline's labels, row by row. */
    List<String> rows(FxRobot robot) {
        VBox rows = robot.lookup("#composer-timeline").queryAs(VBox.class);
        return rows.getChildren().stream().map(r -> String.join(" | ", texts(r))).toList();
    }

    static List<String> texts(Node n) {
        if (n instanceof Label l) {
            return List.of(l.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            return p.getChildrenUnmodifiable().stream().flatMap(c -> texts(c).stream()).toList();
        }
        return List.of();
    }

    @Test
    void authorsApprovalsAndSendingsBackShowInTheTimeline(FxRobot robot) throws Exception {
        StoredNotice first = queue("1/4", "김민지");
        services.notices().outbox().markPostedByHand(first.id(), "https://x.com/desk/status/2001");
        services.notices().approvals().setRequired(true);
        clock.advance(Duration.ofMinutes(10));
        StoredNotice second = queue("2/4", "김민지");
        clock.advance(Duration.ofMinutes(2));
        services.notices().approvals().approve(second.id(), "박준호", "OK to go");
        services.notices().outbox().markPostedByHand(second.id(), "https://x.com/desk/status/2002");

        robot.interact(() -> vm.openFor(delivery));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.timeline().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> rows = rows(robot);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("14:00").contains("Written by 김민지").doesNotContain("Approved");
        assertThat(rows.get(1)).contains("14:10")
                .contains("Written by 김민지 · Approved by 박준호 at 14:12: “OK to go”");

        // sent back while the composer is open: the next read of the history shows it, never as posted
        clock.advance(Duration.ofMinutes(3));
        StoredNotice third = queue("3/4", "이서연");
        clock.advance(Duration.ofMinutes(1));
        services.notices().approvals().sendBack(third.id(), "박준호", "ETA is wrong");
        robot.interact(() -> vm.noticesChanged());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.sentBack().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        rows = rows(robot);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("14:15 · notice #" + third.id() + " · written by 이서연 · not posted")
                .contains("Sent back by 박준호 at 14:16: “ETA is wrong”");
        assertThat(vm.timeline()).hasSize(2); // the public saw two
    }
}
