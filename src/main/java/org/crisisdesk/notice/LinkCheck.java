package org.crisisdesk.notice;

import com.twitter.twittertext.Extractor;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the link to the full notice (https only: the issue asks for it, and an http page can be altered on the way)
 * and gives the final URL as it will be posted: scheme and host lower-cased, a
 * missing scheme becomes https, an international domain becomes its ASCII (punycode) form and non-ASCII characters
 * in the path are percent-encoded, so the platform links the whole URL (and counts it as 23).
 *
 * @param status the verdict
 * @param finalUrl the URL as posted; null when empty or invalid
 * @param message what to tell a person (English; the desk maps {@link #status} to its own words)
 */
public record LinkCheck(Status status, String finalUrl, String message) {

    public enum Status {
        /** No link: allowed (the says-something check does not require one). */
        EMPTY,
        /** An https link the platform will link. */
        OK,
        /** A plain http link: not usable, a notice link must be https (the final URL shows what was read). */
        HTTP,
        /** Not a usable link: wrong scheme, no host, user info, spaces, or the platform would not link it. */
        INVALID
    }

    private static final Pattern SHAPE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("^(?!-)[a-z0-9-]{1,63}(?<!-)$");
    private static final Pattern PORT = Pattern.compile("^\\d{1,5}$");
    private static final String UNSAFE = "\"<>\\^`{|}";

    /** Whether a notice may be posted with this link (no link at all is fine; plain http is not). */
    public boolean usable() {
        return status == Status.OK || status == Status.EMPTY;
    }

    public static LinkCheck check(String input) {
        if (input == null || input.isBlank()) {
            return new LinkCheck(Status.EMPTY, null, "No link.");
        }
        String s = input.strip();
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return invalid("A link cannot contain spaces.");
        }
        if (s.length() > 2000) {
            return invalid("The link is longer than 2000 characters.");
        }
        if (!s.contains("://")) {
            if (s.regionMatches(true, 0, "mailto:", 0, 7) || s.regionMatches(true, 0, "javascript:", 0, 11)
                    || s.regionMatches(true, 0, "data:", 0, 5)) {
                return invalid("Only https links can be posted.");
            }
            s = "https://" + s;
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            return invalid("This is not a web link.");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return invalid("Only https links can be posted, not " + scheme + ":.");
        }
        String authority = m.group(2);
        if (authority.contains("@")) {
            return invalid("A link with a user name before the host (user@host) is refused: it hides where it goes.");
        }
        String host = authority;
        String port = null;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
                return invalid("The port \"" + port + "\" is not a number from 0 to 65535.");
            }
        }
        String asciiHost;
        try {
            asciiHost = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return invalid("The host \"" + host + "\" is not a valid domain name.");
        }
        if (asciiHost.endsWith(".")) {
            asciiHost = asciiHost.substring(0, asciiHost.length() - 1);
        }
        String[] labels = asciiHost.split("\\.", -1);
        if (asciiHost.isEmpty() || labels.length < 2) {
            return invalid("The link needs a public host name such as example.com.");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return invalid("The host \"" + host + "\" is not a valid domain name.");
            }
        }
        String finalUrl = scheme + "://" + asciiHost + (port == null ? "" : ":" + port) + encode(m.group(3));
        try {
            new URI(finalUrl);
        } catch (URISyntaxException e) {
            return invalid("This is not a valid link: " + e.getReason() + ".");
        }
        if (!linkedWhole(finalUrl)) {
            return invalid("X would not turn this into a link (unknown domain ending?).");
        }
        if (scheme.equals("http")) {
            return new LinkCheck(Status.HTTP, finalUrl, "Plain http links are not accepted: use https.");
        }
        return new LinkCheck(Status.OK, finalUrl, "OK");
    }

    private static LinkCheck invalid(String message) {
        return new LinkCheck(Status.INVALID, null, message);
    }

    /** Percent-encodes what is not plain printable ASCII; existing %xx escapes stay as they are. */
    private static String encode(String rest) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rest.length(); ) {
            int cp = rest.codePointAt(i);
            boolean percentEscape = cp == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2));
            if (cp > 0x20 && cp < 0x7F && UNSAFE.indexOf(cp) < 0 && (cp != '%' || percentEscape)) {
                b.append((char) cp);
            } else {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xFF));
                }
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean linkedWhole(String url) {
        List<Extractor.Entity> found = new Extractor().extractURLsWithIndices(url);
        return found.size() == 1 && found.get(0).getStart() == 0 && found.get(0).getEnd() == url.length();
    }
}
