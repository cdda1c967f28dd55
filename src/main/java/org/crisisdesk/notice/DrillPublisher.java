package org.crisisdesk.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The publisher of a drill or demo: it never talks to any network. Each "post" is appended to the drill outbox file
 * ({@code drill-outbox.jsonl}: time, id, reply-to and the text that would have been posted, owner-only) and answered
 * as posted, with a URL on the reserved {@code drill.invalid} domain, so the drill goes on as a live desk would
 * (cadence, coverage, alerts) without anything reaching an account. Thread-safe.
 */
public final class DrillPublisher implements Publisher {
    public static final String FILE_NAME = "drill-outbox.jsonl";
    /** Every drill post's URL starts with this; nothing on the internet answers it (RFC 2606). */
    public static final String URL_PREFIX = "https://drill.invalid/status/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock wall;

    public DrillPublisher(Path file, Clock wall) {
        this.file = file;
        this.wall = wall;
    }

    public Path file() {
        return file;
    }

    /** A drill is always "connected": posting goes to the drill outbox. */
    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public synchronized Posted post(String text, String inReplyToId) throws PublishException {
        Instant at = wall.instant();
        String id = "drill-" + at.toEpochMilli() + "-" + (read().size() + 1);
        ObjectNode line = JSON.createObjectNode();
        line.put("at", at.toString());
        line.put("id", id);
        if (inReplyToId != null) {
            line.put("in_reply_to", inReplyToId);
        }
        line.put("text", text);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the home's own permissions apply
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                w.write(JSON.writeValueAsString(line));
                w.newLine();
            }
        } catch (IOException e) {
            throw new PublishException(PublishException.Kind.REJECTED, "The drill outbox " + file
                    + " could not be written: " + e.getMessage(), null, e);
        }
        return new Posted(id, text, at, URL_PREFIX + id);
    }

    @Override
    public synchronized List<Posted> recentPosts(int max) throws PublishException {
        List<Posted> all = read();
        Collections.reverse(all);
        return all.subList(0, Math.min(max, all.size()));
    }

    private List<Posted> read() throws PublishException {
        List<Posted> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (l.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(l);
                    String id = n.path("id").asText();
                    out.add(new Posted(id, n.path("text").asText(), Instant.parse(n.path("at").asText()),
                            URL_PREFIX + id));
                } catch (IOException | RuntimeException bad) {
                    // a line damaged by hand: skipped, the rest still counts
                }
            }
        } catch (IOException e) {
            throw new PublishException(PublishException.Kind.TRANSIENT, "The drill outbox " + file
                    + " could not be read: " + e.getMessage(), null, e);
        }
        return out;
    }
}
