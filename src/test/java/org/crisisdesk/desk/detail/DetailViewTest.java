package org.crisisdesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The detail pane shows a mention's exact text, wrapped where JavaFX can wrap it. */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    private DetailView view;

    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new DetailView(new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul")));
        view.setOpenLink(opened::add);
        stage.setScene(new Scene(view, 320, 400));
        stage.show();
    }

    @Test
    void aComplexScriptKeepsItsOwnLinesAndOtherTextsWrap(FxRobot robot) {
        // JavaFX 21 drew a wrapped Arabic text as fragments over each other (ComplexTextLines)
        String arabic = "مرحبا، أين طلبي؟ لقد انتظرت طويلاً جداً ولم يصل الطلب بعد، أرجو المساعدة في أقرب وقت ممكن";
        String korean = "택배가 아직도 안 왔어요. 언제 오나요? 🙏 ".repeat(5).trim();
        List<Object> seen = new ArrayList<>();
        for (String t : List.of(arabic, korean)) {
            robot.interact(() -> {
                Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ar", t, null, null, null);
                view.show(new StoredMention(1, m, m.createdAt(), null, null, null, null, null, null));
                TextArea area = (TextArea) view.lookup("#detail-text");
                seen.add(area.isWrapText());
                seen.add(area.getText());
            });
        }
        assertThat(seen).containsExactly(false, arabic, true, korean);
    }

    @Test
    void koreanWithJoinedEmojiWrapsAndCopiesExactly(FxRobot robot) {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧
        String text = ("가족 요금제 유심 세 개 주문했는데 하나만 왔어요 " + family + " 나머지 두 개는 언제 오나요 ❤\uFE0F ").repeat(3)
                .strip();
        Object[] seen = new Object[3];
        robot.interact(() -> {
            Mention m = new Mention("x", "1", clock.instant(), "user", "고객", "ko", text, null, null, null);
            view.show(new StoredMention(1, m, m.createdAt(), null, null, null, null, null, null));
            TextArea area = (TextArea) view.lookup("#detail-text");
            seen[0] = area.isWrapText();
            area.selectAll();
            area.copy();
            seen[1] = javafx.scene.input.Clipboard.getSystemClipboard().getString();
            area.selectRange(0, 2);
            area.copy();
            seen[2] = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        });
        assertThat(seen[0]).isEqualTo(true); // it wraps: no sideways scrollbar
        assertThat(seen[1]).isEqualTo(text); // and a copy is the customer's exact text, joiners included
        assertThat(seen[2]).isEqualTo("가족");
    }

    @Test
    void linksInTheTextAreOfferedAndOpenThroughTheDesksOpener(FxRobot robot) {
        String text = "송장 https://track.example/a?b=1&c=2 확인해 주세요.";
        robot.interact(() -> {
            Mention m = new Mention("x", "7", clock.instant(), "user", null, "ko", text, null, null, null);
            view.show(new StoredMention(7, m, m.createdAt(), null, null, null, null, null, null));
        });
        javafx.scene.control.Hyperlink link = robot.lookup("#detail-links .detail-link").queryAs(
                javafx.scene.control.Hyperlink.class);
        assertThat(link.getText()).isEqualTo("https://track.example/a?b=1&c=2");
        robot.clickOn(link);
        assertThat(opened).containsExactly("https://track.example/a?b=1&c=2");
        assertThat(((TextArea) view.lookup("#detail-text")).getText()).isEqualTo(text); // the text itself unchanged

        robot.interact(() -> {
            Mention m = new Mention("x", "8", clock.instant(), "user", null, "ko", "링크 없음", null, null, null);
            view.show(new StoredMention(8, m, m.createdAt(), null, null, null, null, null, null));
        });
        assertThat(robot.lookup("#detail-links").tryQuery()).isEmpty();
    }
}
