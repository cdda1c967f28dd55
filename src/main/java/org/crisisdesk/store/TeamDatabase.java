package org.crisisdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL team database (issue 21): the pool every desk and collector shares the server through, and where its
 * password comes from. A password is never part of the URL (which lands in desk.properties, logs and the status
 * bar): it is {@code PGPASSWORD}, else an owner-only file {@code HOME/pgpassword}, else left to the driver, which
 * reads {@code ~/.pgpass} (or {@code PGPASSFILE}) as psql does.
 *
 * <p>HikariCP rather than H2's pool: after a server restart or a network cut every pooled connection is dead, and
 * H2's pool would hand each one out once more (one failed action per dead connection); Hikari drops a connection
 * that failed with a connection error, checks one that sat idle before lending it, and waits a bounded time for a
 * new one, so a desk notices "unreachable" in seconds and carries on by itself when the server is back.
 */
public final class TeamDatabase {
    /** The owner-only password file in the app home (one line, the password). */
    public static final String PASSWORD_FILE = "pgpassword";
    /** How long an action waits for a connection before it is told the team database is unreachable. */
    static final long CONNECTION_TIMEOUT_MS = 5_000;
    /** Connections each process keeps at most: a desk's few threads, a collector, the change listener. */
    static final int MAX_CONNECTIONS = 8;

    private TeamDatabase() {}

    public static boolean isPostgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** Opens the pool; the first connection is made here, so a wrong address or password fails now, in words. */
    static HikariDataSource pool(String url, Path home, Map<String, String> env) {
        refusePasswordInUrl(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("team-db");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        // fail at once when the first connection cannot be made: the explanation then names the cause
        config.setInitializationFailTimeout(1);
        password(home, env).ifPresent(config::setPassword);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "CrisisDesk");
        return new HikariDataSource(config);
    }

    /** PGPASSWORD, else HOME/pgpassword (refused unless owner-only), else none (the driver reads ~/.pgpass). */
    static Optional<String> password(Path home, Map<String, String> env) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        if (home == null) {
            return Optional.empty();
        }
        Path file = home.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                for (PosixFilePermission p : perms) {
                    if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE) {
                        throw new StoreException("The password file " + file + " can be read by others: make it "
                                + "owner-only (chmod 600 " + file + ") and start again.", null);
                    }
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the home folder's own permissions protect it
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new StoreException("Cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A password in the URL would be stored in desk.properties and shown in logs: refused, with what to do. */
    static void refusePasswordInUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int q = lower.indexOf('?');
        boolean inQuery = q >= 0 && ("&" + lower.substring(q + 1)).contains("&password=");
        String authority = lower.substring("jdbc:postgresql:".length());
        boolean inAuthority = authority.startsWith("//") && authority.substring(2).split("[/?]", 2)[0].contains("@");
        if (inQuery || inAuthority) {
            throw new StoreException("A password in the database URL would be kept in desk.properties and shown in "
                    + "logs: remove it from " + display(url) + " and give it as the PGPASSWORD environment "
                    + "variable, in ~/.pgpass, or in the owner-only file HOME/" + PASSWORD_FILE + ".", null);
        }
    }

    /** {@code postgresql://host:port/db}: no options, never a password (those are refused anyway). */
    static String display(String url) {
        String rest = url.substring("jdbc:".length());
        int q = rest.indexOf('?');
        rest = q < 0 ? rest : rest.substring(0, q);
        // never a user:password@ part either
        return rest.replaceFirst("^postgresql://[^/]*@", "postgresql://");
    }

    /** Host, port, database and user of a URL, for messages ("5432" and the OS user when the URL names none). */
    static String[] parts(String url) {
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath();
            String db = path.startsWith("/") ? path.substring(1) : path;
            String user = System.getProperty("user.name");
            if (uri.getRawQuery() != null) {
                for (String kv : uri.getRawQuery().split("&")) {
                    if (kv.toLowerCase(Locale.ROOT).startsWith("user=")) {
                        user = java.net.URLDecoder.decode(kv.substring(5), StandardCharsets.UTF_8);
                    }
                }
            }
            return new String[] {host, String.valueOf(port), db, user};
        } catch (IllegalArgumentException e) {
            return new String[] {"?", "?", "?", "?"};
        }
    }
}
