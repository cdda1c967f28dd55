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
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;

/**
 * Loads JSON Lines files through the ingest pipeline. A bad line (or a bad tweet of a v2 page) is reported with its
 * line number and reason and never stops the good ones. Every line is checked as strict UTF-8 on its own, so one damaged line costs only itself.
 */
public final class FileImporter {
    /** Lines stored per transaction. */
    public static final int BATCH = 2000;

    private final IngestPipeline pipeline;
    private final Executor prepare;

    public FileImporter(IngestPipeline pipeline) {
        this(pipeline, null);
    }

    /**
     * With an executor, reading, parsing and classifying run on one of its threads while the calling thread stores
     * the batch before (two cores busy instead of one); without, everything runs on the calling thread.
     */
    public FileImporter(IngestPipeline pipeline, Executor prepare) {
        this.pipeline = pipeline;
        this.prepare = prepare;
    }

    /** Told after each stored batch: the file and its running counts (a 1M-line file takes minutes). */
    private volatile java.util.function.BiConsumer<Path, int[]> progress = (f, c) -> { };

    /**
     * Calls {@code listener} on the storing thread after each batch of a file is stored, with the file and its counts
     * so far: imported, duplicates skipped, quarantined (a copy).
     */
    public FileImporter onProgress(java.util.function.BiConsumer<Path, int[]> listener) {
        this.progress = listener;
        return this;
    }

    /** What happened to one file. */
    public record Report(Path file, int imported, int duplicates, List<Rejection> rejected, int quarantined) {
        public Report(Path file, int imported, int duplicates, List<Rejection> rejected) {
            this(file, imported, duplicates, rejected, 0);
        }

        public int read() {
            return imported + duplicates + rejected.size() + quarantined;
        }
    }

    /** A rejected line, or one rejected tweet of a v2 page (its reason then starts with {@code data[i]}). */
    public record Rejection(int line, String reason) {}

    /**
     * The import stopped part way (the database failed: a full disk, a closed database): what was stored before is
     * committed and kept, and {@link #partial} says how much.
     */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Report partial;

        Stopped(Report partial, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.partial = partial;
        }

