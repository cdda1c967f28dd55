package org.crisisdesk.desk.feed;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
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
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live feed in a real desk window over a real H2 file: the category choice, the combined search, the "N new"
 * pill and the keys. New mentions reach it the way the pipeline's do, through the ingest bridge.
 */
@ExtendWith(ApplicationExtension.class)
class FeedViewTest {
    private static final String DELIVERY = "배송 지연";
    private static final String ACTIVATION = "개통 오류";
    private static final int FILLERS = 20;

    private final Path home = TempDesk.newHome();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T03:30:00Z"));
    private final Services services = TempDesk.open(home, clock);
    private final Instant t0 = Instant.parse("2026-10-17T03:00:00Z");
    private DeskSession session;
    private MainWindow window;
    private int nextId = 5000;

    @Start
    void start(Stage stage) {
        long delivery = services.categories().byName(DELIVERY).orElseThrow().id();
        long activation = services.categories().byName(ACTIVATION).orElseThrow().id();
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < FILLERS; i++) {
            batch.add(Filing.unsorted(mention(String.valueOf(2001 + i), "filler" + i, "ko", "문의 " + i)));
        }
        batch.add(new Filing(mention("1001", "minji", "ko", "배송이 너무 늦어요"), delivery, "AUTO", null, null, null));
        batch.add(Filing.unsorted(mention("1002", "minji", "en", "배송 is late")));
        batch.add(Filing.unsorted(mention("1003", "jun", "ko", "배송 문의드려요")));
        batch.add(new Filing(mention("1004", "minji", "ko", "eSIM 오류"), activation, "AUTO", null, null, null));
        services.mentions().ingest(batch, null, "replay");

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        session = new DeskSession(services, ctx, null, null);
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1260, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("desk.css").toExternalForm());
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    private Mention mention(String id, String author, String lang, String text) {
        return new Mention("x", id, t0.plusSeconds(Long.parseLong(id) % 10000), author, null, lang, text, null, null,
                null);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(session::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ListView<StoredMention> feed() {
        return window.feedView().list();
    }

    private List<String> shown() {
        return feed().getItems().stream().map(StoredMention::platformId).toList();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void loaded() throws Exception {
        await(() -> feed().getItems().size() == FILLERS + 4 && session.boards().columns().size() > 1);
    }

    private void choose(FxRobot robot, String category) {
        robot.clickOn("#feed-category");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(category))
                .queryLabeled());
    }

    private void search(FxRobot robot, String query) {
        robot.clickOn("#feed-search").eraseText(robot.lookup("#feed-search").queryAs(TextField.class).getText()
                .length()).write(query).type(KeyCode.ENTER);
    }

    /** A new mention stored and handed to the desk the way the pipeline does it. */
    private StoredMention arrives(String text) {
        String id = String.valueOf(nextId++);
        List<StoredMention> stored = services.mentions().ingest(
                List.of(Filing.unsorted(mention(id, "late", "ko", text))), null, "replay");
        session.bridge().ingested(stored);
        return stored.get(0);
    }

    private Button pill(FxRobot robot) {
        return robot.lookup("#feed-new-pill").queryButton();
    }

    @Test
    void theCategoryChoiceShowsOneCategoryUnsortedOrEverything(FxRobot robot) throws Exception {
        loaded();
        choose(robot, DELIVERY);
        await(() -> shown().equals(List.of("1001")));
        choose(robot, "미분류");
        await(() -> feed().getItems().size() == FILLERS + 2);
        assertThat(feed().getItems()).allMatch(StoredMention::unsorted);
        choose(robot, "전체");
        await(() -> feed().getItems().size() == FILLERS + 4);
    }

    @Test
    void theChoiceFollowsARenameAndAnArchivedCategoryFallsBackToAll(FxRobot robot) throws Exception {
        loaded();
        choose(robot, DELIVERY);
        await(() -> shown().equals(List.of("1001")));
        javafx.scene.control.ComboBox<?> box = robot.lookup("#feed-category").queryAs(
                javafx.scene.control.ComboBox.class);
        var delivery = services.categories().byName(DELIVERY).orElseThrow();
        robot.interact(() -> session.boards().rename(delivery, "배송 문의"));
        await(() -> robot.from(box).lookup(".list-cell").queryLabeled().getText().equals("배송 문의"));
        assertThat(shown()).containsExactly("1001");
        robot.interact(() -> session.boards().archive(session.context().categories().get(delivery.id())));
        await(() -> feed().getItems().size() == FILLERS + 4);
        assertThat(session.feed().categoryProperty().get()).isEqualTo(FeedCategory.ALL);
    }

    @Test
    void aMentionFiledIntoTheShownCategoryJoinsItInPlace(FxRobot robot) throws Exception {
        loaded();
        choose(robot, DELIVERY);
        await(() -> shown().equals(List.of("1001")));
        long delivery = services.categories().byName(DELIVERY).orElseThrow().id();
        robot.interact(() -> session.boards().move(List.of(stored("1003").pk(), stored("2005").pk()), delivery));
        await(() -> shown().equals(List.of("1003", "1001", "2005")));
    }

    private StoredMention stored(String platformId) {
        return services.mentions().page(org.crisisdesk.mention.MentionFilter.ALL, 1000).stream()
                .filter(m -> m.platformId().equals(platformId)).findFirst().orElseThrow();
    }

    @Test
    void authorLanguageAndTextCombineWithEachOtherAndTheCategory(FxRobot robot) throws Exception {
        loaded();
        search(robot, "@minji lang:ko 배송");
        await(() -> shown().equals(List.of("1001")));
        search(robot, "@minji");
        await(() -> shown().equals(List.of("1004", "1002", "1001")));
        choose(robot, ACTIVATION);
        await(() -> shown().equals(List.of("1004")));
        search(robot, "배송");
        await(() -> feed().getItems().isEmpty());
        choose(robot, "미분류");
        await(() -> shown().equals(List.of("1003", "1002")));
    }

    @Test
    void withACardSelectedNewMentionsWaitBehindThePillAndItJumpsToTop(FxRobot robot) throws Exception {
        loaded();
        String top = shown().get(0);
        robot.clickOn(card("1003"));
        StoredMention late = arrives("새로 온 멘션");
        await(() -> pill(robot).isVisible());
        assertThat(pill(robot).getText()).isEqualTo("새 멘션 1건 ↑");
        assertThat(shown().get(0)).isEqualTo(top); // not yanked
        // the pill leaves the first card's @handle readable (it covered it, issue #26)
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds pillAt = pill(robot).localToScene(pill(robot).getBoundsInLocal());
        for (Node handle : robot.lookup("#feed-list .mention-handle").queryAll()) {
            if (handle.isVisible() && handle.getScene() != null) {
                assertThat(handle.localToScene(handle.getBoundsInLocal()).intersects(pillAt))
                        .as("pill over %s", ((javafx.scene.control.Label) handle).getText()).isFalse();
            }
        }
        robot.clickOn(pill(robot));
        await(() -> shown().get(0).equals(late.platformId()));
        assertThat(pill(robot).isVisible()).isFalse();
        assertThat(feed().getSelectionModel().getSelectedItems()).isEmpty();
    }

    @Test
    void scrolledDownNewMentionsWaitAndHomeJumpsToTop(FxRobot robot) throws Exception {
        loaded();
        robot.interact(() -> feed().scrollTo(FILLERS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> feed().requestFocus());
        StoredMention late = arrives("스크롤 중 도착");
        await(() -> pill(robot).isVisible());
        assertThat(shown()).doesNotContain(late.platformId());
        robot.type(KeyCode.HOME);
        await(() -> shown().get(0).equals(late.platformId()));
        assertThat(pill(robot).isVisible()).isFalse();
    }

    @Test
    void jAndKMoveEnterOpensAndSlashFocusesTheSearch(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn(card(shown().get(0)));
        robot.type(KeyCode.J);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(feed().getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(window.detailView().current().pk()).isEqualTo(feed().getItems().get(1).pk());
        robot.type(KeyCode.J).type(KeyCode.K).type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(feed().getSelectionModel().getSelectedIndex()).isEqualTo(0);

        robot.interact(() -> window.detailView().show(null));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.detailView().current().pk()).isEqualTo(feed().getItems().get(0).pk());

        robot.type(KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#feed-search").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("유심비"); // the "/" that opened the search is not part of it (issue #26)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#feed-search").queryAs(TextField.class).getText()).isEqualTo("유심비");
    }

    @Test
    void visibleCardsRefreshTheirRelativeTimeAsTheMinutesPass(FxRobot robot) throws Exception {
        loaded();
        javafx.scene.control.Label time = robot.from(card(shown().get(0))).lookup(".mention-time")
                .queryAs(javafx.scene.control.Label.class);
        assertThat(time.getText()).isEqualTo("13분 전"); // 1004 was posted at 03:16:44, the desk's clock says 03:30
        clock.advance(java.time.Duration.ofHours(2));
        // the session's own minute tick, not one the test makes
        WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS, () -> time.getText().equals("2시간 전"));
    }

    private Node card(String platformId) {
        int i = shown().indexOf(platformId);
        for (Node n : feed().lookupAll(".list-cell")) {
            if (n instanceof javafx.scene.control.ListCell<?> cell && cell.getIndex() == i && cell.isVisible()) {
                return cell;
            }
        }
        throw new AssertionError("no visible card " + platformId);
    }
}
