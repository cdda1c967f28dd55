package org.crisisdesk.alert.delivery;

/**
 * The SMTP server alert e-mail goes through. The password is in {@code HOME/alert-channels.properties}
 * ({@code smtp.password}, 0600), never here.
 *
 * @param security STARTTLS (required, the default), SSL (implicit TLS, port 465) or NONE (only for a local relay)
 */
public record SmtpSettings(String host, int port, String security, String user, String from) {}
