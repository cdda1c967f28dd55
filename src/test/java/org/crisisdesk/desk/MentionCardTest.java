package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.kit.MentionCard;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The category chip's outline, card colour and category tint are three backgrounds (no stroked border). */
@ExtendWith(ApplicationExtension.class)
class MentionCardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    private final Services services = TempDesk.open(TempDesk.newHome(), clock);
    private MentionCard card;
    private Category delivery;
    private DeskContext ctx;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        delivery = services.categories().byName("배송 지연").orElseThrow();
        ctx.categories().put(delivery.id(), delivery);
        card = new MentionCard(ctx, 3);
        Scene scene = new Scene(card, 360, 160);
        scene.getStylesheets().add(MainWindow.class.getResource("desk.css").toExternalForm());
        stage.setScene(scene);
        // the shared test stage keeps a size another test class set by hand; this test needs the scene's size
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aFiledChipIsOutlinedInItsCategorysColourAndTintedWithOneFill(FxRobot robot) {
        // one fill and a solid stroke: software rendering draws two or more fills from an image cache (ChipPaint)
        Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ko", "택배 언제 와요?", null, null, null);
        List<List<BackgroundFill>> fills = new java.util.ArrayList<>();
        List<javafx.scene.layout.Border> borders = new java.util.ArrayList<>();
        List<Object> card = new java.util.ArrayList<>();
        robot.interact(() -> {
            card.add(this.card.getBackground().getFills().get(0).getFill());
            card.add(this.card.getBorder().getStrokes().get(0).getTopStroke());
            this.card.show(new StoredMention(1, m, m.createdAt(), delivery.id(), "MANUAL", null, null, null, null));
            this.card.applyCss();
            Label chip = (Label) this.card.lookup(".category-chip");
            fills.add(chip.getBackground().getFills());
            borders.add(chip.getBorder());
            this.card.show(new StoredMention(2, m, m.createdAt(), null, null, null, null, null, null));
            this.card.applyCss();
            fills.add(chip.getBackground().getFills());
            borders.add(chip.getBorder());
        });
        Color category = Color.web(delivery.color());
        Color cardColour = (Color) card.get(0);
        assertThat(fills.get(0)).hasSize(1);
        assertThat(fills.get(0).get(0).getFill()).as("the card colour tinted with the category's")
                .isEqualTo(cardColour.interpolate(category, 0x33 / 255.0));
        assertThat(borders.get(0).getStrokes().get(0).getTopStroke()).isEqualTo(category);
        assertThat(borders.get(0).getStrokes().get(0).getTopStyle().getDashArray()).as("solid").isEmpty();
        assertThat(fills.get(1)).as("unsorted: the card colour").hasSize(1);
        assertThat(fills.get(1).get(0).getFill()).isEqualTo(cardColour);
        assertThat(borders.get(1).getStrokes().get(0).getTopStroke()).as("unsorted: the theme's outline")
                .isEqualTo(card.get(1));
    }

    @Test
    void anEmojiSequenceWithJoinersStaysInsideTheCard(FxRobot robot) {
        // JavaFX drew a wrapped text with joiners (shaped as complex text) whole on its first line, past the edge
        String text = "@desk_official 아까 보낸 DM 아직 안 읽으셨네요. 진짜 너무하네요🙅🏻\u200d♀️ 언제 답장 주시나요";
        Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ko", text, null, null, null);
        double[] widths = new double[2];
        robot.interact(() -> {
            DeskApp.loadFonts(); // the desk's fonts, emoji included
            card.show(new StoredMention(1, m, m.createdAt(), null, null, null, null, null, null));
            card.applyCss();
            card.layout();
            Label label = (Label) card.lookup(".mention-text");
            widths[0] = label.getWidth();
            widths[1] = label.lookup(".text").getBoundsInParent().getMaxX();
        });
        assertThat(widths[1]).as("the drawn text's right edge, against the label's width %s", widths[0])
                .isLessThanOrEqualTo(widths[0] + 1);
        // what CardText drops from the text: CardTextTest
    }

    @Test
    void arabicAndHindiTextsAreBrokenIntoLinesThatStayInsideTheCard(FxRobot robot) {
        // JavaFX cannot wrap complex scripts: the card breaks their lines itself (ComplexTextLines)
        String arabic = "مرحبا، أين طلبي؟ لقد انتظرت طويلاً جداً ولم يصل الطلب بعد، أرجو المساعدة في أقرب وقت ممكن "
                .repeat(3).trim();
        String hindi = "मेरा ऑर्डर अभी तक नहीं आया";
        List<String> shown = new java.util.ArrayList<>();
        List<double[]> widths = new java.util.ArrayList<>();
        for (String t : List.of(arabic, hindi, "택배 언제 와요? 🙏")) {
            robot.interact(() -> {
                DeskApp.loadFonts();
                Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ar", t, null, null, null);
                card.show(new StoredMention(1, m, m.createdAt(), null, null, null, null, null, null));
                card.applyCss();
                card.layout();
                Label label = (Label) card.lookup(".mention-text");
                shown.add(label.getText());
                widths.add(new double[] {label.getWidth(), label.lookup(".text").getBoundsInParent().getMaxX()});
            });
        }
        for (double[] w : widths) {
            assertThat(w[1]).as("the drawn text's right edge, against the label's width %s", w[0])
                    .isLessThanOrEqualTo(w[0] + 1);
        }
        assertThat(shown.get(0).split("\n")).as("three lines, the last cut short").hasSize(3);
        assertThat(shown.get(0)).endsWith("…").startsWith("مرحبا، أين طلبي؟");
        assertThat(shown.get(1)).as("a short text: whole, on one line").isEqualTo(hindi);
        assertThat(shown.get(2)).as("Hangul and emoji: left to the label").isEqualTo("택배 언제 와요? 🙏");
    }

    @Test
    void anArabicTextsTooltipHasItsOwnLinesInsteadOfJavaFxWrapping(FxRobot robot) {
        String arabic = "مرحبا، أين طلبي؟ لقد انتظرت طويلاً جداً ولم يصل الطلب بعد، أرجو المساعدة في أقرب وقت ممكن "
                .repeat(3).trim();
        Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ar", arabic, null, null, null);
        robot.interact(() -> card.show(new StoredMention(1, m, m.createdAt(), null, null, null, null, null, null)));
        Label text = robot.lookup(".mention-text").queryAs(Label.class);
        robot.moveTo(text);
        robot.interact(() -> {});
        assertThat(text.getTooltip().isWrapText()).isFalse();
        assertThat(text.getTooltip().getText()).contains("\n");
        assertThat(text.getTooltip().getText().replace("\n", " ")).as("every word, broken at spaces").isEqualTo(arabic);
    }

    @Test
    void showingAnotherMentionRepaintsTheChipWithoutAStyleChange(FxRobot robot) {
        // a style or style-class change during a list's layout made JavaFX repaint the whole window (ChipPaint)
        Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ko", "택배 언제 와요?", null, null, null);
        List<Object> seen = new java.util.ArrayList<>();
        List<List<BackgroundFill>> suggestionFills = new java.util.ArrayList<>();
        robot.interact(() -> {
            card.applyCss();
            Label chip = (Label) card.lookup(".category-chip");
            List<String> classes = List.copyOf(chip.getStyleClass());
            card.show(new StoredMention(1, m, m.createdAt(), delivery.id(), "MANUAL", null, null, null, null));
            seen.add(chip.getBorder());
            card.show(new StoredMention(2, m, m.createdAt(), null, null, delivery.id(), 0.8, null, null));
            seen.add(chip.getBorder());
            suggestionFills.add(chip.getBackground().getFills());
            seen.add(chip.getText());
            seen.add(chip.getTextFill());
            card.show(new StoredMention(3, m, m.createdAt(), null, null, null, null, null, null));
            seen.add(chip.getBorder());
            seen.add(chip.getStyle());
            seen.add(chip.getStyleClass().equals(classes));
        });
        assertThat(((javafx.scene.layout.Border) seen.get(0)).getStrokes().get(0).getTopStroke())
                .as("a filed chip: outlined in its category's colour").isEqualTo(Color.web(delivery.color()));
        assertThat(((javafx.scene.layout.Border) seen.get(1)).getStrokes().get(0).getTopStroke())
                .as("a suggestion: outlined in its category's colour too").isEqualTo(Color.web(delivery.color()));
        assertThat(suggestionFills.get(0)).as("a suggestion: untinted, one fill").hasSize(1);
        assertThat((String) seen.get(2)).contains(delivery.name()).contains("80");
        Label handle = robot.lookup(".mention-handle").queryAs(Label.class);
        assertThat(seen.get(3)).as("a suggestion's text in the muted colour").isEqualTo(handle.getTextFill());
        assertThat(seen.get(4)).as("unsorted: outlined").isNotNull();
        assertThat(seen.get(5)).as("no inline style").isEqualTo("");
        assertThat(seen.get(6)).as("style classes untouched").isEqualTo(true);
    }

    @Test
    void theWholeTextsTooltipIsMadeWhenThePointerFirstReachesTheCardAndFollowsItsMention(FxRobot robot) {
        String longText = "택배가 아직도 안 왔어요. ".repeat(30).trim();
        Mention first = new Mention("x", "1", clock.instant(), "user", "고객", "ko", longText, null, null, null);
        Mention second = new Mention("x", "2", clock.instant(), "user", "고객", "ko", "개통이 안 돼요", null, null, null);
        Label text = robot.lookup(".mention-text").queryAs(Label.class);
        robot.interact(() -> card.show(new StoredMention(1, first, first.createdAt(), null, null, null, null, null,
                null)));
        assertThat(text.getTooltip()).as("no popup made for a card nobody pointed at").isNull();

        robot.moveTo(text);
        robot.interact(() -> {});
        assertThat(text.getTooltip()).isNotNull();
        assertThat(text.getTooltip().getText()).isEqualTo(longText);
        assertThat(text.getTooltip().isWrapText()).isTrue();
        robot.interact(() -> card.show(new StoredMention(2, second, second.createdAt(), null, null, null, null, null,
                null)));
        assertThat(text.getTooltip().getText()).as("the reused card's tooltip shows its new mention")
                .isEqualTo("개통이 안 돼요");
        Label time = robot.lookup(".mention-time").queryAs(Label.class);
        robot.moveTo(time);
        robot.interact(() -> {});
        assertThat(time.getTooltip().getText()).as("the absolute time").contains("2026");
    }

    @Test
    void theRelativeTimeMovesOnWithTheMinuteAndADayOldPostShowsItsDate(FxRobot robot) {
        Mention m = new Mention("x", "2", clock.instant(), "user", "고객", "ko", "택배 언제 와요?", null, null, null);
        robot.interact(() -> card.show(new StoredMention(2, m, m.createdAt(), null, null, null, null, null, null)));
        List<String> seen = new java.util.ArrayList<>();
        Runnable read = () -> seen.add(robot.from(card).lookup(".mention-time").queryAs(Label.class).getText());
        robot.interact(read);
        clock.advance(java.time.Duration.ofMinutes(3));
        robot.interact(read); // the clock moved, the minute was not ticked yet: nothing redrawn
        robot.interact(ctx::tick);
        robot.interact(read);
        clock.advance(java.time.Duration.ofHours(30));
        robot.interact(ctx::tick);
        robot.interact(read);
        assertThat(seen).containsExactly("방금", "방금", "3분 전", "10-17 18:00"); // posted 09:00 UTC, 18:00 in Seoul
    }
}