        public Report partial() {
            return partial;
        }
    }

    public Report importFile(Path file) throws IOException {
        if (prepare == null) {
            List<Rejection> rejected = new ArrayList<>();
            int[] counts = new int[3]; // imported, duplicates, quarantined
            try {
                read(file, rejected, batch -> store(file, pipeline.classify(batch), batch.size(), counts));
            } catch (org.crisisdesk.store.StoreException e) {
                throw new Stopped(new Report(file, counts[0], counts[1], rejected, counts[2]), e);
            }
            return new Report(file, counts[0], counts[1], rejected, counts[2]);
        }
        return importTwoStage(file);
    }

    private static final List<Filing> END = List.of();

    /** Stage one on the executor (read, parse, classify) hands batches to stage two here (store) through a short queue. */
    private Report importTwoStage(Path file) throws IOException {
        BlockingQueue<List<Filing>> queue = new ArrayBlockingQueue<>(2);
        AtomicBoolean stop = new AtomicBoolean();
        List<Rejection> rejected = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                read(file, rejected, batch -> handOver(queue, pipeline.classify(batch), stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                handOver(queue, END, stop);
            }
        }, prepare);
        int[] counts = new int[3];
        try {
            while (true) {
                List<Filing> filings = queue.take();
                if (filings == END) {
                    break;
                }
                store(file, filings, filings.size(), counts);
            }
            reading.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (org.crisisdesk.store.StoreException e) {
            synchronized (rejected) {
                throw new Stopped(new Report(file, counts[0], counts[1], List.copyOf(rejected), counts[2]), e);
            }
        } finally {
            stop.set(true);
        }
        synchronized (rejected) {
            return new Report(file, counts[0], counts[1], List.copyOf(rejected), counts[2]);
        }
    }

    private static void handOver(BlockingQueue<List<Filing>> queue, List<Filing> filings, AtomicBoolean stop) {
        try {
            while (!stop.get() && !queue.offer(filings, 100, TimeUnit.MILLISECONDS)) {
                // the storing side is busy; wait unless it gave up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        }
        if (stop.get() && filings != END) {
            throw new java.util.concurrent.CancellationException("the storing side stopped");
        }
    }

    private void store(Path file, List<Filing> filings, int size, int[] counts) {
        if (filings.isEmpty()) {
            return;
        }
        int held = pipeline.quarantined();
        long before = pipeline.storedTotal();
        boolean whole = false;
        try {
            pipeline.store(filings, (Checkpoint) null);
            whole = true;
        } finally {
            // counted also when the database fails part way: what it committed is said, never lost from the count
            int stored = (int) (pipeline.storedTotal() - before);
            int quarantined = pipeline.quarantined() - held;
            counts[0] += stored;
            counts[2] += quarantined;
            if (whole) {
                counts[1] += size - stored - quarantined;
            }
        }
        progress.accept(file, counts.clone());
    }

    /** Reads the file, collects rejections and hands each full batch (and the last) to {@code sink}. */
    private static void read(Path file, List<Rejection> rejected, Consumer<List<Mention>> sink) throws IOException {
        List<Mention> batch = new ArrayList<>();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            String otherEncoding = byteOrderMark(in);
            if (otherEncoding != null) {
                // every line of it would be "not valid UTF-8" (or split in the middle of a character): say it once
                synchronized (rejected) {
                    rejected.add(new Rejection(1, "the file is " + otherEncoding + " (it starts with that byte order "
                            + "mark), not UTF-8: save it as UTF-8 and import it again; nothing of it was read"));
                }
                return;
            }
            // A regular file ends, so an over-long line in it is skipped to its end however long it is (a 100 MB
            // line stopped the file and lost the good lines after it); only a device or pipe (/dev/zero) is cut off.
            LineReader lines = new LineReader(in, Files.isRegularFile(file) ? Long.MAX_VALUE : MAX_SKIP);
            byte[] raw;
            int number = 0;
            while ((raw = lines.next()) != null) {
                number++;
                if (raw == LineReader.TOO_LONG) {
                    synchronized (rejected) {
                        rejected.add(new Rejection(number, lines.endless
                                ? "no end of line within " + (MAX_SKIP >> 20) + " MB (is this a JSON Lines file?); "
                                        + "the rest of the file was not read"
                                : "longer than " + (MAX_LINE >> 20) + " MB; skipped"));
                    }
                    if (lines.endless) {
                        break;
                    }
                    continue;
                }
                String line;
                try {
                    line = strictUtf8(raw);
                } catch (CharacterCodingException e) {
                    synchronized (rejected) {
                        rejected.add(new Rejection(number, "not valid UTF-8"));
                    }
                    continue;
                }
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                MentionJson.Parsed parsed = categoryChecked(MentionJson.parseLine(line));
                if (!parsed.problems().isEmpty()) {
                    synchronized (rejected) {
                        for (String problem : parsed.problems()) {
                            rejected.add(new Rejection(number, problem));
                        }
                    }
                }
                batch.addAll(parsed.mentions());
                if (batch.size() >= BATCH) {
                    sink.accept(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /**
     * A line naming a category that cannot be one (too long, a NUL, blank) is rejected by itself, here, before any
     * category is made: it never stops the file, and a rejected line never creates a category.
     */
    private static MentionJson.Parsed categoryChecked(MentionJson.Parsed parsed) {
        for (Mention m : parsed.mentions()) {
            if (m.categoryHint() != null) {
                try {
                    org.crisisdesk.triage.CategoryNames.clean(m.categoryHint());
                } catch (IllegalArgumentException e) {
                    return new MentionJson.Parsed(List.of(), List.of("\"category\": " + e.getMessage()));
                }
            }
        }
        return parsed;
    }

    /** The encoding a UTF-16 or UTF-32 byte order mark at the start of {@code in} names, else null (nothing read). */
    private static String byteOrderMark(InputStream in) throws IOException {
        in.mark(4);
        byte[] b = in.readNBytes(4);
        in.reset();
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32 (big-endian)";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32 (little-endian)";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "UTF-16 (little-endian)";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "UTF-16 (big-endian)";
        }
        return null;
    }

    /** The longest line read (a v2 page of 100 long posts is a few MB); a longer one is skipped and reported. */
    static final int MAX_LINE = 16 << 20;
    /** A "line" still without an end after this much of a device or pipe (/dev/zero) stops reading it. */
    static final long MAX_SKIP = 64L << 20;

    private static String strictUtf8(byte[] raw) throws CharacterCodingException {
        // The JDK's own decoding is several times faster than a decoder, but replaces bad bytes with U+FFFD: only a
        // line that then holds U+FFFD (bad bytes, or a U+FFFD that was really there) is decoded strictly again.
        String fast = new String(raw, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(raw)).toString();
    }

    /** Splits a byte stream at '\n' (dropping a preceding '\r'), so decoding happens line by line. */
    private static final class LineReader {
        /** Returned for a line over {@link #MAX_LINE} bytes (its bytes are skipped, not kept). */
        static final byte[] TOO_LONG = new byte[0];
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int len;
        /** The last line had no end within {@link #MAX_SKIP}: stop reading. */
        boolean endless;

        /** Bytes of one line after which reading stops for good ({@link #endless}). */
        private final long skipLimit;

        LineReader(InputStream in, long skipLimit) {
            this.in = in;
            this.skipLimit = skipLimit;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
            boolean any = false;
            long size = 0;
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return !any ? null : size > MAX_LINE ? TOO_LONG : trimCr(line.toByteArray());
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                size += pos - start;
                if (size <= MAX_LINE) {
                    line.write(buf, start, pos - start);
                } else if (line.size() > 0) {
                    line = new java.io.ByteArrayOutputStream(0); // too long: its bytes are dropped as they come
                }
                if (size > skipLimit) {
                    endless = true;
                    return TOO_LONG;
                }
                if (pos < len) {
                    pos++; // skip '\n'
                    return size > MAX_LINE ? TOO_LONG : trimCr(line.toByteArray());
                }
            }
        }

        private static byte[] trimCr(byte[] b) {
            return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
        }
    }
}
