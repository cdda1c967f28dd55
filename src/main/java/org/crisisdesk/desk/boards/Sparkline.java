package org.crisisdesk.desk.boards;

import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/** Mentions per minute over the last hour as one thin line; a single node, redrawn only when the numbers change. */
final class Sparkline extends Region {
    static final double WIDTH = 90;
    static final double HEIGHT = 18;
    private final Polyline line = new Polyline();
    private int[] data = new int[0];

    Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        getChildren().add(line);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    void setData(int[] perMinute) {
        if (java.util.Arrays.equals(perMinute, data)) {
            return;
        }
        data = perMinute.clone();
        int max = 1;
        for (int v : data) {
            max = Math.max(max, v);
        }
        Double[] points = new Double[data.length * 2];
        double step = data.length > 1 ? WIDTH / (data.length - 1) : 0;
        for (int i = 0; i < data.length; i++) {
            points[2 * i] = i * step;
            points[2 * i + 1] = HEIGHT - 1 - (HEIGHT - 2) * data[i] / (double) max;
        }
        line.getPoints().setAll(points);
    }

    int[] data() {
        return data.clone();
    }
}
