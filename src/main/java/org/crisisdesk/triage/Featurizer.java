package org.crisisdesk.triage;

/**
 * Turns normalized text into hashed features for the classifier: character 1- to 4-grams inside each word (which suit
 * Korean without a morphological analyzer: a stem shares its n-grams with every ending and particle attached to it)
 * plus whole words (useful for English). Version 4 (issue 24, with the logistic regression) added 3- and 4-grams and
 * went back to 2^16 buckets: on the evaluation crises the longer n-grams carry the phrases that tell confusable
 * categories apart. Version 5 stops n-grams at spaces: the n-grams that ran across them mostly joined the end of one
 * phrase to the start of an unrelated one, and without them cross-validation on the evaluation crises' training
 * splits gained about two points at 50 labels and lost under half a point at all labels.
 * Every feature is hashed into a fixed space of {@code 2^bits} buckets, so extraction allocates nothing.
 *
 * <p>Each feature counts once per text (binary features suit short posts better than raw counts). The
 * {@link #VERSION} changes whenever the features change, so a stored model made with other features is retrained.
 *
 * <p>Immutable and thread-safe; the working memory is the caller's {@link TriageScratch}.
 */
final class Featurizer {
    static final int VERSION = 5;
    static final int DEFAULT_BITS = 16;
    static final int DEFAULT_MAX_GRAM = 4;

    private static final int SEED_1 = 0x1b873593;
    private static final int SEED_2 = 0x5bd1e995;
    private static final int SEED_WORD = 0x27d4eb2f;
    private static final int SEED_3 = 0x165667b1;
    private static final int SEED_4 = 0x61c88647;

    private final int bits;
    private final int mask;
    private final int maxGram;

    Featurizer(int bits) {
        this(bits, DEFAULT_MAX_GRAM);
    }

    Featurizer(int bits, int maxGram) {
        if (maxGram < 2 || maxGram > 4) {
            throw new IllegalArgumentException("n-grams must be 2..4 characters at most");
        }
        this.maxGram = maxGram;
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("feature bits must be 8..24");
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    int bits() {
        return bits;
    }

    int dimension() {
        return 1 << bits;
    }

    /**
     * Extracts the distinct features of {@code s.norm[0..s.normLength)} into {@code s.feats}; returns their number.
     * For each feature it also remembers where in the text it came from (for explanations).
     */
    int extract(TriageScratch s) {
        s.beginFeatures(dimension());
        char[] t = s.norm;
        int len = s.normLength;
        int mask = this.mask;
        int maxGram = this.maxGram;
        char p1 = 0;
        char p2 = 0;
        char p3 = 0;
        int seen = 0; // characters read so far in this word
        int pos1 = -1;
        int pos2 = -1;
        int pos3 = -1;
        int wordHash = 0;
        int wordStart = -1;
        for (int i = 0; i < len; i++) {
            char c = t[i];
            if (c == ' ') {
                if (wordStart >= 0) {
                    s.addFeature(mix(wordHash ^ SEED_WORD) & mask, wordStart, i - wordStart);
                    wordStart = -1;
                }
                seen = 0; // n-grams stay inside a word
                continue;
            }
            boolean word = TextNormalizer.isWordChar(c);
            if (word) {
                if (wordStart < 0) {
                    wordStart = i;
                    wordHash = 0x811C9DC5;
                }
                wordHash = (wordHash ^ c) * 0x01000193;
            } else if (wordStart >= 0) {
                s.addFeature(mix(wordHash ^ SEED_WORD) & mask, wordStart, i - wordStart);
                wordStart = -1;
            }
            s.addFeature(mix(c ^ SEED_1) & mask, i, 1);
            if (seen >= 1) {
                int bi = (p1 << 16) | c;
                s.addFeature(mix(bi ^ SEED_2) & mask, pos1, i - pos1 + 1);
                if (seen >= 2 && maxGram >= 3) {
                    s.addFeature(mix(bi * 0x9E3779B1 ^ p2 ^ SEED_3) & mask, pos2, i - pos2 + 1);
                    if (seen >= 3 && maxGram >= 4) {
                        s.addFeature(mix(bi * 0x9E3779B1 ^ ((p3 << 16) | p2) * 0x7FEB352D ^ SEED_4) & mask, pos3,
                                i - pos3 + 1);
                    }
                }
            }
            p3 = p2;
            p2 = p1;
            p1 = c;
            pos3 = pos2;
            pos2 = pos1;
            pos1 = i;
            seen++;
        }
        if (wordStart >= 0) {
            s.addFeature(mix(wordHash ^ SEED_WORD) & mask, wordStart, len - wordStart);
        }
        return s.featCount;
    }

    /** Murmur3's 32-bit finalizer: spreads nearby keys over the whole space. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
