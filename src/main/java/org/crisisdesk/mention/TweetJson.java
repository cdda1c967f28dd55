package org.crisisdesk.mention;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisisdesk.mention.MentionJson.InvalidMentionException;

/** Raw X API tweet objects (v1.1 and v2) as found in archives and API dumps, turned into mentions. */
final class TweetJson {
    static final String X_SOURCE = "x";
    private static final DateTimeFormatter V1_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private TweetJson() {}

    static Mention fromV1(JsonNode t) {
        String id = t.hasNonNull("id_str") ? t.get("id_str").asText() : MentionJson.requiredId(t, "id");
        JsonNode user = t.get("user");
        String handle = user.hasNonNull("screen_name") ? user.get("screen_name").asText() : null;
        if (handle == null) {
            throw new InvalidMentionException("v1.1 tweet " + id + " has no user.screen_name");
        }
        String text = v1FullText(t);
        JsonNode original = t.get("retweeted_status");
        if (original != null && original.isObject() && original.path("user").hasNonNull("screen_name")) {
            // A retweet's own text is cut at 140 characters; the original carries all of it (as the live client does).
            text = "RT @" + original.get("user").get("screen_name").asText() + ": " + v1FullText(original);
        }
        String created = MentionJson.requiredText(t, "created_at");
        // "conversation" as v2 means it, the thread's first post: v1.1 names only the post replied to, so a post that
        // replies to nothing roots its own thread and a reply's thread is unknown (as the live v1.1 client stores it).
        String conversation = t.hasNonNull("in_reply_to_status_id_str") || t.hasNonNull("in_reply_to_status_id")
                ? null : id;
        return MentionJson.validated(new Mention(X_SOURCE, id, parseV1Date(created), handle,
                MentionJson.optionalText(user, "name"), MentionJson.optionalText(t, "lang"),
                TextChecks.unescapeXEntities(text), conversation, null, null));
    }

    /** The untruncated text of a v1.1 tweet: extended_tweet.full_text (streaming), full_text (extended mode), text. */
    private static String v1FullText(JsonNode t) {
        if (t.path("extended_tweet").hasNonNull("full_text")) {
            return t.get("extended_tweet").get("full_text").asText();
        }
        if (t.hasNonNull("full_text")) {
            return t.get("full_text").asText();
        }
        return MentionJson.requiredText(t, "text");
    }

    private static Instant parseV1Date(String s) {
        try {
            return ZonedDateTime.parse(s, V1_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return MentionJson.parseInstant(s);
        }
    }

    /** A v2 tweet object or response; a response may carry only {@code meta} or {@code errors} when it found nothing. */
    static boolean isV2(JsonNode node) {
        return node.has("data") || node.has("author_id") || node.has("edit_history_tweet_ids")
                || !node.has("id") && (node.has("meta") || node.has("errors"));
    }

    /**
     * A v2 tweet object, or a v2 response ({@code data} object or array, {@code includes.users}). One bad tweet of a
     * page is a problem of its own ({@code data[i]}); the others are kept.
     */
    static MentionJson.Parsed fromV2(JsonNode node) {
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode u : node.path("includes").path("users")) {
            if (u.hasNonNull("id")) {
                users.put(u.get("id").asText(), u);
            }
        }
        if (!node.has("data") && !node.has("id")) {
            return noData(node);
        }
        JsonNode data = node.has("data") ? node.get("data") : node;
        if (data.isObject()) {
            return new MentionJson.Parsed(List.of(oneV2(data, users)), List.of());
        }
        if (!data.isArray()) {
            throw new InvalidMentionException("v2 \"data\" must be a tweet object or an array of them");
        }
        List<Mention> mentions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode t = data.get(i);
            try {
                mentions.add(oneV2(t, users));
            } catch (InvalidMentionException e) {
                String id = t.path("id").isValueNode() ? " (id " + MentionJson.abbreviate(t.get("id").asText()) + ")" : "";
                problems.add("data[" + i + "]" + id + ": " + e.getMessage());
            }
        }
        return new MentionJson.Parsed(mentions, problems);
    }

    /**
     * A response without {@code data}: an empty page ({@code meta.result_count: 0}) holds no mentions; one with only
     * {@code errors} is reported with the API's own words, since whatever it was meant to hold is missing.
     */
    private static MentionJson.Parsed noData(JsonNode node) {
        List<String> messages = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
            String why = e.hasNonNull("detail") ? e.get("detail").asText()
                    : e.hasNonNull("message") ? e.get("message").asText()
                    : e.hasNonNull("title") ? e.get("title").asText() : e.toString();
            messages.add(MentionJson.abbreviate(why));
        }
        if (messages.isEmpty()) {
            return MentionJson.Parsed.ok(List.of());
        }
        return MentionJson.Parsed.rejected("the X API returned an error instead of tweets: " + String.join("; ", messages));
    }

    private static Mention oneV2(JsonNode t, Map<String, JsonNode> users) {
        String id = MentionJson.requiredId(t, "id");
        String authorId = MentionJson.optionalText(t, "author_id");
        JsonNode user = authorId == null ? null : users.get(authorId);
        String handle = user == null ? MentionJson.optionalText(t, "username") : MentionJson.optionalText(user, "username");
        if (handle == null && authorId != null) {
            // As the live v2 client does: the author is known by id only, and the mention is worth more than its handle.
            handle = "id:" + authorId;
        }
        if (handle == null) {
            throw new InvalidMentionException("v2 tweet " + id + " has neither author_id nor a user in includes.users");
        }
        String text = t.path("note_tweet").hasNonNull("text")
                ? t.get("note_tweet").get("text").asText()
                : MentionJson.requiredText(t, "text");
        return MentionJson.validated(new Mention(X_SOURCE, id, MentionJson.parseInstant(
                        MentionJson.requiredText(t, "created_at")), handle,
                user == null ? null : MentionJson.optionalText(user, "name"), MentionJson.optionalText(t, "lang"),
                TextChecks.unescapeXEntities(text), MentionJson.optionalText(t, "conversation_id"), null, null));
    }
}
