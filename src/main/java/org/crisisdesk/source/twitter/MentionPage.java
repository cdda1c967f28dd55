package org.crisisdesk.source.twitter;

import java.util.List;
import org.crisisdesk.mention.Mention;

/**
 * One response of a timeline or search call.
 *
 * @param mentions      newest first, as the API returns them, with full and unescaped text
 * @param next          where the next (older) page starts: a v2 pagination token or a v1.1 max_id; null when there is
 *                      none
 * @param rate          the endpoint's rate-limit window after this call, or null when the response had no headers
 * @param usersReturned ids of the user objects the response carried besides the posts (v2 {@code includes.users}: the
 *                      authors asked for with {@code expansions}), which X charges as "User: Read"; empty on v1.1
 * @param postsIncluded ids of the posts the response carried besides {@code mentions} (v2 {@code includes.tweets}: a
 *                      retweet's original), returned resources like the rest; empty on v1.1
 */
public record MentionPage(List<Mention> mentions, String next, RateLimit rate, List<String> usersReturned,
        List<String> postsIncluded) {
    public MentionPage {
        usersReturned = usersReturned == null ? List.of() : List.copyOf(usersReturned);
        postsIncluded = postsIncluded == null ? List.of() : List.copyOf(postsIncluded);
    }

    public MentionPage(List<Mention> mentions, String next, RateLimit rate) {
        this(mentions, next, rate, List.of(), List.of());
    }
}
