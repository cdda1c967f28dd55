package org.crisisdesk.triage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Multinomial naive Bayes over hashed binary features, learned one example at a time (and unlearned, for a
 * correction). Classes are category ids, added when first seen.
 *
 * <p>Scoring needs no logarithm: {@code log(count + alpha) - log(alpha)} is kept per (feature, class) as one unsigned
 * byte in 1/16 nats, eight classes packed into a {@code long}, feature-major. A feature's row is one or two cache
 * words, the whole table for 2^16 features and up to eight classes is 512 KB, and the scorer adds eight classes at
 * once with 16-bit lanes in two registers. The rounding (at most 1/32 nat per feature) is far below what the
 * calibration divides away. The per-class normalizer {@code log(tokens + alpha * V)} is a handful of doubles
 * refreshed on every update.
 *
 * <p>Not thread-safe: {@link TriageEngine} guards it with a read-write lock.
 */
final class NaiveBayesModel {
    static final double ALPHA = 0.3;
    private static final int MAGIC = 0x43444e42; // "CDNB"

    private final int dim;
    /** Quantization of the packed table: 16 steps per nat. */
    static final double QSCALE = 16.0;
    private static final double LOG_ALPHA = Math.log(ALPHA);
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
    private int classes;
    private long[] classIds = new long[0];
    private int[] docs = new int[0];
    private long[] tokens = new long[0];
    private int[] counts = new int[0];
    /** Quantized log-counts, eight classes per long (byte {@code c % 8} of word {@code c / 8} of the row). */
    private long[] packed = new long[0];
    /** Longs per feature row: {@code ceil(classes / 8)}. */
    private int words;
    /** How many classes have a non-zero count for each feature; {@code vocabulary} counts features with any. */
    private short[] classesWithFeature;
    private int vocabulary;
    private long totalDocs;
    private double[] logDenominator = new double[0];
    private double[] logPrior = new double[0];

    NaiveBayesModel(int dim) {
        this.dim = dim;
        this.classesWithFeature = new short[dim];
    }

    int dimension() {
        return dim;
    }

    int classes() {
        return classes;
    }

    long classId(int index) {
        return classIds[index];
    }

    int docs(int index) {
        return docs[index];
    }

    long totalDocs() {
        return totalDocs;
    }

    /** The index of a class, or -1 when the model has never seen it. */
    int indexOf(long categoryId) {
        for (int i = 0; i < classes; i++) {
            if (classIds[i] == categoryId) {
                return i;
            }
        }
        return -1;
    }

    private int indexOrAdd(long categoryId) {
        int i = indexOf(categoryId);
        if (i >= 0) {
            return i;
        }
        int c = classes;
        int n = c + 1;
        int[] newCounts = new int[dim * n];
        for (int f = 0; f < dim; f++) {
            System.arraycopy(counts, f * c, newCounts, f * n, c);
        }
        counts = newCounts;
        int newWords = (n + 7) >>> 3;
        if (newWords != words) {
            long[] newPacked = new long[dim * newWords];
            for (int f = 0; f < dim && words > 0; f++) {
                System.arraycopy(packed, f * words, newPacked, f * newWords, words);
            }
            packed = newPacked;
            words = newWords;
        }
        classIds = Arrays.copyOf(classIds, n);
        classIds[c] = categoryId;
        docs = Arrays.copyOf(docs, n);
        tokens = Arrays.copyOf(tokens, n);
        logDenominator = Arrays.copyOf(logDenominator, n);
        logPrior = Arrays.copyOf(logPrior, n);
        classes = n;
        refresh();
        return c;
    }

    /** Adds ({@code sign} = 1) or removes ({@code sign} = -1) one example. Removing an unknown class does nothing. */
    void update(int[] feats, int n, long categoryId, int sign) {
        int c = sign > 0 ? indexOrAdd(categoryId) : indexOf(categoryId);
        if (c < 0) {
            return;
        }
        int stride = classes;
        for (int k = 0; k < n; k++) {
            int f = feats[k];
            int idx = f * stride + c;
            int before = counts[idx];
            int after = Math.max(0, before + sign);
            if (after == before) {
                continue;
            }
            counts[idx] = after;
            setPacked(f, c, after);
            if (before == 0) {
                if (classesWithFeature[f]++ == 0) {
                    vocabulary++;
                }
            } else if (after == 0) {
                if (--classesWithFeature[f] == 0) {
                    vocabulary--;
                }
            }
        }
        docs[c] = Math.max(0, docs[c] + sign);
        tokens[c] = Math.max(0, tokens[c] + (long) sign * n);
        totalDocs = Math.max(0, totalDocs + sign);
        refresh();
    }

