package org.crisisdesk.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-thread working memory of one classification: the normalized text, the rule hits and the extracted features.
 * Reused from text to text so the hot path allocates (almost) nothing. Never shared between threads.
 */
final class TriageScratch {
    private static final ThreadLocal<TriageScratch> LOCAL = ThreadLocal.withInitial(TriageScratch::new);

    static TriageScratch get() {
        return LOCAL.get();
    }

    // ---- normalized text ----
    final char[] norm = new char[TextNormalizer.outputCapacity(TextNormalizer.MAX_CLASSIFIED_CHARS)];
    int normLength;
    final boolean[] wordStart = new boolean[norm.length];
    /** Position in {@link #norm} of each non-space character the keyword automaton read. */
    final int[] fedPos = new int[norm.length];

    /** The raw text's characters, copied once so normalizing reads an array. */
    private final char[] rawChars = new char[TextNormalizer.MAX_CLASSIFIED_CHARS];

    void normalize(String raw) {
        normLength = raw == null ? 0
                : TextNormalizer.normalizeInto(raw, TextNormalizer.MAX_CLASSIFIED_CHARS, true, norm, rawChars);
    }

    String normalizedText() {
        return new String(norm, 0, normLength);
    }

    // ---- rules ----
    private RuleSet rules;
    int[] ruleHits = new int[0];
    boolean[] ruleExcluded = new boolean[0];
    private int[] useStamp = new int[0];
    private int stamp;
    /** Hit log: category, then either (pattern, use) for a keyword or (-1 - regex, start, end) for a regex. */
    private int[] hitCategory = new int[16];
    private int[] hitA = new int[16];
    private int[] hitB = new int[16];
    private int[] hitC = new int[16];
    private boolean[] hitExclusion = new boolean[16];
    private int hits;
    final BudgetedText regexView = new BudgetedText();
    private Matcher[] matchers = new Matcher[0];
    private long matchersVersion;
    long regexTimeouts;
    /** Per regex: up to {@link #STARTS} places its literal prefix occurs, in text order, and how many there were. */
    static final int STARTS = 4;
    int[] regexStarts = new int[0];
    int[] regexStartCount = new int[0];
    int firstDigit;

    void prepareRules(RuleSet r) {
        int k = r.size();
        if (ruleHits.length < k) {
            ruleHits = new int[k];
            ruleExcluded = new boolean[k];
        } else {
            java.util.Arrays.fill(ruleHits, 0, k, 0);
            java.util.Arrays.fill(ruleExcluded, 0, k, false);
        }
        if (useStamp.length < r.useCount()) {
            useStamp = new int[r.useCount()];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(useStamp, 0);
            stamp = 1;
        }
        if (rules != r) {
            if (matchers.length < r.regexCount() || matchersVersion != r.version()) {
                matchers = new Matcher[r.regexCount()];
            }
            matchersVersion = r.version();
            rules = r;
        }
        if (regexStartCount.length < r.regexCount()) {
            regexStarts = new int[r.regexCount() * STARTS];
            regexStartCount = new int[r.regexCount()];
        }
        java.util.Arrays.fill(regexStartCount, 0, r.regexCount(), 0);
        firstDigit = -1;
        hits = 0;
    }

    void regexCandidate(int regex, int textPos) {
        int n = regexStartCount[regex]++;
        if (n < STARTS) {
            regexStarts[regex * STARTS + n] = textPos;
        }
    }

    /** Where the literal prefix of regex {@code regex} first occurs in {@link #norm}, or -1. */
    int firstRegexStart(int regex) {
        return regexStartCount[regex] == 0 ? -1 : regexStarts[regex * STARTS];
    }

    void keywordHit(int category, boolean exclusion, int useId, int pattern, int use) {
        if (useStamp[useId] == stamp) {
            return; // the same keyword again
        }
        useStamp[useId] = stamp;
        if (exclusion) {
            ruleExcluded[category] = true;
        } else {
            ruleHits[category]++;
        }
        log(category, exclusion, pattern, use, 0);
    }

    void regexHit(int category, int regex, int start, int end) {
        ruleHits[category]++;
        log(category, false, -1 - regex, start, end);
    }

    private void log(int category, boolean exclusion, int a, int b, int c) {
        if (hits == hitCategory.length) {
            int n = hits * 2;
            hitCategory = java.util.Arrays.copyOf(hitCategory, n);
            hitA = java.util.Arrays.copyOf(hitA, n);
            hitB = java.util.Arrays.copyOf(hitB, n);
            hitC = java.util.Arrays.copyOf(hitC, n);
            hitExclusion = java.util.Arrays.copyOf(hitExclusion, n);
        }
        hitCategory[hits] = category;
        hitExclusion[hits] = exclusion;
        hitA[hits] = a;
        hitB[hits] = b;
        hitC[hits] = c;
        hits++;
    }

