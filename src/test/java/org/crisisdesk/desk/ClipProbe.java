package org.crisisdesk.desk;

import java.lang.reflect.Field;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Debug aid: after each layout, prints nodes with pending render changes that lie entirely outside an ancestor's clip. */
final class ClipProbe {
    private static Field dirtyBits;

    static void install(Scene scene) {
        try {
            dirtyBits = Node.class.getDeclaredField("dirtyBits");
            dirtyBits.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        java.util.Map<Node, Bounds> last = new java.util.IdentityHashMap<>();
        scene.addPostLayoutPulseListener(() -> {
            walk(scene.getRoot(), null);
            // the big panes' own bounds: when one with a background changes them, Prism repaints all it covers
            for (Node n : scene.getRoot().lookupAll("*")) {
                Bounds b = n.getBoundsInParent();
                if (b.getWidth() * b.getHeight() >= 0.5 * scene.getWidth() * scene.getHeight()) {
                    Bounds was = last.put(n, b);
                    if (was != null && !was.equals(b)) {
                        System.out.println("BIG-BOUNDS " + System.nanoTime() / 1_000_000 + " "
                                + n.getClass().getSimpleName() + " " + n.getStyleClass() + " " + was + " -> " + b);
                    }
                }
            }
        });
    }

    private static void walk(Node n, Bounds clip) {
        if (!n.isVisible()) {
            return;
        }
        Bounds here = n.localToScene(n.getBoundsInLocal());
        try {
            java.util.Set<?> bitsSet = (java.util.Set<?>) dirtyBits.get(n);
            String bits = String.valueOf(bitsSet);
            Scene scene = n.getScene();
            if (bitsSet != null && !bitsSet.isEmpty() && scene != null
                    && here.getWidth() * here.getHeight() >= 0.5 * scene.getWidth() * scene.getHeight()) {
                System.out.println("BIG-DIRTY " + System.nanoTime() / 1_000_000 + " " + n.getClass().getSimpleName()
                        + " " + n.getStyleClass() + " id=" + n.getId() + " bits=" + bits + " at " + here);
            }
            if (bitsSet != null && !bitsSet.isEmpty() && clip != null && !here.intersects(clip) && here.getWidth() > 0) {
                System.out.println("OUTSIDE-CLIP " + n.getClass().getSimpleName() + " " + n.getStyleClass() + " id="
                        + n.getId() + " bits=" + bits + " at " + here + " clip " + clip
                        + " parent " + (n.getParent() == null ? "" : n.getParent().getClass().getSimpleName() + n.getParent().getStyleClass())
                        + " within " + owner(n));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        Bounds childClip = clip;
        if (n.getClip() != null) {
            Bounds c = n.localToScene(n.getClip().getBoundsInParent());
            childClip = clip == null ? c : intersect(clip, c);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, childClip);
            }
        }
    }

    private static String owner(Node n) {
        String cell = "";
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ListCell<?> c && cell.isEmpty()) {
                cell = "cell#" + c.getIndex() + " visible=" + c.isVisible() + " ";
            }
            if (p.getId() != null) {
                return cell + p.getId();
            }
        }
        return cell;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX()), y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX()), y1 = Math.min(a.getMaxY(), b.getMaxY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
