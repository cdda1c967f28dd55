package org.crisisdesk.desk;

import java.lang.reflect.Field;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Debug aid ({@code -Dbench.ui.clipprobe=true}): after each layout, prints nodes with pending render changes that lie
 * entirely outside an ancestor's clip, frames whose changes leave Prism no dirty region, and big panes whose bounds
 * change.
 */
final class ClipProbe {
    private static Field dirtyBits;
    private static final int[] REAL = new int[1];
    private static final java.util.List<String> UNREAL = new java.util.ArrayList<>();

    static void install(Scene scene) {
        try {
            dirtyBits = Node.class.getDeclaredField("dirtyBits");
            dirtyBits.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        java.util.Map<Node, Bounds> last = new java.util.IdentityHashMap<>();
        scene.addPostLayoutPulseListener(() -> {
            reportHiddenOnly(scene);
            REAL[0] = 0;
            UNREAL.clear();
            walk(scene.getRoot(), null);
            // Prism paints the whole window when a frame has changes but no dirty region (ViewPainter: "no dirty
            // regions, so just paint everything"): report frames whose changes are all empty, off-window or clipped
            if (REAL[0] == 0 && !UNREAL.isEmpty()) {
                System.out.println("NO-REGION " + System.nanoTime() / 1_000_000 + " " + UNREAL.size() + " "
                        + UNREAL.subList(0, Math.min(6, UNREAL.size())));
            }
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

    /**
     * The scene's own list of nodes to sync this pulse: when all of them are hidden, the scene is marked changed but
     * no rendered node is, and Prism paints the whole window for nothing.
     */
    private static void reportHiddenOnly(Scene scene) {
        try {
            Field arr = Scene.class.getDeclaredField("dirtyNodes");
            Field size = Scene.class.getDeclaredField("dirtyNodesSize");
            arr.setAccessible(true);
            size.setAccessible(true);
            Node[] nodes = (Node[]) arr.get(scene);
            int n = size.getInt(scene);
            if (n == 0 || nodes == null) {
                return;
            }
            if (n == 1 && nodes[0] == scene.getRoot() && ((java.util.Set<?>) dirtyBits.get(nodes[0])).isEmpty()) {
                // a CSS change made during layout left the root marked: this frame has no dirty region, and Prism
                // paints a frame without dirty regions whole (see ChipPaint)
                System.out.println("ROOT-ONLY " + System.nanoTime() / 1_000_000);
            }
            if (Boolean.getBoolean("bench.ui.dirtylist")) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    Node d = nodes[i];
                    if (d != null) {
                        all.append(" | ").append(d.getClass().getSimpleName()).append(d.getStyleClass()).append(' ')
                                .append(dirtyBits.get(d)).append(" in ").append(owner(d));
                    }
                }
                System.out.println("DIRTYLIST " + System.nanoTime() / 1_000_000 + " " + n + all);
            }
            java.util.List<String> hidden = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Node node = nodes[i];
                if (node == null) {
                    continue;
                }
                boolean visible = true;
                for (Node p = node; p != null; p = p.getParent()) {
                    visible &= p.isVisible();
                }
                if (visible) {
                    return; // something shown changes: Prism gets a region
                }
                hidden.add(node.getClass().getSimpleName() + node.getStyleClass() + " in " + owner(node));
            }
            System.out.println("HIDDEN-ONLY " + System.nanoTime() / 1_000_000 + " " + hidden.size() + " "
                    + hidden.subList(0, Math.min(6, hidden.size())));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
            boolean boundsOnly = bitsSet != null && bitsSet.stream().allMatch(b -> String.valueOf(b).endsWith("BOUNDS"));
            if (bitsSet != null && !bitsSet.isEmpty() && !boundsOnly && scene != null) {
                boolean real = here.getWidth() > 0 && here.getHeight() > 0
                        && here.intersects(0, 0, scene.getWidth(), scene.getHeight())
                        && (clip == null || (clip.getWidth() > 0 && clip.getHeight() > 0 && here.intersects(clip)));
                if (real) {
                    REAL[0]++;
                } else {
                    UNREAL.add(n.getClass().getSimpleName() + n.getStyleClass() + " " + bitsSet + " at " + here
                            + " clip " + clip + " in " + owner(n));
                }
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
