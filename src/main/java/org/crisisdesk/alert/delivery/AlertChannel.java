package org.crisisdesk.alert.delivery;

import java.util.List;

/**
 * Somewhere an alert is told. E-mail goes to {@code to} over the SMTP server in {@link DeliveryConfig}; a webhook's
 * URL (Slack and Teams URLs carry their own token) is a secret, kept in {@code HOME/alert-channels.properties} under
 * {@code channel.<name>.url}.
 *
 * @param type EMAIL, SLACK (Slack-compatible incoming-webhook body {@code {"text": ...}}) or WEBHOOK (generic JSON)
 */
public record AlertChannel(String name, Type type, List<String> to) {
    public enum Type {
        EMAIL,
        SLACK,
        WEBHOOK
    }

    public AlertChannel {
        to = to == null ? List.of() : List.copyOf(to);
    }

    public static String urlKey(String channel) {
        return "channel." + channel + ".url";
    }
}
