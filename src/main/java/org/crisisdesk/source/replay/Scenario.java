package org.crisisdesk.source.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;

/**
 * A recorded crisis: mentions with the second at which each is released. Its start is the first mention's
 * created_at minus its release offset.
 */
public record Scenario(String name, Instant start, List<Mention> mentions) {
    public static final String DEMO_RESOURCE = "/scenarios/launch-weekend.jsonl";
    public static final String DEMO_NAME = "launch-weekend";

    public static Scenario demo() {
        try (InputStream in = Scenario.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo scenario is missing from the application (" + DEMO_RESOURCE + ")");
            }
            return read(DEMO_NAME, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            return read(name, in);
        }
    }

    /** Reads canonical lines; lines that cannot be read are skipped (a scenario is demo material, not evidence). */
    public static Scenario read(String name, InputStream in) throws IOException {
        List<Mention> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                MentionJson.Parsed p = MentionJson.parseLine(line);
                for (Mention m : p.mentions()) {
                    double release = m.releaseSeconds() == null ? 0 : m.releaseSeconds();
                    list.add(new Mention("replay", m.platformId(), m.createdAt(), m.author(), m.authorName(), m.lang(),
                            m.text(), m.conversationId(), null, release));
                }
            }
        }
        list.sort(Comparator.comparingDouble(Mention::releaseSeconds));
        if (list.isEmpty()) {
            throw new IOException("Scenario " + name + " holds no readable mentions");
        }
        Mention first = list.get(0);
        Instant start = first.createdAt().minusMillis((long) (first.releaseSeconds() * 1000));
        return new Scenario(name, start, List.copyOf(list));
    }

    public Instant releaseTime(int index) {
        return start.plusMillis((long) (mentions.get(index).releaseSeconds() * 1000));
    }

    public int size() {
        return mentions.size();
    }
}
