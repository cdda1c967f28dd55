package org.crisisdesk.desk.kit;

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
    /**
     * Each feature keeps its words beside its views ({@code org/crisisdesk/desk/<feature>/messages.properties}), so
     * features grow without touching one shared file. Looked up after the main bundle, in this order.
     */
    public static final java.util.List<String> FEATURE_BUNDLES = java.util.List.of(
            "org.crisisdesk.desk.boards.messages",
            "org.crisisdesk.desk.composer.messages",
            "org.crisisdesk.desk.alerts.messages",
            "org.crisisdesk.desk.handover.messages",
            "org.crisisdesk.desk.connect.messages",
            "org.crisisdesk.desk.settings.messages",
            "org.crisisdesk.desk.welcome.messages",
            "org.crisisdesk.desk.cases.messages",
            "org.crisisdesk.desk.quarantine.messages",
            "org.crisisdesk.desk.usage.messages",
            // alert wording shared with the handover report: beside the alert logic, not a view
            "org.crisisdesk.alert.words");
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;
    private final java.util.List<ResourceBundle> features = new java.util.ArrayList<>();

    public I18n(Locale locale) {
        this.locale = "ko".equals(locale.getLanguage()) ? KOREAN : ENGLISH;
        // Base bundle is Korean; never fall back to the JVM's default locale (it may be English on a Korean desk).
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String name : FEATURE_BUNDLES) {
            try {
                features.add(ResourceBundle.getBundle(name, this.locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException absent) {
                // that feature has no words of its own (yet)
            }
        }
    }

    /** The language before the desk's own setting is read: see {@link #systemLanguage}. */
    public static I18n forSystem() {
        return new I18n(systemLanguage(System.getenv(), Locale.getDefault()));
    }

    /**
     * Korean first: English only when the system asks for English. On Linux and macOS the first of LC_ALL,
     * LC_MESSAGES and LANG that is set decides ("en_US.UTF-8": English; "ko_KR.UTF-8", "C.UTF-8", "POSIX" or any
     * other language: Korean; the JVM reports C as English, which opened a Korean desk in English); with none set
     * (Windows), the JVM's locale. The language chosen in the desk (toolbar or settings) overrides this.
     */
    public static Locale systemLanguage(java.util.Map<String, String> env, Locale jvm) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip().toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : KOREAN;
            }
        }
        return "en".equals(jvm.getLanguage()) ? ENGLISH : KOREAN;
    }

    public Locale locale() {
        return locale;
    }

    public boolean korean() {
        return locale == KOREAN;
    }

    public String t(String key, Object... args) {
        String pattern = lookup(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private String lookup(String key) {
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        for (ResourceBundle b : features) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return null;
    }

    public boolean has(String key) {
        return lookup(key) != null;
    }
}
