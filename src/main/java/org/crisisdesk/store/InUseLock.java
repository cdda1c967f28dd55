package org.crisisdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import org.h2.message.DbException;
import org.h2.message.TraceSystem;
import org.h2.store.FileLock;
import org.h2.store.FileLockMethod;

/**
 * Takes the H2 database's own lock file ({@code NAME.lock.db}, the one every desk and collector holds while it has
 * the database open, AUTO_SERVER or not) for as long as a restore replaces the file. Taking it fails when any process
 * has the database open; while it is held, none can open it. A lock left by a killed process is recognised as stale
 * by H2 (its owner no longer rewrites it) and taken over.
 */
final class InUseLock implements AutoCloseable {
    /** How often H2's own owners re-check their lock file (H2's Constants.LOCK_SLEEP). */
    private static final int SLEEP_MS = 1000;

    private final FileLock lock;

    private InUseLock(FileLock lock) {
        this.lock = lock;
    }

    /** Locks {@code base} (the database file without {@code .mv.db}) or says which database is in use. */
    static InUseLock acquire(Path base) throws IOException {
        FileLock lock = new FileLock(new TraceSystem(null), base.toAbsolutePath() + ".lock.db", SLEEP_MS);
        try {
            lock.lock(FileLockMethod.FILE);
        } catch (DbException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IOException("The database " + base.toAbsolutePath() + ".mv.db is open in another program "
                        + "(a desk or `crisisdesk collect`): close it first; nothing was changed", e);
            }
            throw new IOException("Cannot lock the database " + base.toAbsolutePath() + ".mv.db ("
                    + BackupCheck.firstLine(e.getMessage()) + "); nothing was changed", e);
        }
        return new InUseLock(lock);
    }

    @Override
    public void close() {
        lock.unlock();
    }
}
