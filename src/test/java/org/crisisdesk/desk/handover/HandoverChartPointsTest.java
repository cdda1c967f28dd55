package org.crisisdesk.desk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The volume chart draws something for any shift, however short (issue #26: a short shift's chart was empty). */
class HandoverChartPointsTest {
    @Test
    void aOneBucketShiftGetsAnAreaFromItsStartToItsEnd() {
        List<double[]> points = HandoverView.points(new long[] {7}, 5, 4);
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).containsExactly(0, 7);
        assertThat(points.get(1)).containsExactly(4, 7);
    }

    @Test
    void longerShiftsKeepOnePointPerBucket() {
        List<double[]> points = HandoverView.points(new long[] {1, 2, 3}, 10, 30);
        assertThat(points).extracting(p -> p[0]).containsExactly(0.0, 10.0, 20.0);
        assertThat(points).extracting(p -> p[1]).containsExactly(1.0, 2.0, 3.0);
    }
}
