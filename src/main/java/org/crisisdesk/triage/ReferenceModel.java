package org.crisisdesk.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The yardstick {@code triage eval} measures the engine against: a standard discriminative linear model with default
 * settings and no tuning, written plainly. Text: lower-cased, runs of whitespace made one space. Features: every
 * character 1- to 4-gram of the text (spaces included) seen in training, exact (no hashing), weighted TF-IDF with
 * smoothed IDF {@code ln((1 + n) / (1 + df)) + 1} and scaled to unit length. Classifier: multinomial logistic
 * regression with an unpenalized intercept and L2 penalty {@code ||W||^2 / 2C}, C = 1, minimized by L-BFGS (memory
 * 10) for at most 100 iterations. These are the defaults of the usual off-the-shelf toolkits.
 *
 * <p>For evaluation only: slow to train compared with the engine, and it never learns online.
 */
public final class ReferenceModel {
    private static final double C = 1.0;
    private static final int MAX_ITER = 100;
    private static final int MEMORY = 10;

    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    private final List<String> classes;
    /** Weights, feature-major: {@code w[f * K + c]}, then K intercepts. */
    private final double[] w;

    private ReferenceModel(Map<String, Integer> vocabulary, double[] idf, List<String> classes, double[] w) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.classes = classes;
        this.w = w;
    }

    /** Sparse row: feature indices and values. */
    private record Row(int[] index, double[] value) {}

    static String preprocess(String text) {
        return (text == null ? "" : text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> out = new HashMap<>();
        String t = preprocess(text);
        for (int n = 1; n <= 4; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                out.merge(t.substring(i, i + n), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Fits the model to texts and their labels. */
    public static ReferenceModel fit(List<String> texts, List<String> labels) {
        if (texts.size() != labels.size() || texts.isEmpty()) {
            throw new IllegalArgumentException("need as many labels as texts, and at least one");
        }
        Map<String, Integer> vocab = new HashMap<>();
        List<Map<String, Integer>> docs = new ArrayList<>();
        List<Integer> dfList = new ArrayList<>();
        for (String t : texts) {
            Map<String, Integer> c = counts(t);
            docs.add(c);
            for (String g : c.keySet()) {
                Integer i = vocab.get(g);
                if (i == null) {
                    vocab.put(g, vocab.size());
                    dfList.add(1);
                } else {
                    dfList.set(i, dfList.get(i) + 1);
                }
            }
        }
        int n = texts.size();
        double[] idf = new double[vocab.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((1.0 + n) / (1.0 + dfList.get(i))) + 1;
        }
        List<String> classes = labels.stream().distinct().sorted().toList();
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
        Row[] rows = new Row[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = row(docs.get(i), vocab, idf);
            y[i] = classIndex.get(labels.get(i));
        }
        int k = classes.size();
        double[] w = new double[vocab.size() * k + k];
        if (k > 1) {
            lbfgs(w, rows, y, vocab.size(), k);
        }
        return new ReferenceModel(vocab, idf, classes, w);
    }

    private static Row row(Map<String, Integer> counts, Map<String, Integer> vocab, double[] idf) {
        int[] index = new int[counts.size()];
        double[] value = new double[counts.size()];
        int m = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer f = vocab.get(e.getKey());
            if (f == null) {
                continue;
            }
            index[m] = f;
            value[m] = e.getValue() * idf[f];
            norm += value[m] * value[m];
            m++;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < m; i++) {
            value[i] /= norm == 0 ? 1 : norm;
        }
        return new Row(java.util.Arrays.copyOf(index, m), java.util.Arrays.copyOf(value, m));
    }

    /** The predicted label of a text. */
    public String predict(String text) {
        int k = classes.size();
        if (k == 1) {
            return classes.get(0);
        }
        Row r = row(counts(text), vocabulary, idf);
        double[] z = new double[k];
        logits(w, r, vocabulary.size(), k, z);
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return classes.get(best);
    }

    private static void logits(double[] w, Row r, int features, int k, double[] z) {
        int bias = features * k;
        for (int c = 0; c < k; c++) {
            z[c] = w[bias + c];
        }
        for (int j = 0; j < r.index.length; j++) {
            int base = r.index[j] * k;
            double v = r.value[j];
            for (int c = 0; c < k; c++) {
                z[c] += w[base + c] * v;
            }
        }
    }

    /** Loss (sum of cross-entropies + ||W||^2 / 2C, intercepts unpenalized) and its gradient into {@code g}. */
    private static double loss(double[] w, Row[] rows, int[] y, int features, int k, double[] g) {
        java.util.Arrays.fill(g, 0);
        double loss = 0;
        double[] z = new double[k];
        int bias = features * k;
        for (int i = 0; i < rows.length; i++) {
            Row r = rows[i];
            logits(w, r, features, k, z);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - z[y[i]];
            for (int c = 0; c < k; c++) {
                double d = Math.exp(z[c] - logSum) - (c == y[i] ? 1 : 0);
                g[bias + c] += d;
                for (int j = 0; j < r.index.length; j++) {
                    g[r.index[j] * k + c] += d * r.value[j];
                }
            }
        }
        for (int i = 0; i < bias; i++) {
            loss += w[i] * w[i] / (2 * C);
            g[i] += w[i] / C;
        }
        return loss;
    }

    /** Limited-memory BFGS with a backtracking (Armijo) line search. */
    private static void lbfgs(double[] x, Row[] rows, int[] y, int features, int k) {
        int dim = x.length;
        double[] g = new double[dim];
        double f = loss(x, rows, y, features, k, g);
        double[][] s = new double[MEMORY][];
        double[][] yy = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] d = new double[dim];
        double[] xNew = new double[dim];
        double[] gNew = new double[dim];
        double[] alpha = new double[MEMORY];
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double gMax = 0;
            for (double v : g) {
                gMax = Math.max(gMax, Math.abs(v));
            }
            if (gMax <= 1e-4) {
                break;
            }
            // two-loop recursion: d = -H g
            for (int i = 0; i < dim; i++) {
                d[i] = -g[i];
            }
            for (int m = 0; m < stored; m++) {
                int idx = (head - 1 - m + MEMORY) % MEMORY;
                alpha[idx] = rho[idx] * dot(s[idx], d);
                axpy(-alpha[idx], yy[idx], d);
            }
            if (stored > 0) {
                int last = (head - 1 + MEMORY) % MEMORY;
                double gamma = dot(s[last], yy[last]) / dot(yy[last], yy[last]);
                for (int i = 0; i < dim; i++) {
                    d[i] *= gamma;
                }
            } else {
                double norm = Math.sqrt(dot(g, g));
                for (int i = 0; i < dim; i++) {
                    d[i] /= norm;
                }
            }
            for (int m = stored - 1; m >= 0; m--) {
                int idx = (head - 1 - m + MEMORY) % MEMORY;
                double beta = rho[idx] * dot(yy[idx], d);
                axpy(alpha[idx] - beta, s[idx], d);
            }
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                stored = 0;
                for (int i = 0; i < dim; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < dim; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = loss(xNew, rows, y, features, k, gNew);
                if (fNew <= f + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            double[] sv = new double[dim];
            double[] yv = new double[dim];
            for (int i = 0; i < dim; i++) {
                sv[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }
            double sy = dot(sv, yv);
            if (sy > 1e-10) {
                s[head] = sv;
                yy[head] = yv;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(MEMORY, stored + 1);
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            double change = (f - fNew) / Math.max(Math.max(Math.abs(f), Math.abs(fNew)), 1);
            f = fNew;
            if (change >= 0 && change < 1e-9) {
                break;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