    private void refresh() {
        double v = Math.max(1, vocabulary) * ALPHA;
        double logTotal = Math.log(totalDocs + classes);
        for (int c = 0; c < classes; c++) {
            logDenominator[c] = Math.log(tokens[c] + v);
            logPrior[c] = Math.log(docs[c] + 1.0) - logTotal;
        }
    }

    /**
     * Log joint likelihood per class into {@code out[0..classes)}: {@code log P(c) + sum log P(f|c)} over the features
     * the model has seen in training; returns how many those were. Features never seen carry no evidence about the
     * class, yet smoothing would turn each into a penalty for the classes with the most data (the "skewed data" bias
     * of multinomial NB: with a few hundred labels it sent most texts to the smallest class), so they are skipped.
     * Classes that lost all their examples score {@link Double#NEGATIVE_INFINITY}.
     */
    int score(int[] feats, int n, double[] out) {
        int stride = classes;
        if (stride == 0) {
            return 0;
        }
        int used = words == 1 ? scoreOneWord(feats, n, out) : scoreWide(feats, n, out);
        for (int c = 0; c < stride; c++) {
            out[c] = docs[c] == 0 ? Double.NEGATIVE_INFINITY
                    : out[c] / QSCALE + used * (LOG_ALPHA - logDenominator[c]) + logPrior[c];
        }
        return used;
    }

