package org.crisisdesk.desk.kit;

/**
 * The text a card draws for a mention: the mention's own text, less the zero-width joiners between emoji.
 *
 * <p>Why: JavaFX 21 on Linux shapes a text with a joiner as complex text, and a wrapped complex text draws its whole
 * run on the first line and the rest again on the next (the line ran past the card's edge, and words came twice).
 * JavaFX draws a joined sequence such as 🙅🏻‍♀️ as its parts anyway, so without the joiners a card looks the
 * same, minus that fault. Only joiners between two emoji go: in Indic and Arabic scripts a joiner changes how letters
 * join. The stored text, the detail pane and exports keep every character.
 */
final class CardText {
    private static final char ZWJ = '\u200D';

    private CardText() {}

    static String forDisplay(String text) {
        if (text == null || text.indexOf(ZWJ) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ZWJ && i > 0 && i + 1 < text.length()
                    && isEmojiPart(text.codePointBefore(i)) && isEmojiPart(text.codePointAt(i + 1))) {
                continue;
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** Pictographs, symbols and dingbats, skin-tone modifiers, the emoji variation selector and tag characters. */
    static boolean isEmojiPart(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF // pictographs, emoticons, transport, supplemental symbols, modifiers
                || cp >= 0x2190 && cp <= 0x2BFF // arrows, technical, dingbats, misc symbols (♀ ♂ ❤ ⚕ …)
                || cp == 0xFE0F || cp == 0x20E3 // emoji presentation, keycap
                || cp >= 0xE0020 && cp <= 0xE007F; // tags (subdivision flags)
    }
}
