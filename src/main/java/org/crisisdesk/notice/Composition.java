package org.crisisdesk.notice;

import java.util.List;
import java.util.Set;

/**
 * A notice as it would be posted right now, and whether it may be: what the composer's preview and the CLI show.
 *
 * @param notice the facts with the final link and the rendered text
 * @param used placeholders that made it into the text
 * @param measure the weighted length of the whole text
 * @param parts what would be posted: the text alone, or the numbered parts of a thread when splitting was asked
 *     for and the text is over the limit
 * @param warnings the says-something check (a person may post anyway)
 * @param link the link check
 * @param block why it cannot be posted, or null when it can
 */
public record Composition(Notice notice, Set<String> used, WeightedLength.Measure measure, List<String> parts,
        List<NoticeLint.Warning> warnings, LinkCheck link, Block block) {

    public enum Block {
        EMPTY,
        NO_CATEGORY,
        OVER_LIMIT,
        LINK_INVALID,
        TEMPLATE_INVALID
    }

    public String text() {
        return notice.text();
    }

    public boolean postable() {
        return block == null;
    }

    public boolean thread() {
        return parts.size() > 1;
    }
}