    /**
     * Up to eight classes: one long per feature. Even and odd bytes are summed separately in 16-bit lanes, flushed
     * before a lane can overflow (256 x 255 < 65,536). A row of zeros is a feature never seen in training.
     */
    private int scoreOneWord(int[] feats, int n, double[] out) {
        long[] table = packed;
        long even = 0;
        long odd = 0;
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int used = 0;
        int k = 0;
        while (k < n) {
            int end = Math.min(n, k + 256);
            for (; k < end; k++) {
                long w = table[feats[k]];
                used += (int) ((w | -w) >>> 63);
                even += w & EVEN_BYTES;
                odd += (w >>> 8) & EVEN_BYTES;
            }
            s0 += even & 0xFFFF;
            s2 += (even >>> 16) & 0xFFFF;
            s4 += (even >>> 32) & 0xFFFF;
            s6 += even >>> 48;
            s1 += odd & 0xFFFF;
            s3 += (odd >>> 16) & 0xFFFF;
            s5 += (odd >>> 32) & 0xFFFF;
            s7 += odd >>> 48;
            even = 0;
            odd = 0;
        }
        long[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
        for (int c = 0; c < classes; c++) {
            out[c] = sums[c];
        }
        return used;
    }

    /** More than eight classes: the same sums over {@code words} longs per row. */
    private int scoreWide(int[] feats, int n, double[] out) {
        long[] table = packed;
        int w = words;
        long[] lanes = new long[2 * w];
        long[] sums = new long[8 * w];
        int used = 0;
        int k = 0;
        while (k < n) {
            int end = Math.min(n, k + 256);
            for (; k < end; k++) {
                int base = feats[k] * w;
                long any = 0;
                for (int j = 0; j < w; j++) {
                    long x = table[base + j];
                    any |= x;
                    lanes[2 * j] += x & EVEN_BYTES;
                    lanes[2 * j + 1] += (x >>> 8) & EVEN_BYTES;
                }
                used += (int) ((any | -any) >>> 63);
            }
            for (int j = 0; j < w; j++) {
                for (int lane = 0; lane < 4; lane++) {
                    sums[8 * j + 2 * lane] += (lanes[2 * j] >>> (16 * lane)) & 0xFFFF;
                    sums[8 * j + 2 * lane + 1] += (lanes[2 * j + 1] >>> (16 * lane)) & 0xFFFF;
                }
                lanes[2 * j] = 0;
                lanes[2 * j + 1] = 0;
            }
        }
        for (int c = 0; c < classes; c++) {
            out[c] = sums[c];
        }
        return used;
    }

    /** {@code log(count + alpha) - log(alpha)} in 1/16 nats, 0 for a zero count, capped at 255 (about 2.4M). */
    static int quantize(int count) {
        if (count <= 0) {
            return 0;
        }
        long q = Math.round((Math.log(count + ALPHA) - LOG_ALPHA) * QSCALE);
        return (int) Math.max(1, Math.min(255, q));
    }

    private void setPacked(int f, int c, int count) {
        int idx = f * words + (c >>> 3);
        int shift = (c & 7) << 3;
        packed[idx] = (packed[idx] & ~(0xFFL << shift)) | ((long) quantize(count) << shift);
    }

    /** How much feature {@code f} favours class {@code a} over class {@code b} (log ratio), for explanations. */
    double weight(int f, int a, int b) {
        return quantizedDifference(f, a, b) / QSCALE - denominatorGap(a, b);
    }

    /** The packed log-count of {@code f} in class {@code a} minus that in {@code b}, in 1/16 nats. */
    int quantizedDifference(int f, int a, int b) {
        int row = f * words;
        int qa = (int) (packed[row + (a >>> 3)] >>> ((a & 7) << 3)) & 0xFF;
        int qb = (int) (packed[row + (b >>> 3)] >>> ((b & 7) << 3)) & 0xFF;
        return qa - qb;
    }

    /** {@code log(tokens_a + alpha V) - log(tokens_b + alpha V)}: what a feature must overcome to favour {@code a}. */
    double denominatorGap(int a, int b) {
        return logDenominator[a] - logDenominator[b];
    }

    // ---- persistence: sparse counts, so a model of a few thousand labels is a few hundred kilobytes ----

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(dim);
        out.writeInt(classes);
        for (int c = 0; c < classes; c++) {
            out.writeLong(classIds[c]);
            out.writeInt(docs[c]);
            out.writeLong(tokens[c]);
        }
        for (int c = 0; c < classes; c++) {
            int nonZero = 0;
            for (int f = 0; f < dim; f++) {
                if (counts[f * classes + c] != 0) {
                    nonZero++;
                }
            }
            out.writeInt(nonZero);
            int last = 0;
            for (int f = 0; f < dim; f++) {
                int v = counts[f * classes + c];
                if (v != 0) {
                    writeVarInt(out, f - last);
                    writeVarInt(out, v);
                    last = f;
                }
            }
        }
    }

    static NaiveBayesModel readFrom(DataInputStream in, int expectedDim) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a CrisisDesk classifier");
        }
        int dim = in.readInt();
        if (dim != expectedDim) {
            throw new IOException("model has " + dim + " features, expected " + expectedDim);
        }
        int classes = in.readInt();
        if (classes < 0 || classes > 10_000) {
            throw new IOException("implausible class count " + classes);
        }
        NaiveBayesModel m = new NaiveBayesModel(dim);
        m.classes = classes;
        m.classIds = new long[classes];
        m.docs = new int[classes];
        m.tokens = new long[classes];
        m.logDenominator = new double[classes];
        m.logPrior = new double[classes];
        for (int c = 0; c < classes; c++) {
            m.classIds[c] = in.readLong();
            m.docs[c] = in.readInt();
            m.tokens[c] = in.readLong();
            m.totalDocs += m.docs[c];
        }
        m.counts = new int[dim * classes];
        m.words = (classes + 7) >>> 3;
        m.packed = new long[dim * m.words];
        for (int c = 0; c < classes; c++) {
            int nonZero = in.readInt();
            int f = 0;
            for (int k = 0; k < nonZero; k++) {
                f += readVarInt(in);
                int v = readVarInt(in);
                if (f < 0 || f >= dim || v <= 0) {
                    throw new IOException("corrupt feature table");
                }
                m.counts[f * classes + c] = v;
                m.setPacked(f, c, v);
                if (m.classesWithFeature[f]++ == 0) {
                    m.vocabulary++;
                }
            }
        }
        m.refresh();
        return m;
    }

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("corrupt number");
    }
}
