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
    private static final int KIND_KEYWORD = 0;
    private static final int KIND_EXCLUSION = 1;
    private static final int KIND_REGEX = 2;
    /** Per pattern: its uses, each {@code index << 2 | kind}: a category's keyword or exclusion, or a regex prefix. */
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
            // A regex's literal prefix rides along in the keyword automaton: the one pass over the text also says
            // whether (and from where) each regex can match at all.
            for (CompiledRegex r : compiled) {
                if (r.prefix != null) {
                    uses.computeIfAbsent(new String(r.prefix), k -> new ArrayList<>()).add(new int[] {r.index, KIND_REGEX});
                    labels.computeIfAbsent(new String(r.prefix), k -> new ArrayList<>()).add(r.pattern.pattern());
                }
            }
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
                patternUses[p][k] = u.get(k)[0] << 2 | u.get(k)[1];
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
            int[] use = {categoryIndex, exclusion ? KIND_EXCLUSION : KIND_KEYWORD};
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
        if (len == 0) {
            return;
        }
        if (automaton != null) {
            scanKeywords(s, text, len);
        } else {
            s.firstDigit = CompiledRegex.firstDigit(text, len);
        }
        if (regexCount > 0) {
            scanRegexes(s, text, len);
        }
    }

    private void scanKeywords(TriageScratch s, char[] text, int len) {
        boolean[] wordStart = s.wordStart;
        int[] fedPos = s.fedPos;
        int fed = 0;
        int state = 0;
        int firstDigit = -1;
        boolean prevWord = false;
        for (int i = 0; i < len; i++) {
            char c = text[i];
            if (c == ' ') {
                prevWord = false;
                continue;
            }
            if (firstDigit < 0 && c >= '0' && c <= '9') {
                firstDigit = i;
            }
            wordStart[fed] = !prevWord;
            fedPos[fed] = i;
            prevWord = TextNormalizer.isWordChar(c);
            state = automaton.next(state, c);
            int[] out = automaton.outputs(state);
            if (out != null) {
                for (int p : out) {
                    int start = fed - automaton.patternLength(p) + 1;
                    boolean startsWord = wordStart[start];
                    int[] u = patternUses[p];
                    for (int k = 0; k < u.length; k++) {
                        int kind = u[k] & 3;
                        if (kind == KIND_REGEX) {
                            s.regexCandidate(u[k] >>> 2, fedPos[start]);
                        } else if (startsWord || !patternNeedsWordStart[p]) {
                            s.keywordHit(u[k] >>> 2, kind == KIND_EXCLUSION, patternUseIds[p][k], p, k);
                        }
                    }
                }
            }
            fed++;
        }
        s.firstDigit = firstDigit;
    }

    private void scanRegexes(TriageScratch s, char[] text, int len) {
        BudgetedText view = s.regexView;
        view.reset(text, len, 0);
        long budget = REGEX_STEPS_BASE + (long) REGEX_STEPS_PER_CHAR * len;
        for (int ci = 0; ci < regexes.length; ci++) {
            for (CompiledRegex r : regexes[ci]) {
                int from = r.prefix != null ? s.firstRegexStart(r.index) : r.digitFirst ? s.firstDigit : 0;
                if (from < 0) {
                    continue; // its literal start (or a digit) is nowhere in the text
                }
                Matcher m = s.matcher(r.index, r.pattern, view);
                view.rewind(budget);
                try {
                    if (r.prefix != null ? matchAtPrefix(s, r, m, len) : m.find(from)) {
                        s.regexHit(ci, r.index, m.start(), m.end());
                    }
                } catch (RuntimeException e) {
                    if (e != BudgetedText.EXHAUSTED) {
                        throw e;
                    }
                    s.regexTimeouts++;
                } catch (StackOverflowError e) {
                    // java.util.regex recurses per repetition of a group such as (배송|택배|\s)+ : on a long post it
                    // overflows before the step budget runs out. Counted as a regex that gave up, like the budget.
                    s.regexTimeouts++;
                }
            }
        }
    }

    /**
     * A match of a regex with a literal prefix can only start where the automaton saw that prefix: try those places
     * in order (the first that matches is the leftmost match, as {@code find} would give) instead of letting
     * {@code find} try every position to the end of the text. Past the recorded places, {@code find} goes on.
     */
    private static boolean matchAtPrefix(TriageScratch s, CompiledRegex r, Matcher m, int len) {
        int count = s.regexStartCount[r.index];
        int recorded = Math.min(count, TriageScratch.STARTS);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int k = 0; k < recorded; k++) {
            m.region(s.regexStarts[r.index * TriageScratch.STARTS + k], len);
            if (m.lookingAt()) {
                return true;
            }
        }
        if (count > recorded) {
            m.region(0, len);
            return m.find(s.regexStarts[r.index * TriageScratch.STARTS + recorded - 1] + 1);
        }
        return false;
    }

    String label(int pattern, int use) {
        return patternLabels[pattern][use];
    }

    /**
     * A regex with a cheap prefilter: when every match must start with a known literal ("개통", "emergency") or with
     * a digit, texts without it are skipped and the search starts at its first occurrence (found by the keyword
     * automaton's pass). Most regexes are skipped for most texts this way, so they cost little on the hot path.
     */
    static final class CompiledRegex {
        final int index;
        final Pattern pattern;
        /** Folded literal every match starts with, or null. */
        final char[] prefix;
        /** Every match starts with a digit ({@code \d...}). */
        final boolean digitFirst;

        CompiledRegex(int index, String regex) {
            this.index = index;
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            boolean alternation = hasTopLevelAlternation(regex);
            String literal = alternation ? "" : literalPrefix(regex);
            String folded = literal.isEmpty() ? "" : TextNormalizer.normalize(literal);
            // Folding must not change the shape of the literal (NFKC expansions, spaces): otherwise no prefilter.
            this.prefix = !folded.isEmpty() && folded.length() == literal.length() && folded.indexOf(' ') < 0
                    ? folded.toCharArray() : null;
            this.digitFirst = !alternation && prefix == null && regex.startsWith("\\d");
        }

        /** The leading run of plain characters that every match must begin with ("" when there is none). */
        static String literalPrefix(String r) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                char c = r.charAt(i);
                if ("\\[](){}.*+?^$|".indexOf(c) >= 0 || Character.isSurrogate(c) || Character.isWhitespace(c)) {
                    if ((c == '?' || c == '*' || c == '{') && sb.length() > 0) {
                        sb.setLength(sb.length() - 1); // the last character is optional
                    }
                    break;
                }
                sb.append(c);
            }
            return sb.toString();
        }

        /** A '|' outside any group or character class: the match may start with either side. */
        static boolean hasTopLevelAlternation(String r) {
            int depth = 0;
            boolean inClass = false;
            for (int i = 0; i < r.length(); i++) {
                char c = r.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
            return false;
        }

        static int firstDigit(char[] text, int len) {
            for (int i = 0; i < len; i++) {
                if (text[i] >= '0' && text[i] <= '9') { // \\d is ASCII-only in java.util.regex by default
                    return i;
                }
            }
            return -1;
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
