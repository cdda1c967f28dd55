package org.crisisdesk.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.crisisdesk.cases.HmacSignature;

/**
 * Alert webhooks: SLACK posts a Slack-compatible incoming-webhook body ({@code {"text": "..."}}, which Teams workflows
 * and most chat bots also take); WEBHOOK posts the generic JSON ({@code crisisdesk.alert/1}), signed with
 * {@link HmacSignature} when the channel has a secret. The URL is looked up in the 0600 file and never logged: error
 * messages name the channel, not the URL.
 */
public final class WebhookSender implements ChannelSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Function<String, String> secret;
    private final Duration timeout;

    /** @param secret a key of the secret file to its value, or null */
    public WebhookSender(Function<String, String> secret, Duration timeout) {
        this.secret = secret;
        this.timeout = timeout;
    }

    @Override
    public void send(AlertChannel channel, String subject, String text, String json) throws DeliveryException {
        String url = secret.apply(AlertChannel.urlKey(channel.name()));
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "The channel " + channel.name()
                    + " has no webhook URL in the alert-channels file", null);
        }
        String body;
        if (channel.type() == AlertChannel.Type.SLACK) {
            ObjectNode o = JSON.createObjectNode();
            o.put("text", "*" + subject + "*\n" + text);
            body = o.toString();
        } else {
            body = json;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "CrisisDesk")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        String key = secret.apply("channel." + channel.name() + ".secret");
        if (key != null && channel.type() == AlertChannel.Type.WEBHOOK) {
            r.header(HmacSignature.HEADER, HmacSignature.sign(key, bytes));
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "The webhook of " + channel.name()
                    + " could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "Interrupted", e);
        }
        int status = resp.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String words = resp.body() == null ? "" : resp.body().strip();
        words = words.length() > 300 ? words.substring(0, 297) + "..." : words;
        throw new DeliveryException(status == 429 || status >= 500 ? DeliveryException.Kind.TRANSIENT
                : DeliveryException.Kind.PERMANENT, "The webhook of " + channel.name() + " answered HTTP " + status
                + (words.isEmpty() ? "" : ": " + words), null);
    }
}
