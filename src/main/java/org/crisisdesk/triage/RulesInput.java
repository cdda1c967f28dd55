package org.crisisdesk.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.crisisdesk.mention.TextChecks;

/**
 * Rules as a person types them: one keyword, regular expression or exclusion per line. Blank lines and repeats are
 * dropped; a regular expression that does not compile is reported with its line, so the editor can point at it.
 */
public final class RulesInput {
    public static final int MAX_RULE_LENGTH = 500;

    public enum Field {
        KEYWORDS,
        REGEXES,
        EXCLUSIONS
    }

    /** @param line 1-based line in the field's text */
    public record Problem(Field field, int line, String rule, String detail) {}

    private RulesInput() {}

    /** The rules in a block of text, one per line, trimmed, without blanks and repeats. */
    public static List<String> lines(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String s = line.strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    public static List<Problem> problems(String keywords, String regexes, String exclusions) {
        List<Problem> out = new ArrayList<>();
        check(Field.KEYWORDS, keywords, out);
        check(Field.REGEXES, regexes, out);
        check(Field.EXCLUSIONS, exclusions, out);
        return out;
    }

    /** The rules, or a {@link TriageException} (BAD_RULE) naming the first problem. */
    public static Rules parse(String keywords, String regexes, String exclusions) {
        List<Problem> problems = problems(keywords, regexes, exclusions);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new TriageException(TriageException.Problem.BAD_RULE,
                    p.field() + " line " + p.line() + " (" + p.rule() + "): " + p.detail(), p.line(), p.rule(),
                    p.detail());
        }
        return new Rules(lines(keywords), lines(regexes), lines(exclusions));
    }

    /** Rules already held (e.g. from a file) checked the same way. */
    public static void check(Rules rules) {
        parse(String.join("\n", rules.keywords()), String.join("\n", rules.regexes()),
                String.join("\n", rules.exclusions()));
    }

    private static void check(Field field, String text, List<Problem> out) {
        if (text == null) {
            return;
        }
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String rule = raw[i].strip();
            if (rule.isEmpty()) {
                continue;
            }
            String problem = TextChecks.problem(rule);
            if (problem != null) {
                out.add(new Problem(field, i + 1, rule, problem));
                continue;
            }
            if (rule.length() > MAX_RULE_LENGTH) {
                out.add(new Problem(field, i + 1, rule.substring(0, 40) + "…",
                        "longer than " + MAX_RULE_LENGTH + " characters"));
                continue;
            }
            if (field == Field.REGEXES) {
                try {
                    Pattern.compile(rule);
                } catch (PatternSyntaxException e) {
                    out.add(new Problem(field, i + 1, rule, e.getDescription()));
                }
            }
        }
    }
}
