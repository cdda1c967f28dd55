package org.crisisdesk.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.mention.TextChecks;

/**
 * The file the customer centre receives: one case per line (JSONL) or row (CSV) with id, time in the desk's zone,
 * author, link, text, the desk's category, the context (the post the case answers, issue #26) and the
 * assignee (issue 22). Committed like a database row: written to a temp file beside the target, forced to disk,
 * then moved over the target in one step, so the target is either the old file or the complete new one.
 */
final class CustomerCentreExport {
    static final String[] COLUMNS = {"id", "created_at", "author", "author_name", "link", "text", "category",
        "context", "assignee"};
    /** Characters of the context post kept in a cell. */
    static final int CONTEXT_CHARS = 280;

    /** What the desk knows around a case: its column's name, and the post it replies to. */
    interface Lookup {
        Lookup NONE = new Lookup() {
            @Override
            public String category(StoredMention m) {
                return "";
            }

            @Override
            public String context(StoredMention m) {
                return "";
            }
        };

        String category(StoredMention m);

        /** The post the case replies to ("@author: text"), its link when the desk does not hold it, else "". */
        String context(StoredMention m);

        /** Who the case is assigned to (issue 22), else "". */
        default String assignee(StoredMention m) {
            return "";
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomerCentreExport() {}

    static void write(List<StoredMention> cases, MentionExporter.Format format, Path out, ZoneId zone)
            throws IOException {
        write(cases, format, out, zone, Lookup.NONE);
    }

    static void write(List<StoredMention> cases, MentionExporter.Format format, Path out, ZoneId zone, Lookup lookup)
            throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".handover-", ".part");
        try {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(tmp, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                if (format == MentionExporter.Format.CSV) {
                    csv(cases, w, zone, lookup);
                } else {
                    jsonl(cases, w, zone, lookup);
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, String> row(StoredMention sm, ZoneId zone, Lookup lookup) {
        Mention m = sm.mention();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", m.platformId());
        row.put("created_at", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(m.createdAt().atZone(zone)));
        row.put("author", m.author());
        row.put("author_name", m.authorName() == null ? "" : m.authorName());
        row.put("link", m.permalink());
        row.put("text", m.text());
        row.put("category", lookup.category(sm));
        String context = lookup.context(sm);
        row.put("context", context.length() > CONTEXT_CHARS ? context.substring(0, CONTEXT_CHARS) + "…" : context);
        row.put("assignee", lookup.assignee(sm));
        return row;
    }

    private static void jsonl(List<StoredMention> cases, BufferedWriter w, ZoneId zone, Lookup lookup)
            throws IOException {
        for (StoredMention sm : cases) {
            ObjectNode o = JSON.createObjectNode();
            row(sm, zone, lookup).forEach(o::put);
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
    }

    /**
     * CSV for a spreadsheet: a UTF-8 byte order mark so Excel reads Hangul, and cells that a spreadsheet would run
     * as a formula (every mention starts with "@") prefixed with an apostrophe, which spreadsheets hide.
     */
    private static void csv(List<StoredMention> cases, BufferedWriter w, ZoneId zone, Lookup lookup)
            throws IOException {
        w.write('\uFEFF');
        CsvSchema.Builder b = CsvSchema.builder();
        for (String col : COLUMNS) {
            b.addColumn(col);
        }
        try (SequenceWriter seq = new CsvMapper().writer(b.build().withHeader()).writeValues(w)) {
            for (StoredMention sm : cases) {
                Map<String, String> row = row(sm, zone, lookup);
                row.replaceAll((k, v) -> "link".equals(k) || "created_at".equals(k) ? v : defuse(v));
                seq.write(row);
            }
        }
    }

    static String defuse(String cell) {
        return TextChecks.defuseSpreadsheetCell(cell);
    }

    /** Makes the rename itself durable where the platform allows it (Linux); elsewhere the move is enough. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not possible on this platform (e.g. Windows); the file itself is already on disk
        }
    }
}
