package org.crisisdesk.alert.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.settings.SettingsStore;

/**
 * Editing the alert channels: the configuration (the {@code alert.delivery} setting, no secrets) and the secrets
 * ({@code HOME/alert-channels.properties}, 0600) together, for the desk's settings and {@code crisisdesk alerts
 * channels}. Callers learn only whether a secret is stored, never its value. Blocking (JDBC, file): off the FX thread.
 */
public final class ChannelSettings {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private final SettingsStore settings;
    private final SecretFile secrets;

    public ChannelSettings(SettingsStore settings, Path home) {
        this.settings = settings;
        this.secrets = new SecretFile(home, DeliveryConfig.SECRET_FILE);
    }

    public static SecretFile secrets(Path home) {
        return new SecretFile(home, DeliveryConfig.SECRET_FILE);
    }

    public Path secretFile() {
        return secrets.path();
    }

    /** The stored configuration; an unreadable one is an error (callers say so rather than overwrite it). */
    public DeliveryConfig config() {
        return DeliveryConfig.load(settings);
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether the webhook channel's URL is stored (it is a secret: Slack and Teams URLs carry their token). */
    public boolean hasUrl(String channel) {
        return secrets.get(AlertChannel.urlKey(channel)).isPresent();
    }

    public boolean hasSecret(String channel) {
        return secrets.get(secretKey(channel)).isPresent();
    }

    public boolean hasSmtpPassword() {
        return secrets.get(DeliveryConfig.SMTP_PASSWORD).isPresent();
    }

    public static String secretKey(String channel) {
        return "channel." + channel + ".secret";
    }

    /**
     * Adds or replaces a channel. A webhook's {@code url} and {@code secret}: null keeps what is stored, blank removes
     * it. A new channel joins the route of {@code route} (a rule name or {@code *}; made, from level 1, when missing),
     * so that it is told something.
     */
    public DeliveryConfig putChannel(AlertChannel channel, String url, String secret, String route) {
        if (!validName(channel.name())) {
            throw new IllegalArgumentException("A channel name is letters, digits, - and _ (at most 40): "
                    + channel.name());
        }
        if (channel.type() == AlertChannel.Type.EMAIL && channel.to().isEmpty()) {
            throw new IllegalArgumentException("An e-mail channel needs at least one address to send to");
        }
        if (channel.type() == AlertChannel.Type.EMAIL) {
            for (String to : channel.to()) {
                if (!to.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new IllegalArgumentException("Not an e-mail address: " + to);
                }
            }
        }
        if (url != null && !url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("A webhook URL starts with https:// (or http:// for a local receiver)");
        }
        DeliveryConfig before = config();
        List<AlertChannel> channels = new ArrayList<>(before.channels());
        boolean fresh = channels.removeIf(c -> c.name().equals(channel.name())) == false;
        channels.add(channel);
        List<AlertRoute> routes = new ArrayList<>(before.routes());
        String reason = route == null || route.isBlank() ? "*" : route.strip();
        if (fresh || routes.isEmpty()) {
            AlertRoute r = routes.stream().filter(x -> x.reason().equals(reason)).findFirst().orElse(null);
            if (r == null) {
                routes.add(new AlertRoute(reason, List.of(channel.name()), 1, null, null, 3, null));
            } else if (!r.channels().contains(channel.name())) {
                List<String> names = new ArrayList<>(r.channels());
                names.add(channel.name());
                routes.set(routes.indexOf(r), new AlertRoute(r.reason(), names, r.minLevel(), r.quietFrom(),
                        r.quietTo(), r.urgentLevel(), r.escalateAfter()));
            }
        }
        Map<String, String> secretValues = new HashMap<>();
        if (channel.type() != AlertChannel.Type.EMAIL) {
            if (url != null) {
                secretValues.put(AlertChannel.urlKey(channel.name()), url.strip());
            }
            if (secret != null) {
                secretValues.put(secretKey(channel.name()), secret);
            }
        }
        writeSecrets(secretValues);
        DeliveryConfig after = new DeliveryConfig(channels, routes, before.smtp());
        after.save(settings);
        return after;
    }

    /** Removes the channel, its place in every route and its secrets; false when there was none by that name. */
    public boolean removeChannel(String name) {
        DeliveryConfig before = config();
        List<AlertChannel> channels = new ArrayList<>(before.channels());
        if (!channels.removeIf(c -> c.name().equals(name))) {
            return false;
        }
        List<AlertRoute> routes = new ArrayList<>();
        for (AlertRoute r : before.routes()) {
            List<String> names = r.channels().stream().filter(n -> !n.equals(name)).toList();
            if (!names.isEmpty()) {
                routes.add(new AlertRoute(r.reason(), names, r.minLevel(), r.quietFrom(), r.quietTo(),
                        r.urgentLevel(), r.escalateAfter()));
            }
        }
        Map<String, String> gone = new HashMap<>();
        gone.put(AlertChannel.urlKey(name), null);
        gone.put(secretKey(name), null);
        writeSecrets(gone);
        new DeliveryConfig(channels, routes, before.smtp()).save(settings);
        return true;
    }

    /**
     * Sets the route of one rule ({@code VOLUME}, {@code CADENCE}, {@code ETA_MISSED}, {@code SPIKE}, {@code BACKLOG}
     * or {@code *}): its channels in escalation order (each must exist), replacing the rule's route; no channels
     * removes the route.
     */
    public DeliveryConfig putRoute(AlertRoute route) {
        List<String> rules = List.of("*", "VOLUME", "CADENCE", "ETA_MISSED", "SPIKE", "BACKLOG");
        if (!rules.contains(route.reason())) {
            throw new IllegalArgumentException("A route is for one of " + String.join(", ", rules) + ", not "
                    + route.reason());
        }
        if (route.minLevel() < 1 || route.minLevel() > 3 || route.urgentLevel() < 1 || route.urgentLevel() > 4) {
            throw new IllegalArgumentException("Levels are 1 to 3 (an urgent level of 4: nothing overrides quiet "
                    + "hours)");
        }
        if ((route.quietFrom() == null) != (route.quietTo() == null)) {
            throw new IllegalArgumentException("Quiet hours need both a start and an end");
        }
        DeliveryConfig before = config();
        for (String name : route.channels()) {
            if (before.channel(name).isEmpty()) {
                throw new IllegalArgumentException("No channel named " + name);
            }
        }
        List<AlertRoute> routes = new ArrayList<>(before.routes());
        routes.removeIf(r -> r.reason().equals(route.reason()));
        if (!route.channels().isEmpty()) {
            routes.add(route);
        }
        DeliveryConfig after = new DeliveryConfig(before.channels(), routes, before.smtp());
        after.save(settings);
        return after;
    }

    /** Sets the SMTP server; {@code password}: null keeps the stored one, blank removes it. */
    public DeliveryConfig putSmtp(SmtpSettings smtp, String password) {
        if (smtp.host() == null || smtp.host().isBlank()) {
            throw new IllegalArgumentException("The SMTP server's host is missing");
        }
        if (smtp.port() < 1 || smtp.port() > 65535) {
            throw new IllegalArgumentException("The SMTP port is 1 to 65535");
        }
        if (!List.of("STARTTLS", "SSL", "NONE").contains(smtp.security())) {
            throw new IllegalArgumentException("SMTP security is STARTTLS, SSL or NONE");
        }
        if (smtp.from() == null || !smtp.from().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("The sender (from) must be an e-mail address");
        }
        if (password != null) {
            Map<String, String> m = new HashMap<>();
            m.put(DeliveryConfig.SMTP_PASSWORD, password);
            writeSecrets(m);
        }
        DeliveryConfig before = config();
        DeliveryConfig after = new DeliveryConfig(before.channels(), before.routes(), smtp);
        after.save(settings);
        return after;
    }

    private void writeSecrets(Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        try {
            secrets.put(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + secrets.path() + ": " + e.getMessage(), e);
        }
    }
}
