package org.crisisdesk.desk;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The desk's words, from {@code messages.properties} (Korean, the base) and {@code messages_en.properties}.
 * Immutable; a language switch builds a new one and rebuilds the window.
 */
public final class I18n {
    public static final String BUNDLE = "org.crisisdesk.desk.messages";
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = "ko".equals(locale.getLanguage()) ? KOREAN : ENGLISH;
        // Base bundle is Korean; never fall back to the JVM's default locale (it may be English on a Korean desk).
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Korean when the OS says Korean, English otherwise. */
    public static I18n forSystem() {
        return new I18n(Locale.getDefault());
    }

    public Locale locale() {
        return locale;
    }

    public boolean korean() {
        return locale == KOREAN;
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