    Matcher matcher(int index, Pattern pattern, CharSequence view) {
        Matcher m = matchers[index];
        if (m == null) {
            m = pattern.matcher(view);
            matchers[index] = m;
        } else {
            m.reset(view);
        }
        return m;
    }

    /** The words that matched (or, with {@code exclusions}, vetoed) category {@code category}, in text order. */
    List<String> words(int category, boolean exclusions) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < hits; i++) {
            if (hitCategory[i] != category || hitExclusion[i] != exclusions) {
                continue;
            }
            out.add(hitText(i));
        }
        return new ArrayList<>(out);
    }

    /** "matched: 배송, 지연": the words that filed {@code category}, without the sets and lists of {@link #words}. */
    String matchedReason(int category) {
        StringBuilder sb = new StringBuilder(40).append("matched: ");
        int written = 0;
        for (int i = 0; i < hits; i++) {
            if (hitCategory[i] != category || hitExclusion[i]) {
                continue;
            }
            String w = hitText(i);
            boolean repeated = false;
            for (int j = 0; j < i && !repeated; j++) {
                repeated = hitCategory[j] == category && !hitExclusion[j] && hitText(j).equals(w);
            }
            if (!repeated) {
                sb.append(written++ == 0 ? "" : ", ").append(w);
            }
        }
        return sb.toString();
    }

    private String hitText(int i) {
        return hitA[i] >= 0 ? rules.label(hitA[i], hitB[i]) : new String(norm, hitB[i], hitC[i] - hitB[i]);
    }

    RuleMatch ruleMatch(RuleSet r) {
        List<RuleMatch.Hit> out = new ArrayList<>();
        for (int ci = 0; ci < r.size(); ci++) {
            if (ruleHits[ci] > 0 || ruleExcluded[ci]) {
                out.add(new RuleMatch.Hit(r.categories().get(ci), words(ci, false), words(ci, true)));
            }
        }
        return new RuleMatch(out);
    }

    // ---- features ----
    int[] feats = new int[512];
    /** Where each feature came from in {@link #norm}: {@code start << 12 | length} (for explanations). */
    int[] featSpan = new int[512];
    int featCount;
    /**
     * One bit per feature of the current text (8 KB for 2^16 features, so it stays in L1). Only the words touched by
     * the previous text are cleared, which costs one store per feature.
     */
    private long[] featBits = new long[0];

    void beginFeatures(int dimension) {
        int words = (dimension + 63) >>> 6;
        if (featBits.length != words) {
            featBits = new long[words];
        } else {
            for (int k = 0; k < featCount; k++) {
                featBits[feats[k] >>> 6] = 0;
            }
        }
        featCount = 0;
        // at most five features per character (1- to 4-gram and the end of a word), so addFeature never grows
        int capacity = normLength * 5 + 8;
        if (feats.length < capacity) {
            feats = new int[capacity];
            featSpan = new int[capacity];
        }
    }

    int featStart(int k) {
        return featSpan[k] >>> 12;
    }

    int featLength(int k) {
        return featSpan[k] & 0xFFF;
    }

    /** Branch-free: the slot is always written, and kept only when the feature is new to this text. */
    void addFeature(int f, int start, int length) {
        int w = f >>> 6;
        long word = featBits[w];
        long bit = 1L << f;
        featBits[w] = word | bit;
        int k = featCount;
        feats[k] = f;
        featSpan[k] = start << 12 | Math.min(length, 0xFFF);
        featCount = k + 1 - (int) ((word & bit) >>> f);
    }

    // ---- scores ----
    double[] classScores = new double[16];
    double[] candidateScores = new double[16];
    double[] candidateClassifier = new double[16];
    int[] candidateClass = new int[16];
    final int[] cueSlots = new int[6];
    final double[] cueWeights = new double[6];

    void ensureScores(int classes, int candidates) {
        if (classScores.length < classes) {
            classScores = new double[Math.max(classes, classScores.length * 2)];
        }
        if (candidateScores.length < candidates) {
            int n = Math.max(candidates, candidateScores.length * 2);
            candidateScores = new double[n];
            candidateClassifier = new double[n];
            candidateClass = new int[n];
        }
    }
}
