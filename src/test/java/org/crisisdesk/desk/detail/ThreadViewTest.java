package org.crisisdesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane lists the other stored mentions of the conversation, oldest first, read from a real H2 file. */
@ExtendWith(ApplicationExtension.class)
class ThreadViewTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    private final Services services = TempDesk.open(TempDesk.newHome(), clock);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicReference<StoredMention> opened = new AtomicReference<>();
    private DetailView view;
    private List<StoredMention> stored;

    @Start
    void start(Stage stage) {
        Instant t = Instant.parse("2026-10-17T08:00:00Z");
        stored = services.mentions().ingest(List.of(
                Filing.unsorted(new Mention("x", "100", t, "root", null, "ko", "배송 언제 와요?", "100", null, null)),
                Filing.unsorted(new Mention("x", "300", t.plusSeconds(300), "late", null, "ko", "저도요", "100", null,
                        null)),
                Filing.unsorted(new Mention("x", "200", t.plusSeconds(60), "minji", null, "ko", "저도 궁금해요", "100",
                        null, null)),
                Filing.unsorted(new Mention("x", "900", t, "other", null, "ko", "다른 대화", "900", null, null))),
                null, "t");
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        view = new DetailView(ctx);
        ThreadView thread = new ThreadView(ctx, new Background(executor), services.mentions(), opened::set);
        view.addSection(thread::showFor);
        stage.setScene(new Scene(view, 360, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        services.close();
    }

    private StoredMention stored(String id) {
        return stored.stream().filter(m -> m.platformId().equals(id)).findFirst().orElseThrow();
    }

    private List<String> authors(FxRobot robot) {
        return robot.lookup("#mention-thread .thread-author").queryAllAs(Hyperlink.class).stream()
                .map(h -> h.getText().substring(0, h.getText().indexOf(' '))).toList();
    }

    @Test
    void aReplyShowsTheFirstPostAndTheOtherRepliesOldestFirst(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(stored("300")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> authors(robot).size() == 2);
        assertThat(authors(robot)).containsExactly("@root", "@minji");

        robot.clickOn(robot.lookup("#mention-thread .thread-author").queryAllAs(Hyperlink.class).iterator().next());
        assertThat(opened.get().platformId()).isEqualTo("100");
    }

    @Test
    void aPostAloneInItsConversationSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(stored("900")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mention-thread .mention-time")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("저장된 같은 대화")));
        assertThat(authors(robot)).isEmpty();
    }
}
