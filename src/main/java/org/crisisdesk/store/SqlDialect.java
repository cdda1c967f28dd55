package org.crisisdesk.store;

/** The few places where H2 and PostgreSQL differ. Everything else is standard SQL. */
public enum SqlDialect {
    H2,
    POSTGRESQL;

    static SqlDialect forUrl(String url) {
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    /** Case-insensitive substring match on a column. */
    public String containsIgnoreCase(String column) {
        return this == POSTGRESQL ? column + " ILIKE ? ESCAPE '\\'" : "LOWER(" + column + ") LIKE LOWER(?) ESCAPE '\\'";
    }

    /** Escapes a user's search text for a LIKE pattern and wraps it in % wildcards. */
    public static String likeContains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
