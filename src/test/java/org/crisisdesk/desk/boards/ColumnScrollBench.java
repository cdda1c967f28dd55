package org.crisisdesk.desk.boards;

import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long one scroll step through a 10,000-card column takes on the FX thread (layout of the flow plus the cards
 * it rebinds). Prints figures; run with {@code mvn test -Dtest=ColumnScrollBench -Dsurefire.excludedGroups=}.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class ColumnScrollBench {
    private final TenThousandCards board = new TenThousandCards();

    @Start
    void start(Stage stage) {
        board.show(stage);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void scrollThroughTenThousandCards(FxRobot robot) {
        VirtualFlow<?> flow = (VirtualFlow<?>) board.list.lookup(".virtual-flow");
        int steps = 2_000;
        long[] nanos = new long[steps];
        for (int warm = 0; warm < 300; warm++) {
            robot.interact(() -> {
                flow.scrollPixels(120);
                board.list.layout();
            });
        }
        robot.interact(() -> board.list.scrollTo(0));
        for (int i = 0; i < steps; i++) {
            int step = i;
            robot.interact(() -> {
                long t0 = System.nanoTime();
                flow.scrollPixels(120);   // about 1.5 cards, like a fast wheel
                board.list.layout();
                nanos[step] = System.nanoTime() - t0;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Arrays.sort(nanos);
        System.out.printf("column scroll, %d steps of 120 px over %d cards: median %.3f ms, p95 %.3f ms, max %.3f ms, "
                + "index reached %d%n", steps, TenThousandCards.CARDS, nanos[steps / 2] / 1e6,
                nanos[steps * 95 / 100] / 1e6, nanos[steps - 1] / 1e6, flow.getFirstVisibleCell().getIndex());
    }
}
