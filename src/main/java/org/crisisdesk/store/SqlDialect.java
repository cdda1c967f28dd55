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

    /**
     * An index hint after a table name: H2 picks the foreign-key index on category_id for "newest of a category" and
     * then sorts the whole category, unless told to use the (category_id, pk) index. PostgreSQL's planner needs none.
     */
    public String useIndex(String index) {
        return this == H2 ? " USE INDEX (" + index + ")" : "";
    }

    /** Escapes a user's search text for a LIKE pattern and wraps it in % wildcards. */
    public static String likeContains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
