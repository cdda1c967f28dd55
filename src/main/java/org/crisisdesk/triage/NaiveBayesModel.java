package org.crisisdesk.triage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Multinomial naive Bayes over hashed binary features, learned one example at a time (and unlearned, for a
 * correction). Classes are category ids, added when first seen.
 *
 * <p>Scoring needs no logarithm: {@code log(count + alpha)} is kept per (feature, class) in a float table laid out
 * feature-major ({@code feature * classes + class}), so one feature's values for every class sit next to each other.
 * The per-class normalizer {@code log(tokens + alpha * V)} is a handful of doubles refreshed on every update.
 *
 * <p>Not thread-safe: {@link TriageEngine} guards it with a read-write lock.
 */
final class NaiveBayesModel {
    static final double ALPHA = 0.3;
    private static final int MAGIC = 0x43444e42; // "CDNB"

    private final int dim;
    /** log(count + alpha) is stored as a fixed-point short (x 2048): half the memory of floats, so it stays cached. */
    static final float SCALE = 2048f;
    private final short logAlpha = quantize(Math.log(ALPHA));
    private int classes;
    private long[] classIds = new long[0];
    private int[] docs = new int[0];
    private long[] tokens = new long[0];
    private int[] counts = new int[0];
    private short[] logCounts = new short[0];
    /** How many classes have a non-zero count for each feature; {@code vocabulary} counts features with any. */
    private short[] classesWithFeature;
    /** One bit per feature: seen in training at all (8 KB at 2^16 features, so the check stays in L1). */
    private long[] seenBits;
    private int vocabulary;
    private long totalDocs;
    private double[] logDenominator = new double[0];
    private double[] logPrior = new double[0];

    NaiveBayesModel(int dim) {
        this.dim = dim;
        this.classesWithFeature = new short[dim];
        this.seenBits = new long[(dim + 63) >>> 6];
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
        short[] newLogs = new short[dim * n];
        for (int f = 0; f < dim; f++) {
            System.arraycopy(counts, f * c, newCounts, f * n, c);
            System.arraycopy(logCounts, f * c, newLogs, f * n, c);
            newLogs[f * n + c] = logAlpha;
        }
        counts = newCounts;
        logCounts = newLogs;
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
            logCounts[idx] = quantize(Math.log(after + ALPHA));
            if (before == 0) {
                if (classesWithFeature[f]++ == 0) {
                    vocabulary++;
                    seenBits[f >>> 6] |= 1L << f;
                }
            } else if (after == 0) {
                if (--classesWithFeature[f] == 0) {
                    vocabulary--;
                    seenBits[f >>> 6] &= ~(1L << f);
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
        int used = stride == 8 ? score8(feats, n, out) : scoreAny(feats, n, out, stride);
        for (int c = 0; c < stride; c++) {
            out[c] = docs[c] == 0 ? Double.NEGATIVE_INFINITY : out[c] + logPrior[c] - used * logDenominator[c];
        }
        return used;
    }

    private int scoreAny(int[] feats, int n, double[] out, int stride) {
        short[] lc = logCounts;
        long[] seen = seenBits;
        long[] acc = new long[stride];
        int used = 0;
        for (int k = 0; k < n; k++) {
            int f = feats[k];
            if ((seen[f >>> 6] & (1L << f)) == 0) {
                continue; // never seen in training
            }
            int base = f * stride;
            used++;
            for (int c = 0; c < stride; c++) {
                acc[c] += lc[base + c];
            }
        }
        for (int c = 0; c < stride; c++) {
            out[c] = acc[c] / SCALE;
        }
        return used;
    }

    /** The common case unrolled (the demo has eight categories): one 16-byte row per feature, sums in registers. */
    private int score8(int[] feats, int n, double[] out) {
        short[] lc = logCounts;
        long[] seen = seenBits;
        int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        int used = 0;
        for (int k = 0; k < n; k++) {
            int f = feats[k];
            if ((seen[f >>> 6] & (1L << f)) == 0) {
                continue; // never seen in training
            }
            used++;
            int b = f << 3;
            a0 += lc[b];
            a1 += lc[b + 1];
            a2 += lc[b + 2];
            a3 += lc[b + 3];
            a4 += lc[b + 4];
            a5 += lc[b + 5];
            a6 += lc[b + 6];
            a7 += lc[b + 7];
        }
        out[0] = a0 / SCALE;
        out[1] = a1 / SCALE;
        out[2] = a2 / SCALE;
        out[3] = a3 / SCALE;
        out[4] = a4 / SCALE;
        out[5] = a5 / SCALE;
        out[6] = a6 / SCALE;
        out[7] = a7 / SCALE;
        return used;
    }

    static short quantize(double logValue) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(logValue * SCALE)));
    }

    /** How much feature {@code f} favours class {@code a} over class {@code b} (log ratio), for explanations. */
    double weight(int f, int a, int b) {
        int base = f * classes;
        return (logCounts[base + a] / SCALE - logDenominator[a]) - (logCounts[base + b] / SCALE - logDenominator[b]);
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
        m.logCounts = new short[dim * classes];
        Arrays.fill(m.logCounts, m.logAlpha);
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
                m.logCounts[f * classes + c] = quantize(Math.log(v + ALPHA));
                if (m.classesWithFeature[f]++ == 0) {
                    m.vocabulary++;
                    m.seenBits[f >>> 6] |= 1L << f;
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
