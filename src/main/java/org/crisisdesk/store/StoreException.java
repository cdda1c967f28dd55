package org.crisisdesk.store;

import java.sql.SQLException;

/** A database problem with a message meant for the person at the desk, not a stack trace. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static StoreException explain(String url, Throwable e) {
        if (e instanceof StoreException se) {
            return se;
        }
        String where = url.split(";")[0];
        SQLException sql = findSql(e);
        if (sql != null) {
            int code = sql.getErrorCode();
            // H2 error codes: 90020 database in use, 90030/90048 file corrupted or wrong format, 28000 wrong user/password
            if (code == 90020) {
                return new StoreException("The database " + where + " is already open in another program that does "
                        + "not share it. Close the other CrisisDesk or use a different --home.", e);
            }
            if (code == 90030 || code == 90048 || code == 90029 || code == 90028) {
                return new StoreException("The database file " + where + " is damaged, unreadable or not a CrisisDesk database ("
                        + sql.getMessage().split("\n")[0] + "). " + lastBackup(where) + "Restore one with `crisisdesk "
                        + "restore BACKUP.zip`; CrisisDesk will not start a new empty database over it.", e);
            }
            return new StoreException("Database error at " + where + ": " + sql.getMessage().split("\n")[0], e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
        return new StoreException("Cannot open the database " + where + ": " + msg, e);
    }

    /**
     * Whether this is a unique-key clash (SQLState 23505): another process on the same database (a second desk, a
     * collector) stored the same row between this one's check and its insert. Worth retrying once.
     */
    public boolean isDuplicateKey() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    && "23505".equals(b.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Names the newest backup beside an H2 file database, so the message says what to restore. */
    private static String lastBackup(String where) {
        if (!where.startsWith("jdbc:h2:file:")) {
            return "";
        }
        return lastBackup(java.nio.file.Path.of(where.substring("jdbc:h2:file:".length())).getParent());
    }

    /** Names the newest intact backup in {@code home/backups}, or says there is none. */
    static String lastBackup(java.nio.file.Path home) {
        return new Backups(home).newest().map(p -> "The last backup is " + p + ". ").orElse("There is no backup in "
                + home.resolve("backups") + ". ");
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
