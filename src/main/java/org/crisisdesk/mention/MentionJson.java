package org.crisisdesk.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads one JSON line in any of the formats CrisisDesk accepts (canonical, X API v1.1 tweet, X API v2 tweet or
 * response) and writes the canonical format. Stateless and thread-safe.
 */
public final class MentionJson {
    public static final int MAX_TEXT = 100_000;
    public static final String CANONICAL_SOURCE = "import";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MentionJson() {}

    /**
     * The mentions one line carries (several for a v2 page) and the problems found in it: a line can give some
     * mentions and still have problems, when one tweet of a v2 page is bad and the others are fine.
     */
    public record Parsed(List<Mention> mentions, List<String> problems) {
        public Parsed {
            mentions = List.copyOf(mentions);
            problems = List.copyOf(problems);
        }

        static Parsed ok(List<Mention> mentions) {
            return new Parsed(mentions, List.of());
        }

        static Parsed rejected(String why) {
            return new Parsed(List.of(), List.of(why));
        }

        /** Nothing usable came of the line. */
        public boolean rejected() {
            return mentions.isEmpty() && !problems.isEmpty();
        }

        /** The problems in one sentence, or null when there are none. */
        public String error() {
            return problems.isEmpty() ? null : String.join("; ", problems);
        }
    }

    public static Parsed parseLine(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Parsed.rejected("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Parsed.rejected("not a JSON object");
        }
        try {
            if (TweetJson.isV2(node)) {
                return TweetJson.fromV2(node);
            }
            if (node.has("user") && (node.has("id_str") || node.get("id") != null && node.get("id").isNumber())) {
                return Parsed.ok(List.of(TweetJson.fromV1(node)));
            }
            return Parsed.ok(List.of(canonical(node)));
        } catch (InvalidMentionException e) {
            return Parsed.rejected(e.getMessage());
        }
    }

    private static Mention canonical(JsonNode n) {
        String id = requiredId(n, "id");
        Instant created = parseInstant(requiredText(n, "created_at"));
        String author = requiredText(n, "author");
        if (author.startsWith("@")) {
            author = author.substring(1);
        }
        String text = requiredText(n, "text");
        String source = optionalText(n, "source");
        Double release = n.hasNonNull("release_s") ? n.get("release_s").asDouble() : null;
        if (release != null && (release.isNaN() || release < 0)) {
            throw new InvalidMentionException("release_s must be a number of seconds >= 0");
        }
        return validated(new Mention(source == null ? CANONICAL_SOURCE : source, id, created, author,
                optionalText(n, "author_name"), optionalText(n, "lang"), text, optionalText(n, "conversation_id"),
                blankToNull(optionalText(n, "category")), release));
    }

    static String requiredText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidMentionException("missing \"" + field + "\"");
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new InvalidMentionException("\"" + field + "\" must be a string");
        }
        String s = v.asText();
        if (s.isEmpty() && !"text".equals(field)) {
            throw new InvalidMentionException("\"" + field + "\" is empty");
        }
        return s;
    }

    /**
     * An id: a string, or a whole number written as one ({@code 123}, never coerced: {@code 1e2}, {@code 1.5} or
     * {@code 1e400} are refused, as they would become "100.0", "1.5" or "Infinity" and clash with other posts).
     */
    static String requiredId(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && v.isNumber()) {
            if (!v.isIntegralNumber()) {
                throw new InvalidMentionException("\"" + field + "\" must be a string or a whole number, not "
                        + abbreviate(v.toString()));
            }
            return v.bigIntegerValue().toString();
        }
        return requiredText(n, field);
    }

    static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Cut to microseconds, the store's precision: the database would round {@code .123456789} up to {@code .123457},
     * a later instant than the post's; truncating keeps the order of posts within one microsecond as it was.
     */
    static Instant parseInstant(String s) {
        try {
            return IsoTimestamps.parse(s).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidMentionException("created_at \"" + abbreviate(s) + "\" is not ISO-8601 with an offset");
        }
    }

    /** Checks the limits every entry point shares; returns the mention unchanged or throws with the reason. */
    public static Mention validated(Mention m) {
        if (m.platformId().length() > 64) {
            throw new InvalidMentionException("id is longer than 64 characters");
        }
        if (m.author().isBlank() || m.author().length() > 100) {
            throw new InvalidMentionException("author must be 1 to 100 characters");
        }
        if (m.text().length() > MAX_TEXT) {
            throw new InvalidMentionException("text is " + m.text().length() + " characters; the limit is " + MAX_TEXT);
        }
        for (String s : new String[] {m.platformId(), m.author(), m.authorName(), m.lang(), m.text()}) {
            String problem = TextChecks.problem(s);
            if (problem != null) {
                throw new InvalidMentionException(problem);
            }
        }
        if (m.authorName() != null && m.authorName().length() > 400) {
            throw new InvalidMentionException("author_name is longer than 400 characters");
        }
        if (m.conversationId() != null && m.conversationId().length() > 64) {
            throw new InvalidMentionException("conversation_id is longer than 64 characters");
        }
        if (m.source().length() > 32) {
            throw new InvalidMentionException("source is longer than 32 characters");
        }
        if (m.lang() != null && m.lang().length() > 16) {
            throw new InvalidMentionException("lang is longer than 16 characters");
        }
        return m;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** One canonical JSON line (no trailing newline). */
    public static String toCanonicalLine(StoredMention sm, String categoryName) {
        return toCanonicalLine(sm.mention(), categoryName);
    }

    /** A mention not stored yet as one canonical JSON line, its category hint as "category" (for the quarantine). */
    public static String toCanonicalLine(Mention m) {
        return toCanonicalLine(m, m.categoryHint());
    }

    private static String toCanonicalLine(Mention m, String categoryName) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", m.platformId());
        o.put("created_at", m.createdAt().toString());
        o.put("author", m.author());
        if (m.authorName() != null) {
            o.put("author_name", m.authorName());
        }
        if (m.lang() != null) {
            o.put("lang", m.lang());
        }
        o.put("text", m.text());
        if (categoryName != null) {
            o.put("category", categoryName);
        }
        o.put("source", m.source());
        if (m.conversationId() != null) {
            o.put("conversation_id", m.conversationId());
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write mention " + m.platformId(), e);
        }
    }

    /** Thrown for a line or object that cannot become a mention; the message says why, for the import summary. */
    public static final class InvalidMentionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidMentionException(String message) {
            super(message);
        }
    }
}
