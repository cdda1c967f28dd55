package org.crisisdesk.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;

/**
 * Loads JSON Lines files through the ingest pipeline. A bad line is reported with its number and reason and never
 * stops the good ones. Every line is checked as strict UTF-8 on its own, so one damaged line costs only itself.
 */
public final class FileImporter {
    private static final int BATCH = 1000;

    private final IngestPipeline pipeline;

    public FileImporter(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What happened to one file. */
    public record Report(Path file, int imported, int duplicates, List<Rejection> rejected) {
        public int read() {
            return imported + duplicates + rejected.size();
        }
    }

    public record Rejection(int line, String reason) {}

    public Report importFile(Path file) throws IOException {
        List<Rejection> rejected = new ArrayList<>();
        List<Mention> batch = new ArrayList<>();
        int[] counts = new int[2]; // imported, duplicates
        try (InputStream in = Files.newInputStream(file)) {
            LineReader lines = new LineReader(in);
            byte[] raw;
            int number = 0;
            while ((raw = lines.next()) != null) {
                number++;
                String line;
                try {
                    line = strictUtf8(raw);
                } catch (CharacterCodingException e) {
                    rejected.add(new Rejection(number, "not valid UTF-8"));
                    continue;
                }
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                MentionJson.Parsed parsed = MentionJson.parseLine(line);
                if (parsed.rejected()) {
                    rejected.add(new Rejection(number, parsed.error()));
                    continue;
                }
                batch.addAll(parsed.mentions());
                if (batch.size() >= BATCH) {
                    flush(batch, counts);
                }
            }
        }
        flush(batch, counts);
        return new Report(file, counts[0], counts[1], rejected);
    }

    private void flush(List<Mention> batch, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        int stored = pipeline.ingest(batch, (Checkpoint) null).size();
        counts[0] += stored;
        counts[1] += batch.size() - stored;
        batch.clear();
    }

    private static String strictUtf8(byte[] raw) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(raw)).toString();
    }

    /** Splits a byte stream at '\n' (dropping a preceding '\r'), so decoding happens line by line. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int len;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return any ? trimCr(line.toByteArray()) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                line.write(buf, start, pos - start);
                if (pos < len) {
                    pos++; // skip '\n'
                    return trimCr(line.toByteArray());
                }
            }
        }

        private static byte[] trimCr(byte[] b) {
            return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
        }
    }
}
