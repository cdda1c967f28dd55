package org.crisisdesk.handover;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisisdesk.handover.HandoverReport.Theme;

/**
 * Frequent words and two-word phrases in a bounded sample of mentions, Korean-aware, for "top unsorted themes".
 *
 * <p>How a text becomes terms: NFC, lower case; URLs, @handles, HTML entities, numbers and laughter/jamo runs removed;
 * split on anything that is not a letter or digit ({@code #tag} keeps its word). Hangul words lose a trailing
 * particle or polite ending (은/는/이/가/을/를/에서/으로/입니다/해요…) when the stem is attested in the sample (as a
 * bare word, or with two different endings), so 유심이/유심을/유심 count as one term while 와이파이 keeps its 이.
 * Stopwords (Korean and English) and one-letter words are dropped. Each mention counts once per term (document
 * frequency), so one angry thread cannot dominate. A phrase is shown when it holds at least half the mentions of its
 * more frequent word, and it hides a word it covers almost entirely (80%).
 *
 * <p>Not thread-safe; one extractor per report.
 */
public final class ThemeExtractor {
    /** Characters read per mention. */
    public static final int MAX_TEXT = 1000;

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_]+");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-z]+|#\\d+|#x[0-9a-f]+);");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Particles and endings, longest first so 에서는 wins over 는. */
    private static final List<String> SUFFIXES = List.of(
            "이에요", "입니다", "습니다", "합니다", "했어요", "에서는", "에서도", "으로는", "으로도", "에게서", "한테서",
            "이라도", "인가요", "는데요", "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "마다", "이랑",
            "이나", "라도", "니다", "해요", "어요", "아요", "네요", "나요", "에요", "예요", "는데", "인데", "이요",
            "은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "와", "과", "만", "랑", "요", "죠", "께");

    /**
     * Words that are never a theme, Korean and English, from {@code stopwords_ko.txt} and {@code stopwords_en.txt}
     * beside this class (one a line; editable without touching code). Checked on the word as written and on its stem,
     * so 부탁드려요 goes as well as 부탁.
     */
    static final Set<String> STOPWORDS = java.util.stream.Stream.concat(stopwords("stopwords_ko.txt"),
            stopwords("stopwords_en.txt")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static java.util.stream.Stream<String> stopwords(String file) {
        try (java.io.InputStream in = ThemeExtractor.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Normalizer.normalize(l, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final List<List<String>> docs = new ArrayList<>();
    private final Map<String, Integer> rawCounts = new HashMap<>();

    /** Adds one mention's text. */
    public void add(String text) {
        if (text == null) {
            return;
        }
        List<String> words = words(text);
        docs.add(words);
        for (String w : words) {
            if (w != null) {
                rawCounts.merge(w, 1, Integer::sum);
            }
        }
    }

    public int size() {
        return docs.size();
    }

    /** The {@code n} most frequent terms and phrases, most frequent first. */
    public List<Theme> top(int n) {
        Map<String, String> stems = stems();
        Map<String, Integer> unigrams = new HashMap<>();
        Map<String, Integer> bigrams = new HashMap<>();
        for (List<String> doc : docs) {
            Set<String> seenWords = new LinkedHashSet<>();
            Set<String> seenPhrases = new HashSet<>();
            String prev = null;
            for (String raw : doc) {
                String term = raw == null || STOPWORDS.contains(raw) ? null : keep(stems.getOrDefault(raw, raw));
                if (term == null) {
                    prev = null;
                    continue;
                }
                seenWords.add(term);
                if (prev != null && !prev.equals(term)) {
                    seenPhrases.add(prev + " " + term);
                }
                prev = term;
            }
            seenWords.forEach(w -> unigrams.merge(w, 1, Integer::sum));
            seenPhrases.forEach(p -> bigrams.merge(p, 1, Integer::sum));
        }
        int min = docs.size() >= 5 ? 2 : 1;
        Set<String> hidden = new HashSet<>();
        List<Theme> candidates = new ArrayList<>();
        for (var e : bigrams.entrySet()) {
            int count = e.getValue();
            String[] parts = e.getKey().split(" ");
            int a = unigrams.getOrDefault(parts[0], 0);
            int b = unigrams.getOrDefault(parts[1], 0);
            if (count < Math.max(min, 2) || count * 2 < Math.max(a, b)) {
                continue;
            }
            candidates.add(new Theme(e.getKey(), count));
            if (count * 10 >= a * 8) {
                hidden.add(parts[0]);
            }
            if (count * 10 >= b * 8) {
                hidden.add(parts[1]);
            }
        }
        for (var e : unigrams.entrySet()) {
            if (e.getValue() >= min && !hidden.contains(e.getKey())) {
                candidates.add(new Theme(e.getKey(), e.getValue()));
            }
        }
        candidates.sort(Comparator.comparingInt(Theme::count).reversed()
                .thenComparing(t -> t.term().contains(" ") ? 0 : 1)
                .thenComparing(Theme::term));
        return List.copyOf(candidates.subList(0, Math.min(n, candidates.size())));
    }

    /** The words of a text in order; null marks a gap (something removed), so phrases never jump over it. */
    static List<String> words(String text) {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        t = Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        t = URL.matcher(t).replaceAll(" | ");
        t = HANDLE.matcher(t).replaceAll(" | ");
        t = ENTITY.matcher(t).replaceAll(" ");
        List<String> out = new ArrayList<>();
        // Sentence punctuation breaks phrases too; spaces and # do not.
        for (String chunk : t.split("[.!?,;:|()\\[\\]{}\"“”'‘’/\\n]+")) {
            for (String w : SPLIT.split(chunk)) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            out.add(null);
        }
        return out;
    }

    /** Raw word to stem, for Hangul words whose ending can go (see the class comment). */
    private Map<String, String> stems() {
        Map<String, Set<String>> endingsByStem = new HashMap<>();
        Map<String, String> candidate = new HashMap<>();
        for (String w : rawCounts.keySet()) {
            if (!hangul(w)) {
                continue;
            }
            for (String s : SUFFIXES) {
                if (w.endsWith(s) && w.length() - s.length() >= 2) {
                    String stem = w.substring(0, w.length() - s.length());
                    endingsByStem.computeIfAbsent(stem, k -> new HashSet<>()).add(s);
                    candidate.put(w, stem);
                    break;
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        for (var e : candidate.entrySet()) {
            String stem = e.getValue();
            if (rawCounts.containsKey(stem) || endingsByStem.get(stem).size() >= 2) {
                out.put(e.getKey(), stem);
            }
        }
        return out;
    }

    /** The term to count, or null when the word is noise. */
    private static String keep(String w) {
        if (w.codePointCount(0, w.length()) < 2 || STOPWORDS.contains(w)) {
            return null;
        }
        boolean digits = true;
        boolean jamoOnly = true;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            digits &= Character.isDigit(ch);
            jamoOnly &= (ch >= '\u3130' && ch <= '\u318F') || (ch >= '\u1100' && ch <= '\u11FF');
        }
        if (digits || jamoOnly) {
            return null;
        }
        if (w.chars().distinct().count() == 1) {
            return null; // "ㅋㅋㅋ", "!!!"-like runs, "aaaa"
        }
        return w;
    }

    private static boolean hangul(String w) {
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch < '\uAC00' || ch > '\uD7A3') {
                return false;
            }
        }
        return true;
    }
}
