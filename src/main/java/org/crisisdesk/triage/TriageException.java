package org.crisisdesk.triage;

/**
 * A triage request the desk refuses, with a {@link Problem} the UI turns into words of its own language. The
 * message is English, for logs and the CLI.
 */
public final class TriageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public enum Problem {
        NO_SUCH_CATEGORY,
        CATEGORY_ARCHIVED,
        NAME_TAKEN,
        BAD_NAME,
        BAD_COLOUR,
        BAD_RULE,
        /** The fixed customer-centre column cannot be archived or merged away. */
        FIXED_CATEGORY,
        SAME_CATEGORY
    }

    private final Problem problem;
    private final transient Object[] args;

    public TriageException(Problem problem, String message, Object... args) {
        super(message);
        this.problem = problem;
        this.args = args.clone();
    }

    public Problem problem() {
        return problem;
    }

    /** Values for the UI's message pattern (a name, a line of a rule...). */
    public Object[] args() {
        return args.clone();
    }
}
