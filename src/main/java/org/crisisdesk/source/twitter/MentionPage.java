package org.crisisdesk.source.twitter;

import java.util.List;
import org.crisisdesk.mention.Mention;

/**
 * One response of a timeline or search call.
 *
 * @param mentions newest first, as the API returns them, with full and unescaped text
 * @param next     where the next (older) page starts: a v2 pagination token or a v1.1 max_id; null when there is none
 * @param rate     the endpoint's rate-limit window after this call, or null when the response had no headers
 */
public record MentionPage(List<Mention> mentions, String next, RateLimit rate) {}
