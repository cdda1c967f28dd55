package org.crisisdesk.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;

/**
 * Labelled mentions for training and evaluation: canonical JSON Lines with a {@code category} field, or any mention
 * JSONL plus a tab-separated {@code id<TAB>category} file (as the demo scenario ships its labels).
 */
public final class LabelledMentions {
    private LabelledMentions() {}

    /** One labelled mention. */
    public record Labelled(Mention mention, String category) {}

    /**
     * Reads {@code jsonl}; each mention's label comes from {@code labelsTsv} when given, else from its
     * {@code category} field. Lines without a label, or unreadable, are errors (the message names the first few).
     */
    public static List<Labelled> read(Path jsonl, Path labelsTsv) throws IOException {
        Map<String, String> labels = labelsTsv == null ? null : readTsv(labelsTsv);
        List<Labelled> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                MentionJson.Parsed p = MentionJson.parseLine(line);
                for (String problem : p.problems()) {
                    problems.add("line " + no + ": " + problem);
                }
                for (Mention m : p.mentions()) {
                    String category = labels != null ? labels.get(m.platformId()) : m.categoryHint();
                    if (category == null || category.isBlank()) {
                        problems.add("line " + no + ": mention " + m.platformId() + " has no category"
                                + (labels != null ? " in " + labelsTsv.getFileName() : ""));
                        continue;
                    }
                    out.add(new Labelled(m, CategoryNames.clean(category)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(jsonl + ": " + problems.size() + " line(s) cannot be used, e.g. "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        return out;
    }

    /** {@code id<TAB>category} lines; a first line {@code id<TAB>category} is a header. */
    public static Map<String, String> readTsv(Path tsv) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.strip().equalsIgnoreCase("id\tcategory"))) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException(tsv + ": line " + (i + 1) + " is not \"id<TAB>category\"");
            }
            out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        }
        return out;
    }
}
