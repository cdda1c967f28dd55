package org.crisisdesk.desk.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.notice.FakeXServer;
import org.crisisdesk.notice.HttpTestPublisher;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 22, two desks in one JVM on one database (PostgreSQL in {@link TwoDesksPgTest}, the shared H2 file here):
 * 민지 opens the composer on A and B's column says she is writing; posting from B asks first; what 민지 wrote waits
 * for approval, 준호 approves it on B, and the post goes out exactly once; A shows it posted.
 */
@ExtendWith(ApplicationExtension.class)
class TwoDesksTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    Stage stageA;
    Stage stageB;
    boolean ownStageA;
    Services servicesA;
    Services servicesB;
    DeskSession a;
    DeskSession b;
    FakeXServer server;

    @Start
    void start(Stage stage) {
        this.stageA = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (stageB != null) {
            robot.interact(stageB::close);
        }
        if (ownStageA) {
            robot.interact(stageA::close);
        }
        if (server != null) {
            server.close();
        }
    }

    DeskSession desk(Services services, Stage stage, String person) {
        services.person().override(person);
        DeskSession s = new DeskSession(services, new DeskContext(new I18n(I18n.ENGLISH), Clock.systemUTC(), SEOUL),
                null, null);
        MainWindow window = new MainWindow(s, url -> {}, () -> {}, locale -> {});
        stage.setScene(new Scene(window, 1200, 760));
        window.installShortcuts(stage.getScene());
        s.start();
        return s;
    }

    void fill(ComposerViewModel vm) {
        vm.departmentProperty().set("물류팀");
        vm.useStageProperty().set(true);
        vm.stepProperty().set(2);
        vm.totalProperty().set(4);
        vm.stageLabelProperty().set("재배송 준비");
        vm.linkProperty().set("https://example.com/notice/42");
    }

    /** Presses Post until the notice leaves the composer (the collision and the warnings each ask once). */
    static void postThroughQuestions(FxRobot robot, ComposerViewModel vm) throws Exception {
        for (int i = 0; i < 4 && vm.outcomeProperty().get() == null; i++) {
            robot.interact(vm::post);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null
                    || !vm.collisionProperty().get().isEmpty() || vm.confirmingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void writingShowsOnTheOtherDeskPostingAsksFirstAndAnApprovedNoticePostsOnce(FxRobot robot) throws Exception {
        java.nio.file.Path homeA = TempDesk.newHome();
        servicesA = TempDesk.open(homeA, Clock.systemUTC());
        servicesB = Services.open(TempDesk.newH2Home(), TempDesk.dbUrl(homeA), Clock.systemUTC());
        server = new FakeXServer(Clock.systemUTC());
        HttpTestPublisher publisher = new HttpTestPublisher(server.baseUrl(), Duration.ofSeconds(3));
        servicesA.setPublisherProvider(() -> publisher);
        servicesB.setPublisherProvider(() -> publisher);
        servicesA.notices().approvals().setRequired(true);
        long delivery = servicesA.categories().ensure("배송 지연").id();
        robot.interact(() -> {
            if (stageA == null) { // a subclass (the PostgreSQL variant) does not get the @Start call
                stageA = new Stage();
                stageA.show();
                ownStageA = true;
            }
            stageB = new Stage();
            stageB.setX(0);
            stageB.show();
            a = desk(servicesA, stageA, "민지");
            b = desk(servicesB, stageB, "준호");
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.from(stageB.getScene().getRoot())
                .lookup("#column-" + delivery).tryQuery().isPresent());

        // 1. 민지 opens the composer on A: B's column says so within a second or two
        var category = servicesA.categories().active().stream().filter(c -> c.id() == delivery).findFirst().orElseThrow();
        robot.interact(() -> {
            robot.from(stageA.getScene().getRoot()).lookup("#right-tabs").queryAs(TabPane.class).getSelectionModel()
                    .select(1);
            a.composer().openFor(category);
        });
        long t0 = System.nanoTime();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> writingLabel(robot, delivery).isVisible());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(writingLabel(robot, delivery).getText()).isEqualTo("민지 is writing a notice");
        assertThat(ms).as("B saw it after %d ms", ms).isLessThan(3000);

        // 2. posting from B on that category asks first, naming 민지
        robot.interact(() -> {
            robot.from(stageB.getScene().getRoot()).lookup("#right-tabs").queryAs(TabPane.class).getSelectionModel()
                    .select(1);
            b.composer().openFor(category);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> b.composer().canPostProperty().get()
                || b.composer().departmentProperty().get() != null);
        robot.interact(() -> fill(b.composer()));
        robot.interact(b.composer()::post);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !b.composer().collisionProperty().get().isEmpty());
        assertThat(b.composer().collisionProperty().get()).contains("민지 is writing a notice on this category");
        assertThat(b.composer().outcomeProperty().get()).as("nothing posted yet").isNull();
        robot.interact(b.composer()::cancelConfirm);

        // 3. 민지 posts on A: it waits for a second person (A asks first too: 준호 has a composer open there)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> a.composer().departmentProperty().get() != null);
        robot.interact(() -> fill(a.composer()));
        postThroughQuestions(robot, a.composer());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> a.composer().outcomeProperty().get() != null);
        Outbox.Outcome waiting = a.composer().outcomeProperty().get();
        assertThat(waiting.kind()).isEqualTo(Outbox.Outcome.Kind.AWAITING_APPROVAL);
        assertThat(server.postRequests()).isZero();

        // 4. 준호 sees it on B (the change feed), with the exact text, and approves it: posted once
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> b.approvals().waiting().size() == 1);
        ApprovalsViewModel.Item item = b.approvals().waiting().get(0);
        assertThat(item.author()).isEqualTo("민지");
        assertThat(item.text()).isEqualTo(waiting.notice().notice().text());
        robot.interact(() -> b.approvals().selectedProperty().set(item));
        robot.interact(b.approvals()::approve);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> server.posts().size() == 1);
        // 5. A shows it posted, through the change feed
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> a.composer().outcomeProperty().get().notice().state()
                == NoticeState.POSTED);
        servicesA.notices().outbox().processDue();
        servicesB.notices().outbox().processDue();
        assertThat(server.posts()).singleElement().extracting(FakeXServer.Post::text)
                .isEqualTo(waiting.notice().notice().text());
        assertThat(servicesA.notices().approvals().events(waiting.notice().id()))
                .extracting(e -> e.action().name() + " " + e.person())
                .containsExactly("REQUESTED 민지", "APPROVED 준호");

        // 6. A closes the composer: B's column no longer says so
        robot.interact(() -> robot.from(stageA.getScene().getRoot()).lookup("#right-tabs").queryAs(TabPane.class)
                .getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !writingLabel(robot, delivery).isVisible());
    }

    /** The label on desk B's column. */
    Label writingLabel(FxRobot robot, long category) {
        return robot.from(stageB.getScene().getRoot()).lookup("#column-writing-" + category).queryAs(Label.class);
    }
}
