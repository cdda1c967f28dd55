package org.crisisdesk.alert.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Alert e-mail over SMTP (Jakarta Mail through Eclipse Angus). STARTTLS is required unless the settings say NONE:
 * a server that does not offer it gets nothing. UTF-8 subject (RFC 2047) and body, so Hangul arrives intact; the
 * password comes from the 0600 file at each send and is never logged (Jakarta Mail's debug stays off).
 */
public final class EmailSender implements ChannelSender {
    private final Supplier<SmtpSettings> smtp;
    private final Supplier<String> password;
    private final int timeoutMillis;

    public EmailSender(Supplier<SmtpSettings> smtp, Supplier<String> password, int timeoutMillis) {
        this.smtp = smtp;
        this.password = password;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void send(AlertChannel channel, String subject, String text, String json) throws DeliveryException {
        SmtpSettings s = smtp.get();
        if (s == null || s.host() == null || s.from() == null) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "No SMTP server is set up for e-mail "
                    + "alerts", null);
        }
        if (channel.to().isEmpty()) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "The channel " + channel.name()
                    + " has no recipient", null);
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        p.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
        p.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        String security = s.security() == null ? "STARTTLS" : s.security();
        String protocol = "smtp";
        if (security.equalsIgnoreCase("STARTTLS")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (security.equalsIgnoreCase("SSL")) {
            protocol = "smtps";
            p.put("mail.smtps.host", s.host());
            p.put("mail.smtps.port", Integer.toString(s.port()));
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        String pw = s.user() == null ? null : password.get();
        p.put("mail." + protocol + ".auth", Boolean.toString(pw != null));
        Session session = Session.getInstance(p);
        session.setDebug(false);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(s.from(), "CrisisDesk", StandardCharsets.UTF_8.name()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", channel.to()), true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(text, StandardCharsets.UTF_8.name());
            m.setHeader("X-CrisisDesk-Alert", "alert");
            m.setSentDate(new Date());
            try (Transport t = session.getTransport(protocol)) {
                t.connect(s.host(), s.port(), s.user(), pw);
                t.sendMessage(m, m.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "The SMTP server refused the login for "
                    + s.user() + ": " + e.getMessage(), e);
        } catch (AddressException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "A recipient address is not valid: "
                    + e.getMessage(), e);
        } catch (SendFailedException e) {
            Address[] bad = e.getInvalidAddresses();
            throw new DeliveryException(bad != null && bad.length > 0 ? DeliveryException.Kind.PERMANENT
                    : DeliveryException.Kind.TRANSIENT, "The SMTP server did not take the message: "
                    + e.getMessage(), e);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "SMTP " + s.host() + ":" + s.port()
                    + ": " + e.getMessage(), e);
        }
    }
}
