package org.crisisdesk.triage;

/**
 * A reusable character view of the normalized text for regular expressions, with a step budget: every character a
 * regex engine reads counts, and past the budget {@link #charAt} throws {@link #EXHAUSTED}. A pathological
 * expression such as {@code (a+)+b} then costs a bounded amount of work instead of hanging the pipeline. Not
 * thread-safe: one per thread.
 */
final class BudgetedText implements CharSequence {
    /** Thrown (preallocated, no stack trace) when a regex has used up its budget on one text. */
    static final RuntimeException EXHAUSTED = new RuntimeException("regex step budget exhausted", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private char[] buf = new char[0];
    private int len;
    private long steps;
    private long limit;

    void reset(char[] text, int length, long budget) {
        this.buf = text;
        this.len = length;
        this.steps = 0;
        this.limit = budget;
    }

    /** Starts a new budget on the same text (one budget per regex). */
    void rewind(long budget) {
        this.steps = 0;
        this.limit = budget;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        if (++steps > limit) {
            throw EXHAUSTED;
        }
        if (index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        return buf[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, start, end - start);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }
}
