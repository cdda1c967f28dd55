package twitter4j;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * twitter4j's own HTTP client, except that an X API v2 body's {@code created_at} values are rewritten to the one form
 * twitter4j-v2 parses ({@code 2026-12-07T15:00:00.000Z}). X writes milliseconds today, but RFC 3339 allows none or
 * more, and twitter4j-v2 fails the whole page on any other form: the collector then retried that page for ever and
 * stopped collecting (issue 20). {@code crisisdesk import} already reads every form. Chosen by twitter4j's own
 * {@code twitter4j.http.httpClient} property (set by the X adapter, see {@code Twitter4j}). In twitter4j's package
 * because the client it extends is package-private there.
 */
public final class CrisisDeskHttpClient extends HttpClientImpl {
    private static final long serialVersionUID = 1L;
    private static final Pattern CREATED = Pattern.compile("(\"created_at\"\\s*:\\s*\")([^\"]{1,64})(\")");
    private static final Pattern EXPECTED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public CrisisDeskHttpClient(HttpClientConfiguration conf) {
        super(conf);
    }

    @Override
    public HttpResponse handleRequest(HttpRequest req) throws TwitterException {
        HttpResponse res = super.handleRequest(req);
        if (res == null || req.getURL() == null || !req.getURL().contains("/2/")) {
            return res;
        }
        String body = res.asString();
        String fixed = body == null ? null : normaliseDates(body);
        return fixed == null || fixed.equals(body) ? new Body(res, body) : new Body(res, fixed);
    }

    /** Every {@code created_at} in a v2 body in the form twitter4j-v2 reads; a value that is not a time is left. */
    public static String normaliseDates(String body) {
        if (!body.contains("created_at")) {
            return body;
        }
        Matcher m = CREATED.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 16);
        while (m.find()) {
            String value = m.group(2);
            String replacement = value;
            if (!EXPECTED.matcher(value).matches()) {
                try {
                    Instant t = OffsetDateTime.parse(value).toInstant();
                    replacement = MILLIS.format(t);
                } catch (java.time.DateTimeException e) {
                    replacement = value; // twitter4j says what is wrong with it
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + replacement + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The response with its body already read (and perhaps rewritten); headers and status are the original's. */
    private static final class Body extends HttpResponse {
        private final HttpResponse original;

        Body(HttpResponse original, String body) {
            super(original.CONF);
            this.original = original;
            this.statusCode = original.getStatusCode();
            this.responseAsString = body;
        }

        @Override
        public String getResponseHeader(String name) {
            return original.getResponseHeader(name);
        }

        @Override
        public Map<String, List<String>> getResponseHeaderFields() {
            return original.getResponseHeaderFields();
        }

        @Override
        public void disconnect() throws java.io.IOException {
            original.disconnect();
        }
    }
}
