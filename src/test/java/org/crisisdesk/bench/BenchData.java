package org.crisisdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.source.replay.Scenario;

/**
 * Crisis-sized data for the benchmarks, seeded from the demo scenario: its texts and authors, with new ids, times
 * spread over a window and small variations so rows are not identical. Generated per run, never committed.
 */
public final class BenchData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TAILS = {"", " ㅠㅠ", " 언제요?", " !!", " 🙏", " please", " 확인 부탁", " ㅡㅡ", " #노바9", " 2"};

    private BenchData() {}

    /** Writes {@code count} canonical lines spread evenly over {@code span} seconds from {@code start}. */
    public static Path writeJsonl(Path file, int count, Instant start, long spanSeconds, long seed) throws IOException {
        List<Mention> base = Scenario.demo().mentions();
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                Mention m = base.get(random.nextInt(base.size()));
                ObjectNode o = JSON.createObjectNode();
                o.put("id", Long.toString(1_900_000_000_000_000_000L + i));
                o.put("created_at", start.plusMillis(spanSeconds * 1000L * i / Math.max(1, count)).toString());
                o.put("author", m.author() + (i % 7 == 0 ? "_" + (i % 1000) : ""));
                if (m.authorName() != null) {
                    o.put("author_name", m.authorName());
                }
                if (m.lang() != null) {
                    o.put("lang", m.lang());
                }
                o.put("text", m.text() + TAILS[random.nextInt(TAILS.length)]);
                w.write(JSON.writeValueAsString(o));
                w.write('\n');
            }
        }
        return file;
    }
}
