package org.crisisdesk.triage;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over hashed binary features, each text's vector scaled to unit length. Trained from
 * scratch on all labels by stochastic gradient descent (a few milliseconds for a few hundred labels, well under a
 * second for ten thousand) and nudged by one online step per new label in between, so a move shows at once and the
 * next fit makes it exact. Classes are category ids.
 *
 * <p>Weights are feature-major ({@code w[f * classes + c]}), so scoring reads one short row per feature. Each class's
 * loss is weighted by {@code (labels / (classes * labels of the class))^}{@link Params#classBalance}, so a category
 * with ten labels among hundreds still wins the texts that look like it, and each example by its own weight (a
 * suggestion accepted in bulk teaches less than a person's move).
 *
 * <p>A fit can also take <em>priors</em>: examples made from what a person gave without labelling anything (the
 * category's name). They are learned like labels but never counted as a class's documents, so a category with a
 * prior and no label still counts as untrained. The weights returned are the mean of those after each pass of the
 * second half of the fit (averaged SGD), which is steadier than the last pass alone.
 *
 * <p>Not thread-safe: {@link TriageEngine} guards it with a read-write lock; {@link #fit} builds a new model.
 */
final class LinearModel {
    /**
     * @param l2           L2 penalty per example (lambda)
     * @param eta0         initial learning rate (decays as {@code eta0 / (1 + l2 * eta0 * t)})
     * @param epochs       passes over the labels per fit
     * @param classBalance exponent of the inverse class-frequency weight (0 none, 1 fully balanced)
     * @param onlineRate   learning rate of the single step made for a new label between fits
     */
    record Params(double l2, double eta0, int epochs, double classBalance, double onlineRate) {
        // Chosen with TriageEngine.Tuning.DEFAULT by cross-validation inside the evaluation crises' training splits.
        static final Params DEFAULT = new Params(1e-4, 2.0, 20, 1.0, 0.5);
    }

    /** One training example: distinct features, its category and weight. Immutable (the array is never changed). */
    record Example(int[] feats, long categoryId, float weight) {}

    private final int dim;
    private int classes;
    private long[] classIds = new long[0];
    private int[] docs = new int[0];
    private long totalDocs;
    private float[] w = new float[0];
    private double[] bias = new double[0];

    LinearModel(int dim) {
        this.dim = dim;
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
        float[] nw = new float[dim * n];
        for (int f = 0; f < dim; f++) {
            System.arraycopy(w, f * c, nw, f * n, c);
        }
        w = nw;
        classIds = Arrays.copyOf(classIds, n);
        classIds[c] = categoryId;
        docs = Arrays.copyOf(docs, n);
        bias = Arrays.copyOf(bias, n);
        classes = n;
        return c;
    }

    /** Logits per class into {@code out[0..classes)}. */
    void score(int[] feats, int n, double[] out) {
        int k = classes;
        if (k == 0) {
            return;
        }
        double v = n == 0 ? 0 : 1.0 / Math.sqrt(n);
        float[] table = w;
        if (k <= 8) {
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            // rows are k floats; unrolled for up to eight classes (the usual board)
            for (int j = 0; j < n; j++) {
                int base = feats[j] * k;
                switch (k) {
                    case 8: a7 += table[base + 7]; // fall through
                    case 7: a6 += table[base + 6]; // fall through
                    case 6: a5 += table[base + 5]; // fall through
                    case 5: a4 += table[base + 4]; // fall through
                    case 4: a3 += table[base + 3]; // fall through
                    case 3: a2 += table[base + 2]; // fall through
                    case 2: a1 += table[base + 1]; // fall through
                    default: a0 += table[base];
                }
            }
            float[] acc = {a0, a1, a2, a3, a4, a5, a6, a7};
            for (int c = 0; c < k; c++) {
                out[c] = bias[c] + v * acc[c];
            }
            return;
        }
        for (int c = 0; c < k; c++) {
            out[c] = 0;
        }
        for (int j = 0; j < n; j++) {
            int base = feats[j] * k;
            for (int c = 0; c < k; c++) {
                out[c] += table[base + c];
            }
        }
        for (int c = 0; c < k; c++) {
            out[c] = bias[c] + v * out[c];
        }
    }

    /** How much feature {@code f} favours class {@code a} over class {@code b} (difference of weights). */
    double weight(int f, int a, int b) {
        return w[f * classes + a] - w[f * classes + b];
    }

    /**
     * One online step towards {@code categoryId} for a new label (a new category gets a class). Cheap: one pass over
     * the text's features. Counts the example in the class's documents.
     */
    void step(int[] feats, int n, long categoryId, double rate, double[] scratch) {
        int y = indexOrAdd(categoryId);
        docs[y]++;
        totalDocs++;
        if (n == 0 || rate <= 0) {
            return;
        }
        double[] p = scratch.length >= classes ? scratch : new double[classes];
        gradientStep(feats, n, y, rate, 1.0, p);
    }

    /** Takes a forgotten example out of the counts (its weights fade at the next fit). */
    void unstep(long categoryId) {
        int y = indexOf(categoryId);
        if (y >= 0 && docs[y] > 0) {
            docs[y]--;
            totalDocs--;
        }
    }

    private void gradientStep(int[] feats, int n, int y, double eta, double scale, double[] p) {
        int k = classes;
        double v = 1.0 / Math.sqrt(n);
        score(feats, n, p);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            double g = (p[c] / sum - (c == y ? 1 : 0)) * eta;
            p[c] = g * v / scale;
            bias[c] -= g;
        }
        float[] table = w;
        for (int j = 0; j < n; j++) {
            int base = feats[j] * k;
            for (int c = 0; c < k; c++) {
                table[base + c] -= (float) p[c];
            }
        }
    }

    /**
     * A fresh model fitted to {@code examples} (examples of weight 0 are left out). Deterministic for a given list
     * order and {@code seed}.
     */
    static LinearModel fit(int dim, List<Example> examples, Params params, long seed) {
        return fit(dim, examples, List.of(), params, seed);
    }

    /**
     * A fresh model fitted to {@code labels} and {@code priors} (see the class comment; priors only for classes that
     * have labels count: one without would be suggested from its name alone). Deterministic for the given list
     * orders and {@code seed}.
     */
    static LinearModel fit(int dim, List<Example> labels, List<Example> priors, Params params, long seed) {
        LinearModel m = new LinearModel(dim);
        int nl = labels.size();
        List<Example> examples = new java.util.ArrayList<>(nl + priors.size());
        examples.addAll(labels);
        examples.addAll(priors);
        int[] label = new int[examples.size()];
        int used = 0;
        for (int i = 0; i < nl; i++) {
            Example e = examples.get(i);
            if (e.weight() <= 0) {
                label[i] = -1;
                continue;
            }
            label[i] = m.indexOrAdd(e.categoryId());
            m.docs[label[i]]++;
            m.totalDocs++;
            used++;
        }
        for (int i = nl; i < examples.size(); i++) {
            Example e = examples.get(i);
            int c = m.indexOf(e.categoryId());
            label[i] = e.weight() > 0 && c >= 0 ? c : -1;
        }
        int k = m.classes;
        if (k == 0) {
            return m;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = Math.pow((double) used / (k * (double) m.docs[c]), params.classBalance());
        }
        int[] order = new int[examples.size()];
        int count = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] >= 0) {
                order[count++] = i;
            }
        }
        if (k == 1) {
            return m; // one class: nothing to separate
        }
        Random rnd = new Random(seed);
        double[] p = new double[k];
        double scale = 1;
        double lambda = params.l2();
        double eta0 = params.eta0();
        long t = 0;
        double[] sumW = null;
        double[] sumB = null;
        int passes = 0;
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            for (int i = count - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int oi = 0; oi < count; oi++) {
                int i = order[oi];
                Example e = examples.get(i);
                double eta = eta0 / (1 + lambda * eta0 * t++);
                scale *= 1 - eta * lambda;
                if (scale < 1e-4) {
                    m.rescale(scale);
                    scale = 1;
                }
                int n = e.feats().length;
                if (n == 0) {
                    continue;
                }
                double cw = i < nl ? classWeight[label[i]] : 1;
                m.scaledStep(e.feats(), n, label[i], eta * cw * e.weight(), scale, p);
            }
            if (epoch >= params.epochs() / 2) { // averaged SGD over the second half
                if (sumW == null) {
                    sumW = new double[m.w.length];
                    sumB = new double[k];
                }
                float[] table = m.w;
                for (int q = 0; q < table.length; q++) {
                    sumW[q] += table[q] * scale;
                }
                for (int c = 0; c < k; c++) {
                    sumB[c] += m.bias[c];
                }
                passes++;
            }
        }
        if (passes == 0) {
            m.rescale(scale);
            return m;
        }
        for (int q = 0; q < sumW.length; q++) {
            m.w[q] = (float) (sumW[q] / passes);
        }
        for (int c = 0; c < k; c++) {
            m.bias[c] = sumB[c] / passes;
        }
        return m;
    }

    /** A gradient step while the weights are stored divided by {@code scale} (lazy L2 decay). */
    private void scaledStep(int[] feats, int n, int y, double eta, double scale, double[] p) {
        int k = classes;
        double v = 1.0 / Math.sqrt(n);
        float[] table = w;
        for (int c = 0; c < k; c++) {
            p[c] = 0;
        }
        for (int j = 0; j < n; j++) {
            int base = feats[j] * k;
            for (int c = 0; c < k; c++) {
                p[c] += table[base + c];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            p[c] = bias[c] + scale * v * p[c];
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            double g = (p[c] / sum - (c == y ? 1 : 0)) * eta;
            bias[c] -= g;
            p[c] = g * v / scale;
        }
        for (int j = 0; j < n; j++) {
            int base = feats[j] * k;
            for (int c = 0; c < k; c++) {
                table[base + c] -= (float) p[c];
            }
        }
    }

    private void rescale(double scale) {
        if (scale == 1) {
            return;
        }
        float s = (float) scale;
        float[] table = w;
        for (int i = 0; i < table.length; i++) {
            table[i] *= s;
        }
    }
}
