package org.crisisdesk.source.twitter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads and writes the connector's settings the way twitter4j users expect them: {@code twitter4j.properties} in the
 * app home with {@code oauth.consumerKey}, {@code oauth.consumerSecret}, {@code oauth.accessToken},
 * {@code oauth.accessTokenSecret}; the same keys as system properties and environment variables with twitter4j's
 * {@code twitter4j.} prefix (environment variables also as {@code TWITTER4J_OAUTH_CONSUMERKEY}). Later sources win:
 * file, then environment, then system properties. CrisisDesk's own keys sit in the same file:
 * {@code crisisdesk.api} (v2 | v1.1), {@code crisisdesk.apiBase} (URL), {@code crisisdesk.keywords} (comma
 * separated). The file is written with owner-only permissions (0600) and never holds {@code debug=true}.
 */
public final class TwitterProperties {
    public static final String FILE_NAME = "twitter4j.properties";
    static final String CONSUMER_KEY = "oauth.consumerKey";
    static final String CONSUMER_SECRET = "oauth.consumerSecret";
    static final String ACCESS_TOKEN = "oauth.accessToken";
    static final String ACCESS_TOKEN_SECRET = "oauth.accessTokenSecret";
    static final String API = "crisisdesk.api";
    static final String API_BASE = "crisisdesk.apiBase";
    static final String KEYWORDS = "crisisdesk.keywords";
    private static final List<String> OAUTH_KEYS = List.of(CONSUMER_KEY, CONSUMER_SECRET, ACCESS_TOKEN,
            ACCESS_TOKEN_SECRET);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private TwitterProperties() {}

    public static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** Whether the home's file (or the environment) carries a complete set of keys. */
    public static boolean connected(Path home) {
        try {
            return load(home).connected();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The settings from the home's file, this process's environment and its system properties. */
    public static XSettings load(Path home) throws IOException {
        return load(home, System.getProperties(), System.getenv());
    }

    /**
     * @throws IOException when the file exists but cannot be read
     * @throws IllegalArgumentException when a value is unusable (unknown API version, bad base URL), with a message
     *         that names the key
     */
    public static XSettings load(Path home, Properties system, Map<String, String> env) throws IOException {
        Properties file = readFile(file(home));
        String[] oauth = new String[4];
        for (int i = 0; i < OAUTH_KEYS.size(); i++) {
            String key = OAUTH_KEYS.get(i);
            oauth[i] = firstNonBlank(
                    system.getProperty("twitter4j." + key),
                    env.get("twitter4j." + key),
                    env.get(envName("twitter4j." + key)),
                    file.getProperty("twitter4j." + key),
                    file.getProperty(key));
        }
        String api = firstNonBlank(system.getProperty(API), env.get(envName(API)), file.getProperty(API));
        String base = firstNonBlank(system.getProperty(API_BASE), env.get(envName(API_BASE)), file.getProperty(API_BASE));
        String keywords = firstNonBlank(system.getProperty(KEYWORDS), env.get(envName(KEYWORDS)),
                file.getProperty(KEYWORDS));
        ApiVersion version;
        try {
            version = ApiVersion.parse(api);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(API + ": " + e.getMessage(), e);
        }
        String normalizedBase;
        try {
            normalizedBase = XSettings.normalizeBase(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(API_BASE + ": " + e.getMessage(), e);
        }
        XSettings settings = new XSettings(new XCredentials(oauth[0], oauth[1], oauth[2], oauth[3]), version,
                normalizedBase, splitKeywords(keywords), null);
        if (!settings.credentials().complete()) {
            // no OAuth 1.0a keys: a "Sign in with X" (OAuth 2.0) in the home, if any, connects v2
            OAuth2Tokens tokens = OAuth2Tokens.load(home);
            String[] account = OAuth2Tokens.account(home);
            if (tokens != null && account[0] != null) {
                java.time.Clock clock = java.time.Clock.systemUTC();
                settings = settings.withOAuth2(new OAuth2Session(new OAuth2SignIn(account[0], clock), home, tokens,
                        clock));
            }
        }
        return settings;
    }

    /**
     * Writes the settings to the home's file, keeping any other twitter4j keys already there. The new file is created
     * with permissions 0600 before any secret is written to it, then moved over the old one.
     */
    public static void save(Path home, XSettings settings) throws IOException {
        Files.createDirectories(home);
        Path target = file(home);
        Properties p = readFile(target);
        XCredentials c = settings.credentials();
        put(p, CONSUMER_KEY, c.consumerKey());
        put(p, CONSUMER_SECRET, c.consumerSecret());
        put(p, ACCESS_TOKEN, c.accessToken());
        put(p, ACCESS_TOKEN_SECRET, c.accessTokenSecret());
        put(p, API, settings.api().label());
        put(p, API_BASE, settings.apiBase());
        put(p, KEYWORDS, settings.keywords().isEmpty() ? null : String.join(", ", settings.keywords()));
        // A debug dump prints the secrets: never let one ride along in our file.
        p.remove("debug");
        p.remove("twitter4j.debug");
        Path tmp = target.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix(home)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
            ownerOnlyFallback(tmp);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "X (Twitter) account for CrisisDesk. Keep this file private (permissions 0600).");
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (posix(home)) {
            Files.setPosixFilePermissions(target, OWNER_ONLY);
        }
    }

    private static boolean posix(Path dir) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void ownerOnlyFallback(Path f) {
        java.io.File file = f.toFile();
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
    }

    private static Properties readFile(Path f) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(f) && org.crisisdesk.store.OwnerOnly.openToOthers(f)) {
            // credentials readable by other local users (a hand-written file, umask 022): made owner-only, and said
            org.crisisdesk.store.OwnerOnly.restrictFile(f);
            org.slf4j.LoggerFactory.getLogger(TwitterProperties.class).warn("{} could be read by other users of this "
                    + "computer; it holds credentials, so its permissions are now owner-only (0600){}", f,
                    org.crisisdesk.store.OwnerOnly.openToOthers(f) ? " - that failed: fix them yourself" : "");
        }
        if (Files.isRegularFile(f)) {
            // twitter4j reads this file as a byte stream (ISO-8859-1 with \\u escapes); so do we.
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void put(Properties p, String key, String value) {
        if (value == null || value.isBlank()) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
    }

    static List<String> splitKeywords(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** {@code twitter4j.oauth.consumerKey} as a shell-friendly name: {@code TWITTER4J_OAUTH_CONSUMERKEY}. */
    static String envName(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
