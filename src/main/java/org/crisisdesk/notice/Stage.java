package org.crisisdesk.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the work stands: step {@code step} of {@code total}, with a short label ("2/4 재배송 준비"). A notice at its
 * final step ({@code step == total}) reports the issue as resolved.
 */
public record Stage(int step, int total, String label) {
    private static final Pattern FORM = Pattern.compile("^\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*(.*)$", Pattern.DOTALL);

    public Stage {
        if (total < 1 || total > 99) {
            throw new IllegalArgumentException("A stage has 1 to 99 steps, not " + total);
        }
        if (step < 1 || step > total) {
            throw new IllegalArgumentException("The step must be between 1 and " + total + ", not " + step);
        }
        label = label == null ? "" : org.crisisdesk.mention.TextChecks.oneLine(label); // one line, no controls
    }

    /** Parses {@code "2/4 re-dispatching"} or {@code "2/4"}; a clear message for anything else. */
    public static Stage parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("Stage is empty; write it as \"2/4 label\"");
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Stage must look like \"2/4 label\", not \"" + s.strip() + "\"");
        }
        return new Stage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }

    public boolean isFinal() {
        return step == total;
    }

    /**
     * Whether a stored notice's stage (step of total, each possibly missing) is its plan's last, the notice that closes
     * its category. Shared by the watch and the handover report, which read the columns, not a {@code Stage}.
     */
    public static boolean closes(Integer step, Integer total) {
        return step != null && total != null && total > 0 && step >= total;
    }

    public boolean hasLabel() {
        return !label.isEmpty();
    }

    /** {@code "2/4"}. */
    public String fraction() {
        return step + "/" + total;
    }

    @Override
    public String toString() {
        return hasLabel() ? fraction() + " " + label : fraction();
    }
}
