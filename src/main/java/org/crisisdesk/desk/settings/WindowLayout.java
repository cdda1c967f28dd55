package org.crisisdesk.desk.settings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.crisisdesk.desk.boards.BoardsView;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.WindowGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window's size and position, the split between feed, boards and detail, and the board column width in
 * the home's {@link DeskPrefs}, and puts them back on the next start. Changes are written a moment after the last
 * one (a drag of the window edge is one write), off the FX thread; {@link #flush()} writes what is pending at once
 * (on exit). FX thread only, except the writes.
 */
public final class WindowLayout {
    private static final Logger log = LoggerFactory.getLogger(WindowLayout.class);
    static final Duration QUIET = Duration.millis(400);

    private final DeskPrefs prefs;
    private final Executor io;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final PauseTransition quiet = new PauseTransition(QUIET);
    private Stage tracked;
    private ChangeListener<Object> onWindowChange;
    private boolean closed;

    public WindowLayout(DeskPrefs prefs, Executor io) {
        this.prefs = prefs;
        this.io = io;
        quiet.setOnFinished(e -> writeLater());
    }

    public DeskPrefs prefs() {
        return prefs;
    }

    /** Puts the window where it was (on a screen that still exists), before it is shown. */
    public void restore(Stage stage) {
        WindowGeometry.parse(prefs.get(DeskPrefs.WINDOW, null)).ifPresent(g -> {
            Rectangle2D screen = screenFor(g);
            WindowGeometry fit = g.fitInto(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
            stage.setX(fit.x());
            stage.setY(fit.y());
            stage.setWidth(fit.width());
            stage.setHeight(fit.height());
            stage.setMaximized(fit.maximized());
        });
    }

    private static Rectangle2D screenFor(WindowGeometry g) {
        return Screen.getScreensForRectangle(g.x(), g.y(), g.width(), g.height()).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Saves the window's geometry whenever it moves or is resized (not while maximized: the size before counts). */
    public void track(Stage stage) {
        ChangeListener<Object> changed = (o, a, b) -> {
            WindowGeometry last = WindowGeometry.parse(prefs.get(DeskPrefs.WINDOW, null)).orElse(null);
            WindowGeometry now = stage.isMaximized() && last != null
                    ? new WindowGeometry(last.x(), last.y(), last.width(), last.height(), true)
                    : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            stage.isMaximized());
            if (now.width() >= WindowGeometry.MIN_WIDTH && now.height() >= WindowGeometry.MIN_HEIGHT) {
                remember(DeskPrefs.WINDOW, now.format());
            }
        };
        tracked = stage;
        onWindowChange = changed;
        stage.xProperty().addListener(changed);
        stage.yProperty().addListener(changed);
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
    }

    /** Restores and then follows the dividers of {@code split} and the width of the board columns. */
    public void attach(SplitPane split, BoardsView boards) {
        double[] saved = dividers(prefs.get(DeskPrefs.SPLIT, null), split.getDividers().size());
        if (saved != null) {
            split.setDividerPositions(saved);
        }
        split.getDividers().forEach(d -> d.positionProperty().addListener((o, a, b) -> remember(DeskPrefs.SPLIT,
                split.getDividers().stream().map(x -> String.format(Locale.ROOT, "%.4f", x.getPosition()))
                        .collect(Collectors.joining(",")))));
        try {
            boards.setColumnWidth(Double.parseDouble(prefs.get(DeskPrefs.COLUMN_WIDTH,
                    String.valueOf(BoardsView.DEFAULT_COLUMN_WIDTH))));
        } catch (NumberFormatException e) {
            boards.setColumnWidth(BoardsView.DEFAULT_COLUMN_WIDTH);
        }
        boards.columnWidthProperty().addListener((o, a, b) -> remember(DeskPrefs.COLUMN_WIDTH,
                String.format(Locale.ROOT, "%.0f", b.doubleValue())));
    }

    /** Divider positions in {@code text} when there are {@code count} of them, rising, within (0, 1); else null. */
    static double[] dividers(String text, int count) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double[] d = Arrays.stream(text.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
            if (d.length != count) {
                return null;
            }
            for (int i = 0; i < d.length; i++) {
                if (!(d[i] > 0 && d[i] < 1) || (i > 0 && d[i] <= d[i - 1])) {
                    return null;
                }
            }
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Forgets the saved layout: the next start uses the defaults. */
    public void reset() {
        pending.put(DeskPrefs.WINDOW, null);
        pending.put(DeskPrefs.SPLIT, null);
        pending.put(DeskPrefs.COLUMN_WIDTH, null);
        writeLater();
    }

    private void remember(String key, String value) {
        if (closed) {
            return;
        }
        pending.put(key, value);
        quiet.playFromStart();
    }

    private void writeLater() {
        quiet.stop();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, String> batch = new LinkedHashMap<>(pending);
        pending.clear();
        io.execute(() -> write(batch));
    }

    /** Writes what is pending now, on the calling thread (the application's stop). */
    public void flush() {
        quiet.stop();
        if (!pending.isEmpty()) {
            Map<String, String> batch = new LinkedHashMap<>(pending);
            pending.clear();
            write(batch);
        }
    }

    /** Writes what is pending and stops following the window (the application stops). */
    public void close() {
        flush();
        closed = true;
        if (tracked != null) {
            tracked.xProperty().removeListener(onWindowChange);
            tracked.yProperty().removeListener(onWindowChange);
            tracked.widthProperty().removeListener(onWindowChange);
            tracked.heightProperty().removeListener(onWindowChange);
            tracked.maximizedProperty().removeListener(onWindowChange);
        }
    }

    private void write(Map<String, String> batch) {
        try {
            prefs.putAll(batch);
        } catch (RuntimeException e) {
            log.warn("Could not save the window layout: {}", e.toString());
        }
    }
}
