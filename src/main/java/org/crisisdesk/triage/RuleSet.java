package org.crisisdesk.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The keyword rules of a set of categories, compiled once per rule-set version: every keyword and exclusion of every
 * category in one {@link KeywordAutomaton} (one pass over the text, whatever the number of keywords), regular
 * expressions precompiled with a cheap literal prefilter and a step budget.
 *
 * <p>Matching works on {@link TextNormalizer#forClassification normalized} text with the spaces taken out, so a
 * keyword matches with and without spaces on either side ("유심 비용" ≡ "유심비용"). A keyword that starts with a
 * Latin letter or digit must also start a word ("eta" does not match "beta" or "get a"). Exclusions veto their own
 * category. Order is priority: when several categories match, the first in the list wins a rules-only decision.
 *
 * <p>Immutable and thread-safe; per-thread working memory lives in {@link TriageScratch}.
 */
public final class RuleSet {
    public static final int MAX_KEYWORD_CHARS = 200;
    public static final int MAX_REGEX_CHARS = 1_000;
    public static final int MAX_RULES_PER_CATEGORY = 2_000;
    /** Characters a regex may read per character of text before it is given up on for that text. */
    static final int REGEX_STEPS_PER_CHAR = 200;
    static final int REGEX_STEPS_BASE = 20_000;

    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of());

    private final List<Category> categories;
    private final long version;
    private final KeywordAutomaton automaton;
    /** Per pattern: its uses, each {@code categoryIndex << 1 | (exclusion ? 1 : 0)}. */
    private final int[][] patternUses;
    /** Per pattern and use: the keyword as the category wrote it, for explanations. */
    private final String[][] patternLabels;
    private final boolean[] patternNeedsWordStart;
    private final int useCount;
    private final int[][] patternUseIds;
    private final CompiledRegex[][] regexes;
    private final int regexCount;

    private RuleSet(List<Category> categories, List<String> warnings) {
        this.categories = List.copyOf(categories);
        this.version = fingerprint(this.categories);
        Map<String, List<int[]>> uses = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        List<CompiledRegex[]> rx = new ArrayList<>();
        int regexIndex = 0;
        for (int ci = 0; ci < this.categories.size(); ci++) {
            Category cat = this.categories.get(ci);
            Rules rules = cat.rules();
            addPatterns(uses, labels, rules.keywords(), ci, false);
            addPatterns(uses, labels, rules.exclusions(), ci, true);
            List<CompiledRegex> compiled = new ArrayList<>();
            for (String r : rules.regexes()) {
                String problem = regexProblem(r);
                if (problem != null) {
                    warnings.add(describe(cat.name(), problem));
                    continue;
                }
                compiled.add(new CompiledRegex(regexIndex++, r));
            }
            rx.add(compiled.toArray(new CompiledRegex[0]));
        }
        List<String> patterns = new ArrayList<>(uses.keySet());
        this.automaton = patterns.isEmpty() ? null : new KeywordAutomaton(patterns);
        this.patternUses = new int[patterns.size()][];
        this.patternLabels = new String[patterns.size()][];
        this.patternUseIds = new int[patterns.size()][];
        this.patternNeedsWordStart = new boolean[patterns.size()];
        int useId = 0;
        for (int p = 0; p < patterns.size(); p++) {
            List<int[]> u = uses.get(patterns.get(p));
            patternUses[p] = new int[u.size()];
            patternUseIds[p] = new int[u.size()];
            for (int k = 0; k < u.size(); k++) {
                patternUses[p][k] = u.get(k)[0] << 1 | u.get(k)[1];
                patternUseIds[p][k] = useId++;
            }
            patternLabels[p] = labels.get(patterns.get(p)).toArray(new String[0]);
            char first = patterns.get(p).charAt(0);
            patternNeedsWordStart[p] = (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
        }
        this.useCount = useId;
        this.regexes = rx.toArray(new CompiledRegex[0][]);
        this.regexCount = regexIndex;
    }

    private static void addPatterns(Map<String, List<int[]>> uses, Map<String, List<String>> labels,
            List<String> words, int categoryIndex, boolean exclusion) {
        for (String w : words) {
            String key = keywordKey(w);
            if (key.isEmpty() || key.length() > MAX_KEYWORD_CHARS) {
                continue; // reported by problems(); skipped when compiling leniently
            }
            List<int[]> u = uses.computeIfAbsent(key, k -> new ArrayList<>());
            int[] use = {categoryIndex, exclusion ? 1 : 0};
            boolean dup = u.stream().anyMatch(x -> x[0] == use[0] && x[1] == use[1]);
            if (!dup) {
                u.add(use);
                labels.computeIfAbsent(key, k -> new ArrayList<>()).add(w.strip());
            }
        }
    }

    /** A keyword as the matcher sees it: normalized, handles and links removed, spaces taken out. */
    static String keywordKey(String keyword) {
        return TextNormalizer.withoutSpaces(TextNormalizer.forClassification(keyword));
    }

    /** Compiles the rules; any problem (invalid regex, empty keyword...) throws with every problem listed. */
    public static RuleSet compile(List<Category> categories) {
        List<String> problems = new ArrayList<>();
        for (Category c : categories) {
            problems.addAll(problems(c.name(), c.rules()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new RuleSet(categories, new ArrayList<>());
    }

    /** Compiles what can be compiled; unusable rules are skipped and described in {@code warnings}. */
    public static RuleSet compileLenient(List<Category> categories, List<String> warnings) {
        for (Category c : categories) {
            for (String p : problems(c.name(), c.rules())) {
                if (!p.contains("regular expression")) {
                    warnings.add(p); // regex problems are added while compiling
                }
            }
        }
        return new RuleSet(categories, warnings);
    }

    /** What is wrong with these rules, one sentence per problem; empty when they are fine. */
    public static List<String> problems(String categoryName, Rules rules) {
        List<String> out = new ArrayList<>();
        int total = rules.keywords().size() + rules.regexes().size() + rules.exclusions().size();
        if (total > MAX_RULES_PER_CATEGORY) {
            out.add(describe(categoryName, "has " + total + " rules; the limit is " + MAX_RULES_PER_CATEGORY));
        }
        checkWords(out, categoryName, rules.keywords(), "keyword");
        checkWords(out, categoryName, rules.exclusions(), "exclusion");
        for (String r : rules.regexes()) {
            String problem = regexProblem(r);
            if (problem != null) {
                out.add(describe(categoryName, problem));
            }
        }
        return out;
    }

    private static void checkWords(List<String> out, String categoryName, List<String> words, String what) {
        for (String w : words) {
            String key = keywordKey(w);
            if (key.isEmpty()) {
                out.add(describe(categoryName, what + " \"" + w + "\" is empty once @handles, links and spaces "
                        + "are ignored, so it can never match"));
            } else if (key.length() > MAX_KEYWORD_CHARS) {
                out.add(describe(categoryName, what + " \"" + abbreviate(w) + "\" is longer than "
                        + MAX_KEYWORD_CHARS + " characters"));
            }
        }
    }

    private static String regexProblem(String r) {
        if (r.length() > MAX_REGEX_CHARS) {
            return "regular expression \"" + abbreviate(r) + "\" is longer than " + MAX_REGEX_CHARS + " characters";
        }
        Pattern p;
        try {
            p = Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return "regular expression \"" + abbreviate(r) + "\" is invalid: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : "");
        }
        if (p.matcher("").find()) {
            return "regular expression \"" + abbreviate(r) + "\" matches empty text, so it would match every "
                    + "mention";
        }
        return null;
    }

    private static String describe(String categoryName, String problem) {
        return "Category \"" + categoryName + "\": " + problem;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static long fingerprint(List<Category> categories) {
        long h = 1125899906842597L;
        for (Category c : categories) {
            h = 31 * h + c.id();
            h = 31 * h + c.name().hashCode();
            h = 31 * h + c.rules().hashCode();
            h = 31 * h + (c.archived() ? 1 : 0);
        }
        return h;
    }

    /** Changes whenever a category, its rules or the order change; equal rule sets have equal versions. */
    public long version() {
        return version;
    }

    public List<Category> categories() {
        return categories;
    }

    public int size() {
        return categories.size();
    }

    int useCount() {
        return useCount;
    }

    int regexCount() {
        return regexCount;
    }

    /** Matches raw mention text (normalized here). Allocates; for tests, tools and explanations. */
    public RuleMatch match(String rawText) {
        TriageScratch s = TriageScratch.get();
        s.normalize(rawText);
        scan(s);
        return s.ruleMatch(this);
    }

    /**
     * Scans the normalized text in {@code s} and leaves per-category hits there: {@link TriageScratch#ruleHits},
     * {@link TriageScratch#ruleExcluded}, and the matched words for {@link TriageScratch#explain}.
     */
    void scan(TriageScratch s) {
        s.prepareRules(this);
        char[] text = s.norm;
        int len = s.normLength;
        if (automaton != null && len > 0) {
            scanKeywords(s, text, len);
        }
        if (regexCount > 0 && len > 0) {
            scanRegexes(s, text, len);
        }
    }

    private void scanKeywords(TriageScratch s, char[] text, int len) {
        boolean[] wordStart = s.wordStart;
        int fed = 0;
        int state = 0;
        boolean prevWord = false;
        for (int i = 0; i < len; i++) {
            char c = text[i];
            if (c == ' ') {
                prevWord = false;
                continue;
            }
            wordStart[fed] = !prevWord;
            prevWord = TextNormalizer.isWordChar(c);
            state = automaton.next(state, c);
            int[] out = automaton.outputs(state);
            if (out != null) {
                for (int p : out) {
                    if (patternNeedsWordStart[p] && !wordStart[fed - automaton.patternLength(p) + 1]) {
                        continue;
                    }
                    int[] u = patternUses[p];
                    for (int k = 0; k < u.length; k++) {
                        s.keywordHit(u[k] >>> 1, (u[k] & 1) != 0, patternUseIds[p][k], p, k);
                    }
                }
            }
            fed++;
        }
    }

    private void scanRegexes(TriageScratch s, char[] text, int len) {
        BudgetedText view = s.regexView;
        view.reset(text, len, 0);
        long budget = REGEX_STEPS_BASE + (long) REGEX_STEPS_PER_CHAR * len;
        for (int ci = 0; ci < regexes.length; ci++) {
            for (CompiledRegex r : regexes[ci]) {
                if (!r.mayMatch(text, len)) {
                    continue;
                }
                Matcher m = s.matcher(r.index, r.pattern, view);
                view.rewind(budget);
                try {
                    if (m.find()) {
                        s.regexHit(ci, r.index, m.start(), m.end());
                    }
                } catch (RuntimeException e) {
                    if (e != BudgetedText.EXHAUSTED) {
                        throw e;
                    }
                    s.regexTimeouts++;
                }
            }
        }
    }

    String label(int pattern, int use) {
        return patternLabels[pattern][use];
    }

    /** A regex with a literal prefilter: when it must start with a known character, skip texts without it. */
    static final class CompiledRegex {
        final int index;
        final Pattern pattern;
        /** -1: no prefilter; -2: needs a digit; otherwise the (folded) character the match must start with. */
        final int firstChar;

        CompiledRegex(int index, String regex) {
            this.index = index;
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            this.firstChar = prefilter(regex);
        }

        private static int prefilter(String r) {
            if (r.isEmpty() || r.indexOf('|') >= 0) {
                return -1;
            }
            char c0 = r.charAt(0);
            int afterFirst;
            int result;
            if (c0 == '\\' && r.length() > 1 && r.charAt(1) == 'd') {
                result = -2;
                afterFirst = 2;
            } else if ("\\[](){}.*+?^$|".indexOf(c0) >= 0 || Character.isSurrogate(c0)) {
                return -1;
            } else {
                // The text is normalized (NFKC, lower case), so the match must start with the folded character.
                String folded = TextNormalizer.normalize(String.valueOf(c0));
                if (folded.length() != 1) {
                    return -1;
                }
                result = folded.charAt(0);
                afterFirst = 1;
            }
            if (afterFirst < r.length() && "?*{".indexOf(r.charAt(afterFirst)) >= 0) {
                return -1; // the first element is optional
            }
            return result;
        }

        boolean mayMatch(char[] text, int len) {
            if (firstChar == -1) {
                return true;
            }
            if (firstChar == -2) {
                for (int i = 0; i < len; i++) {
                    if (Character.isDigit(text[i])) {
                        return true;
                    }
                }
                return false;
            }
            char f = (char) firstChar;
            for (int i = 0; i < len; i++) {
                if (text[i] == f) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSet r && r.version == version && r.categories.equals(categories);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version);
    }
}
