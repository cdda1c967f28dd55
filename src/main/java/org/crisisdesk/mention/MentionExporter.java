package org.crisisdesk.mention;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** Writes mentions as canonical JSON Lines or CSV, streaming from the store. Writes to a temp file, then moves. */
public final class MentionExporter {
    public enum Format {
        JSONL,
        CSV
    }

    private final MentionStore store;

    public MentionExporter(MentionStore store) {
        this.store = store;
    }

    /**
     * @param categoryName maps a category id to its name (null id: Unsorted, no category written)
     * @return how many mentions were written
     */
    public int export(MentionFilter filter, Format format, Path out, LongFunction<String> categoryName)
            throws IOException {
        if (Files.exists(out) && !Files.isRegularFile(out) && !Files.isDirectory(out)) {
            // a device, a pipe or a socket (/dev/stdout, /dev/full, a FIFO): written straight to, never replaced by
            // a regular file moved over it
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                return write(filter, format, w, categoryName);
            }
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export-", ".part");
        int n;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            n = write(filter, format, w, categoryName);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        org.slf4j.LoggerFactory.getLogger(MentionExporter.class).info("Export: {} mentions as {} to {}", n, format,
                out.toAbsolutePath());
        return n;
    }

    /** Writes every mention; a write that fails (a full disk) comes out as its IOException, not wrapped. */
    private int write(MentionFilter filter, Format format, BufferedWriter w, LongFunction<String> categoryName)
            throws IOException {
        try {
            return format == Format.JSONL ? jsonl(filter, w, categoryName) : csv(filter, w, categoryName);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int jsonl(MentionFilter filter, BufferedWriter w, LongFunction<String> names) {
        return store.forEach(filter, m -> {
            try {
                w.write(MentionJson.toCanonicalLine(m, m.categoryId() == null ? null : names.apply(m.categoryId())));
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** CSV is for spreadsheets (JSON Lines is the exchange format): cells are defused against formula injection. */
    private int csv(MentionFilter filter, BufferedWriter w, LongFunction<String> names) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.builder()
                .addColumn("id").addColumn("created_at").addColumn("author").addColumn("author_name")
                .addColumn("lang").addColumn("text").addColumn("category").addColumn("link")
                .build().withHeader();
        try (SequenceWriter seq = mapper.writer(schema).writeValues(w)) {
            return store.forEach(filter, m -> {
                Map<String, String> row = new LinkedHashMap<>();
                Mention x = m.mention();
                // every column, not only the free-text ones: an imported id or lang can be "=1+1" too
                row.put("id", TextChecks.defuseSpreadsheetCell(x.platformId()));
                row.put("created_at", TextChecks.defuseSpreadsheetCell(x.createdAt().toString()));
                row.put("author", TextChecks.defuseSpreadsheetCell(x.author()));
                row.put("author_name", TextChecks.defuseSpreadsheetCell(x.authorName()));
                row.put("lang", TextChecks.defuseSpreadsheetCell(x.lang()));
                row.put("text", TextChecks.defuseSpreadsheetCell(x.text()));
                String category = m.categoryId() == null ? "" : names.apply(m.categoryId());
                row.put("category", TextChecks.defuseSpreadsheetCell(category));
                row.put("link", TextChecks.defuseSpreadsheetCell(x.permalink()));
                try {
                    seq.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
