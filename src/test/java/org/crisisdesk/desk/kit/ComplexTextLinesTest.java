package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How a card breaks the lines of a text JavaFX cannot wrap. */
@ExtendWith(ApplicationExtension.class)
class ComplexTextLinesTest {
    private static final Font FONT = Font.font(13);

    @Start
    void start(Stage stage) {}

    @Test
    void whichTextsTheCardBreaksItself() {
        assertThat(ComplexTextLines.needed("택배 언제 와요? 🙏 delivery")).isFalse();
        assertThat(ComplexTextLines.needed("e\u0301")).as("a combining accent").isTrue();
        assertThat(ComplexTextLines.needed("مرحبا")).isTrue();
        assertThat(ComplexTextLines.needed("שלום")).isTrue();
        assertThat(ComplexTextLines.needed("สวัสดี")).isTrue();
        assertThat(ComplexTextLines.needed("नमस्ते")).isTrue();
        assertThat(ComplexTextLines.needed("a\u200db")).as("a joiner").isTrue();
    }

    @Test
    void linesFitTheirWidthKeepParagraphsAndEndInAnEllipsisWhenTextIsLeft(FxRobot robot) {
        String arabic = "مرحبا، أين طلبي؟ لقد انتظرت طويلاً جداً ولم يصل الطلب بعد";
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            out.add(ComplexTextLines.lines(arabic + "\n" + arabic, FONT, 150, 20));
            out.add(ComplexTextLines.lines(arabic + " " + arabic + " " + arabic, FONT, 150, 2));
            // one word wider than the line, with a character outside the BMP: cut between code points
            out.add(ComplexTextLines.lines("अ".repeat(40) + "𑀅" + "अ".repeat(40), FONT, 60, 50));
        });
        String[] paragraphs = out.get(0).split("\n");
        assertThat(String.join(" ", paragraphs)).as("every word, broken at spaces")
                .isEqualTo(arabic + " " + arabic);
        for (String text : out) {
            for (String line : text.split("\n")) {
                assertThat(widthOf(robot, line)).as(line).isLessThanOrEqualTo(150);
            }
        }
        assertThat(out.get(1).split("\n")).hasSize(2);
        assertThat(out.get(1)).endsWith("…");
        assertThat(out.get(2).replace("\n", "")).as("nothing lost or split").isEqualTo(
                "अ".repeat(40) + "𑀅" + "अ".repeat(40));
        for (String line : out.get(2).split("\n")) {
            assertThat(widthOf(robot, line)).as(line).isLessThanOrEqualTo(60);
        }
    }

    private static double widthOf(FxRobot robot, String s) {
        double[] w = new double[1];
        robot.interact(() -> {
            Text t = new Text(s);
            t.setFont(FONT);
            w[0] = t.getLayoutBounds().getWidth();
        });
        return w[0];
    }
}
