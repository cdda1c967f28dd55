package org.crisisdesk.alert.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.settings.SettingsStore;

/**
 * Channels, routes and the SMTP server, as JSON in the {@code setting} table ({@code alert.delivery}); no secret is in
 * it (those are in {@link #SECRET_FILE}).
 */
public record DeliveryConfig(List<AlertChannel> channels, List<AlertRoute> routes, SmtpSettings smtp) {
    public static final String SETTING = "alert.delivery";
    public static final String SECRET_FILE = "alert-channels.properties";
    public static final String SMTP_PASSWORD = "smtp.password";
    public static final DeliveryConfig NONE = new DeliveryConfig(List.of(), List.of(), null);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public DeliveryConfig {
        channels = channels == null ? List.of() : List.copyOf(channels);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public static DeliveryConfig load(SettingsStore s) {
        return s.get(SETTING).map(DeliveryConfig::parse).orElse(NONE);
    }

    public static DeliveryConfig parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<DeliveryConfig>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("alert.delivery: " + e.getMessage(), e);
        }
    }

    public void save(SettingsStore s) {
        try {
            s.put(SETTING, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<AlertChannel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The route for a rule: its own, else the {@code *} one. */
    public Optional<AlertRoute> route(String reason) {
        return routes.stream().filter(r -> r.reason().equals(reason)).findFirst()
                .or(() -> routes.stream().filter(r -> r.reason().equals("*")).findFirst());
    }
}
