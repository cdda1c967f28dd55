package org.crisisdesk.store;

import java.sql.SQLException;

/** A database problem with a message meant for the person at the desk, not a stack trace. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The operating system's words when a write failed for want of room (a full disk, a quota, a file size limit),
     * wherever they are in the cause chain (H2 closes the store and reports "The database has been closed" on top);
     * null otherwise.
     */
    static String noRoom(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                for (String words : new String[] {"No space left on device", "File too large", "Disk quota exceeded",
                    "not enough space on the disk"}) {
                    if (m.contains(words)) {
                        return words;
                    }
                }
            }
        }
        return null;
    }

    static StoreException explain(String url, Throwable e) {
        if (e instanceof StoreException se) {
            return se;
        }
        if (TeamDatabase.isPostgres(url)) {
            StoreException team = explainTeam(url, e);
            if (team != null) {
                return team;
            }
        }
        String where = TeamDatabase.isPostgres(url) ? TeamDatabase.display(url) : url.split(";")[0];
        String noRoom = noRoom(e);
        if (noRoom != null) {
            String file = Database.h2FileBase(url).map(p -> p + ".mv.db").orElse(where);
            return new StoreException("No room to write the database " + file + " (" + noRoom + "): the disk is full "
                    + "or the file may not grow. Free some space there, then run the command again.", e);
        }
        SQLException sql = findSql(e);
        if (sql != null) {
            int code = sql.getErrorCode();
            // H2 error codes: 90020 database in use, 90030/90048 file corrupted or wrong format, 28000 wrong user/password
            if (code == 90098 && Database.h2FileBase(url).isPresent()) {
                return new StoreException("The database " + Database.h2FileBase(url).get() + ".mv.db was closed after "
                        + "an error writing it (most often no room: a full disk, or the file may not grow). Free some "
                        + "space there, then run the command again.", e);
            }
            if (code == 50100 && String.valueOf(sql.getMessage()).contains("readOnly")) {
                return new StoreException("The database " + where + " can only be read (a read-only file or folder): "
                        + "CrisisDesk needs to write it (check its owner and permissions, or choose another --home or "
                        + "--db)", e);
            }
            if (code == 90020) {
                return new StoreException("The database " + where + " is already open in another program that does "
                        + "not share it. Close the other CrisisDesk or use a different --home.", e);
            }
            if (code == 90030 || code == 90048 || code == 90029 || code == 90028) {
                return new StoreException("The database file " + where + " is damaged, unreadable or not a CrisisDesk database ("
                        + sql.getMessage().split("\n")[0] + "). " + lastBackup(where) + "Restore one with `crisisdesk "
                        + "restore BACKUP.zip`; CrisisDesk will not start a new empty database over it.", e);
            }
            // one line, bounded: H2 quotes a whole script or file it could not run (a hostile URL printed /etc/passwd)
            String first = String.valueOf(sql.getMessage()).split("\n")[0];
            return new StoreException("Database error at " + where + ": "
                    + (first.length() > 300 ? first.substring(0, 300) + "…" : first), e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
        return new StoreException("Cannot open the database " + where + ": " + msg, e);
    }

    /**
     * A team database that cannot be reached, refuses the login or does not exist, said in words (PostgreSQL's
     * SQLStates: class 08 connection, 28 authorization, 3D000 no such database); null for anything else.
     */
    private static StoreException explainTeam(String url, Throwable e) {
        String[] p = TeamDatabase.parts(url);
        String server = p[0] + ":" + p[1];
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException s ? s.getSQLState() : null;
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || (state != null && state.startsWith("08"))) {
                return new StoreException("The team database " + p[2] + " on " + server + " cannot be reached ("
                        + firstLine(t) + "); nothing was read or stored, and CrisisDesk does not fall back to a local "
                        + "database. Is PostgreSQL running there, listening on that address, and is the network up? "
                        + "Start it, or choose another database with --db or in the settings (HOME/desk.properties "
                        + "keeps the choice).", e);
            }
            if (state != null && state.startsWith("28")) {
                return new StoreException("The team database " + server + "/" + p[2] + " refused user " + p[3]
                        + " (authentication failed: " + firstLine(t) + "). Give the password as PGPASSWORD, in "
                        + "~/.pgpass or in the owner-only file HOME/" + TeamDatabase.PASSWORD_FILE + ", and check the "
                        + "server's pg_hba.conf allows this computer.", e);
            }
            if ("3D000".equals(state)) {
                return new StoreException("The database " + p[2] + " does not exist on " + server + ". Create it "
                        + "first (createdb -h " + p[0] + " -p " + p[1] + " -O " + p[3] + " " + p[2]
                        + "); see docs/team.md.", e);
            }
        }
        return null;
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().split("\n")[0];
    }

    /** Whether the database could not be reached at all (a team database's server down or the network cut). */
    public boolean isUnreachable() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this is a unique-key clash (SQLState 23505): another process on the same database (a second desk, a
     * collector) stored the same row between this one's check and its insert. Worth retrying once.
     */
    /**
     * Whether the database itself failed (no room to write, the store closed after an I/O error, the connection
     * lost), not one row: trying the rows one by one would only store part of the batch before failing again.
     */
    public boolean isDatabaseFailure() {
        if (noRoom(this) != null) {
            return true;
        }
        for (Throwable t = this; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                // H2: 90098 closed, 90028 I/O error, 90121 closed by shutdown; SQL states 08 connection, 53 resources
                if (code == 90098 || code == 90028 || code == 90121 || state.startsWith("08")
                        || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

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
