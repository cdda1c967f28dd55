package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 26, a busy computer: what a card costs the FX thread when a burst moves posts down a list, counted in text
 * layouts rather than timed (timings on a shared machine say little). A post moves one cell per flush and shows in
 * the feed and a column at once; its lines are broken once per width, and a post whose only "complex" characters are
 * an emoji's joiners or variation selectors (a tenth of the demo's posts) is wrapped by the label like any other.
 */
@ExtendWith(ApplicationExtension.class)
class CardWorkTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    private final List<MentionCard> cards = new ArrayList<>();

    @Start
    void start(Stage stage) {
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        VBox box = new VBox();
        for (int i = 0; i < 6; i++) {
            MentionCard card = new MentionCard(ctx, 4);
            card.setPrefWidth(340);
            cards.add(card);
            box.getChildren().add(card);
        }
        Scene scene = new Scene(box, 360, 900);
        scene.getStylesheets().add(DeskCss.url());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    private StoredMention post(long pk, String text) {
        Mention m = new Mention("x", Long.toString(pk), clock.instant(), "user", "고객", "ko", text, null, null, null);
        return new StoredMention(pk, m, m.createdAt(), null, null, null, null, null, null);
    }

    private static String shown(MentionCard card) {
        return ((Label) card.lookup(".mention-text")).getText();
    }

    @Test
    void aComplexPostMovingDownTheListIsBrokenIntoLinesOnceNotOnEveryCell(FxRobot robot) {
        String arabic = "مرحبا، أين طلبي؟ لقد انتظرت طويلاً جداً ولم يصل الطلب بعد، أرجو المساعدة في أقرب وقت ممكن "
                .repeat(3).trim();
        StoredMention sm = post(1, arabic);
        long[] first = new long[2];
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            org.crisisdesk.desk.DeskApp.loadFonts();
            cards.get(0).show(sm);
            cards.get(0).getParent().applyCss();
            cards.get(0).getParent().layout();
            first[0] = ComplexTextLines.measured();
            // five flushes: the post moves one cell down each time, as in a feed at the top during a burst
            for (int i = 1; i < cards.size(); i++) {
                cards.get(i).show(sm);
                cards.get(i).getParent().layout();
            }
            first[1] = ComplexTextLines.measured();
            cards.forEach(c -> texts.add(shown(c)));
        });
        assertThat(first[1] - first[0]).as("text layouts to break the same post in five more cards").isZero();
        assertThat(texts).allSatisfy(t -> assertThat(t).isEqualTo(texts.get(0)).endsWith("…"));
    }

    @Test
    void aPostWithAnEmojiVariationSelectorIsWrappedByTheLabelWithoutBreakingItsLines(FxRobot robot) {
        String text = "택배 언제 와요? 벌써 일주일째예요 ❤️ 제발 답 좀 주세요 ☺️ 고객센터는 전화도 안 받고요";
        long[] count = new long[2];
        String[] label = new String[1];
        robot.interact(() -> {
            count[0] = ComplexTextLines.measured();
            cards.get(0).show(post(2, text));
            cards.get(0).getParent().applyCss();
            cards.get(0).getParent().layout();
            count[1] = ComplexTextLines.measured();
            label[0] = shown(cards.get(0));
        });
        assertThat(count[1] - count[0]).as("text layouts to break its lines").isZero();
        assertThat(label[0]).isEqualTo(text.replace("\uFE0F", ""));
    }

    @Test
    void showingEveryDemoPostOnceBreaksLinesForTheComplexScriptsOnly(FxRobot robot) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                "assets/scenarios/launch-weekend.jsonl"))) {
            var parsed = org.crisisdesk.mention.MentionJson.parseLine(line);
            parsed.mentions().forEach(m -> texts.add(CardText.forDisplay(m.text())));
        }
        long[] layouts = new long[2];
        int[] complex = new int[2];
        robot.interact(() -> {
            org.crisisdesk.desk.DeskApp.loadFonts();
            javafx.scene.text.Font font = ((Label) cards.get(0).lookup(".mention-text")).getFont();
            long start = ComplexTextLines.measured();
            for (String t : texts) { // what a card does now
                String shown = ComplexTextLines.withoutEmojiJoiners(t);
                if (ComplexTextLines.needed(shown)) {
                    complex[0]++;
                    ComplexTextLines.lines(shown, font, 300, 4);
                }
            }
            layouts[0] = ComplexTextLines.measured() - start;
            start = ComplexTextLines.measured();
            for (String t : texts) { // what it did before: every post with an emoji joiner or selector too
                if (ComplexTextLines.needed(t)) {
                    complex[1]++;
                    ComplexTextLines.lines(t, font, 301, 4);
                }
            }
            layouts[1] = ComplexTextLines.measured() - start;
        });
        System.out.printf("BENCH card text layouts for the %d demo posts shown once: %d (%d posts broken by the "
                + "card) where it was %d (%d posts)%n", texts.size(), layouts[0], complex[0], layouts[1], complex[1]);
        assertThat(complex[0]).as("posts in scripts JavaFX cannot wrap").isLessThan(complex[1] / 4);
        assertThat(layouts[0]).isLessThan(layouts[1] / 4);
    }
}
