package org.crisisdesk.cases;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.settings.SettingsStore;

/**
 * The customer-centre connector's settings: what and where in the {@code setting} table, the token or signing secret
 * in {@code HOME/customer-centre.properties} (0600; never in the database, never logged).
 *
 * @param kind NONE, WEBHOOK, ZENDESK or ZAMMAD
 * @param url the webhook URL, or the helpdesk's base URL ({@code https://acme.zendesk.com},
 *     {@code https://support.example.com})
 * @param user Zendesk: the agent e-mail of the API token
 * @param requester Zendesk: an e-mail to file cases under (optional); Zammad: the customer (e-mail or login)
 * @param group Zammad: the group
 * @param autoSend send a case as a ticket as soon as it is moved into the customer-centre column
 */
public record CaseSettings(Kind kind, String url, String user, String requester, String group, boolean autoSend,
        Duration pace, Duration timeout) {

    public enum Kind {
        NONE,
        WEBHOOK,
        ZENDESK,
        ZAMMAD
    }

    public static final String SECRET_FILE = "customer-centre.properties";
    /** The key in the secret file: the API token (Zendesk, Zammad) or the webhook's signing secret. */
    public static final String SECRET_KEY = "secret";
    static final String KIND = "cases.connector";
    static final String URL = "cases.url";
    static final String USER = "cases.user";
    static final String REQUESTER = "cases.requester";
    static final String GROUP = "cases.group";
    static final String AUTO = "cases.auto_send";
    static final String PACE = "cases.pace_ms";
    static final String TIMEOUT = "cases.timeout_s";

    public static final CaseSettings NONE = new CaseSettings(Kind.NONE, null, null, null, null, false,
            Duration.ofSeconds(2), HttpCalls.DEFAULT_TIMEOUT);

    public static CaseSettings load(SettingsStore s) {
        Kind kind;
        try {
            kind = Kind.valueOf(s.get(KIND, "NONE").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = Kind.NONE;
        }
        return new CaseSettings(kind, blankToNull(s.get(URL, null)), blankToNull(s.get(USER, null)),
                blankToNull(s.get(REQUESTER, null)), blankToNull(s.get(GROUP, null)),
                Boolean.parseBoolean(s.get(AUTO, "false")), Duration.ofMillis(longOr(s.get(PACE, null), 2000)),
                Duration.ofSeconds(longOr(s.get(TIMEOUT, null), HttpCalls.DEFAULT_TIMEOUT.toSeconds())));
    }

    public void save(SettingsStore s) {
        s.put(KIND, kind.name());
        s.put(URL, url == null ? "" : url);
        s.put(USER, user == null ? "" : user);
        s.put(REQUESTER, requester == null ? "" : requester);
        s.put(GROUP, group == null ? "" : group);
        s.put(AUTO, Boolean.toString(autoSend));
        s.put(PACE, Long.toString(pace.toMillis()));
        s.put(TIMEOUT, Long.toString(timeout.toSeconds()));
    }

    public static SecretFile secrets(Path home) {
        return new SecretFile(home, SECRET_FILE);
    }

    /** What is missing before a connector can be made, or null when nothing is. */
    public String missing(boolean hasSecret) {
        return switch (kind) {
            case NONE -> "a connector (webhook, Zendesk or Zammad)";
            case WEBHOOK -> url == null ? "the webhook URL" : !hasSecret ? "the signing secret" : null;
            case ZENDESK -> url == null ? "the Zendesk URL" : user == null ? "the agent e-mail"
                    : !hasSecret ? "the API token" : null;
            case ZAMMAD -> url == null ? "the Zammad URL" : group == null ? "the group"
                    : requester == null ? "the customer" : !hasSecret ? "the access token" : null;
        };
    }

    /** The connector, or null when none is chosen or something is missing. */
    public TicketConnector connector(SecretFile secrets, ZoneId zone, Clock wall) {
        String secret = secrets.get(SECRET_KEY).orElse(null);
        if (missing(secret != null) != null) {
            return null;
        }
        String u = url.strip();
        if (!u.startsWith("https://") && !u.startsWith("http://")) {
            return null;
        }
        return switch (kind) {
            case WEBHOOK -> new WebhookConnector(u, secret, timeout, wall);
            case ZENDESK -> new ZendeskConnector(u, user, secret, requester, zone, timeout, wall);
            case ZAMMAD -> new ZammadConnector(u, secret, group, requester, zone, timeout, wall);
            case NONE -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long longOr(String s, long fallback) {
        try {
            return s == null ? fallback : Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
