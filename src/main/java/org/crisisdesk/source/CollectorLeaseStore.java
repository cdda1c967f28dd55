package org.crisisdesk.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.Sql;
import org.crisisdesk.store.StoreException;

/**
 * The lease that makes one process the collector of a source on a shared database (issue 21): a row per source key
 * naming the holder and until when it holds. The holder renews it every {@link #RENEW_EVERY}; a lease not renewed
 * for {@link #TTL} (the process was killed, the laptop closed, the network cut) may be taken by anyone, who then
 * continues from the source's stored checkpoint. Times are this process's clock (desks keep theirs synchronised).
 */
public final class CollectorLeaseStore {
    /** How long a lease lasts without renewal. With {@link #RETRY_EVERY}, a dead holder is replaced within 25 s. */
    public static final Duration TTL = Duration.ofSeconds(20);
    public static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** How often a process that is not the holder asks again. */
    public static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    /** Who holds a source, until when. */
    public record Holder(String holder, String label, Instant expiresAt) {}

    private final Database db;
    private final Clock clock;
    private final String holder;
    private final String label;

    /** {@code holder}: unique to this process; {@code label}: what other desks show ("민지-PC"). */
    public CollectorLeaseStore(Database db, Clock clock, String holder, String label) {
        this.db = db;
        this.clock = clock;
        this.holder = holder;
        this.label = label;
    }

    /** A holder id unique to this process. */
    public static String processHolder() {
        return host() + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom()
                .nextLong());
    }

    /** This computer's name, for labels. */
    public static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public String holderId() {
        return holder;
    }

    /**
     * Takes the lease when it is free, expired or already ours (then renewed); empty when we hold it now, else who
     * does.
     */
    public Optional<Holder> tryAcquire(String sourceKey) {
        try {
            return db.inTransaction(c -> {
                Instant now = clock.instant();
                Holder current = Sql.on(c, "SELECT holder, holder_label, expires_at FROM collector_lease "
                        + "WHERE source_key = :key FOR UPDATE").bind("key", sourceKey).first(CollectorLeaseStore::read)
                        .orElse(null);
                if (current == null) {
                    Sql.on(c, "INSERT INTO collector_lease (source_key, holder, holder_label, acquired_at, renewed_at, "
                            + "expires_at) VALUES (:key, :holder, :label, :now, :now, :expires)")
                            .bind("key", sourceKey).bind("holder", holder).bind("label", label).bind("now", now)
                            .bind("expires", now.plus(TTL)).update();
                    return Optional.<Holder>empty();
                }
                boolean ours = current.holder().equals(holder);
                if (!ours && current.expiresAt().isAfter(now) && !deadOnThisComputer(current.holder())) {
                    return Optional.of(current);
                }
                Sql.on(c, "UPDATE collector_lease SET holder = :holder, holder_label = :label, "
                        + "acquired_at = CASE WHEN holder = :holder THEN acquired_at ELSE :now END, renewed_at = :now, "
                        + "expires_at = :expires WHERE source_key = :key")
                        .bind("holder", holder).bind("label", label).bind("now", now).bind("expires", now.plus(TTL))
                        .bind("key", sourceKey).update();
                return Optional.<Holder>empty();
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) { // another process inserted the first lease between our read and our insert
                return holder(sourceKey).filter(h -> !h.holder().equals(holder)).or(() -> tryAcquire(sourceKey));
            }
            throw e;
        }
    }

    /**
     * A holder that ran on this computer as a process that is gone (this desk restarted after a crash): its lease
     * need not be waited out.
     */
    static boolean deadOnThisComputer(String holderId) {
        String[] parts = holderId.split("/");
        if (parts.length != 3 || !parts[0].equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Extends our lease; false when it is no longer ours (expired and taken over): stop collecting at once. */
    public boolean renew(String sourceKey) {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            return Sql.on(c, "UPDATE collector_lease SET renewed_at = :now, expires_at = :expires "
                    + "WHERE source_key = :key AND holder = :holder").bind("now", now).bind("expires", now.plus(TTL))
                    .bind("key", sourceKey).bind("holder", holder).update() == 1;
        });
    }

    /** Gives the lease up (a clean stop), so another process takes over at once instead of after {@link #TTL}. */
    public void release(String sourceKey) {
        db.inTransactionVoid(c -> Sql.on(c, "DELETE FROM collector_lease WHERE source_key = :key AND holder = :holder")
                .bind("key", sourceKey).bind("holder", holder).update());
    }

    /** Who holds the source's lease, if anyone (possibly expired). */
    public Optional<Holder> holder(String sourceKey) {
        return db.inTransaction(c -> Sql.on(c, "SELECT holder, holder_label, expires_at FROM collector_lease "
                + "WHERE source_key = :key").bind("key", sourceKey).first(CollectorLeaseStore::read));
    }

    private static Holder read(ResultSet rs) throws SQLException {
        return new Holder(rs.getString(1), rs.getString(2), Jdbc.getInstant(rs, "expires_at"));
    }
}
