package org.crisisdesk.source.twitter;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * An OAuth 2.0 sign-in's tokens (user context). Kept owner-only (0600) in {@code HOME/x-oauth2.properties}, written
 * whole through a temporary file so a crash never leaves half a token; {@link #toString()} masks them.
 *
 * @param expiresAt when the access token stops working (X: two hours after it was issued)
 */
public record OAuth2Tokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {
    public static final String FILE_NAME = "x-oauth2.properties";
    /** Refresh this long before the access token expires, so no call meets an expired one. */
    public static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    /** Whether to refresh before the next call. */
    public boolean dueForRefresh(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt.minus(REFRESH_AHEAD));
    }

    public static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** The saved tokens, or null when there are none. */
    public static OAuth2Tokens load(Path home) throws IOException {
        Path f = file(home);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String access = p.getProperty("oauth2.accessToken");
        if (access == null || access.isBlank()) {
            return null;
        }
        String expires = p.getProperty("oauth2.expiresAt");
        return new OAuth2Tokens(access, p.getProperty("oauth2.refreshToken"),
                expires == null ? null : Instant.parse(expires), p.getProperty("oauth2.scope"));
    }

    /** The sign-in's public client id and the signed-in account's id, or nulls. */
    public static String[] account(Path home) throws IOException {
        Properties p = read(home);
        return new String[] {p.getProperty("oauth2.clientId"), p.getProperty("oauth2.userId")};
    }

    /** Records which client signed in and as which account (kept beside the tokens; neither is a secret). */
    public static void saveAccount(Path home, String clientId, String userId) throws IOException {
        Properties p = read(home);
        p.setProperty("oauth2.clientId", clientId);
        p.setProperty("oauth2.userId", userId);
        write(home, p);
    }

    private static Properties read(Path home) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file(home))) {
            try (Reader r = Files.newBufferedReader(file(home), StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    public void save(Path home) throws IOException {
        Properties p = read(home);
        p.setProperty("oauth2.accessToken", accessToken);
        if (refreshToken != null) {
            p.setProperty("oauth2.refreshToken", refreshToken);
        }
        if (expiresAt != null) {
            p.setProperty("oauth2.expiresAt", expiresAt.toString());
        }
        if (scope != null) {
            p.setProperty("oauth2.scope", scope);
        }
        write(home, p);
    }

    private static void write(Path home, Properties p) throws IOException {
        Files.createDirectories(home);
        Path tmp = Files.createTempFile(home, ".x-oauth2", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                tmp.toFile().setReadable(false, false);
                tmp.toFile().setReadable(true, true);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "CrisisDesk: X OAuth 2.0 sign-in (owner-only; delete to sign out)");
            }
            Files.move(tmp, file(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "OAuth2Tokens[accessToken=" + Secrets.mask(accessToken) + ", refreshToken=" + Secrets.mask(refreshToken)
                + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
