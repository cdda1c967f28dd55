package org.crisisdesk.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one definition of an overdue promise (issue #26: the handover said "0 overdue promises" although the 12:11
 * promise was missed, because a late notice had followed it). A posted notice that does not close its category
 * promises its ETA and its next update; a promise is <b>missed</b> when its time passed before the next notice of the
 * same category was posted (or with none posted yet). It stays <b>open</b> while no notice followed at all. Pure.
 */
public final class Promises {
    private Promises() {}

    public enum Kind {
        ETA,
        NEXT_UPDATE
    }

    /** A posted notice's promises. */
    public record Made(long noticeId, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate,
            boolean closing) {}

    /**
     * @param followedAt when the next notice of the category was posted (late), or null when none followed by
     *     {@code asOf}: the promise is still open
     */
    public record Missed(Made notice, Kind kind, Instant due, Instant followedAt) {
        public boolean open() {
            return followedAt == null;
        }
    }

    /** Every promise of {@code posted} whose time passed by {@code asOf} without a notice in time, by due time. */
    public static List<Missed> missed(List<Made> posted, Instant asOf) {
        List<Made> sorted = new ArrayList<>(posted.stream().filter(m -> !m.postedAt().isAfter(asOf)).toList());
        sorted.sort(Comparator.comparing(Made::postedAt).thenComparingLong(Made::noticeId));
        List<Missed> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Made n = sorted.get(i);
            if (n.closing()) {
                continue;
            }
            Instant next = null;
            for (int j = i + 1; j < sorted.size(); j++) {
                if (Objects.equals(sorted.get(j).categoryId(), n.categoryId())) {
                    next = sorted.get(j).postedAt();
                    break;
                }
            }
            check(n, Kind.ETA, n.eta(), next, asOf, out);
            check(n, Kind.NEXT_UPDATE, n.nextUpdate(), next, asOf, out);
        }
        out.sort(Comparator.comparing(Missed::due));
        return out;
    }

    private static void check(Made n, Kind kind, Instant due, Instant next, Instant asOf, List<Missed> out) {
        if (due == null || due.isAfter(asOf)) {
            return;
        }
        if (next == null || next.isAfter(due)) {
            out.add(new Missed(n, kind, due, next));
        }
    }
}
