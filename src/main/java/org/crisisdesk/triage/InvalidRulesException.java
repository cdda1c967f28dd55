package org.crisisdesk.triage;

import java.util.List;

/** Rules that cannot be used (an invalid regular expression, an empty keyword...); the message says which and why. */
public final class InvalidRulesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
