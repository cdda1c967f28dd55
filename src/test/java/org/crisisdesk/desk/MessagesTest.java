package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.crisisdesk.desk.kit.I18n;
import org.junit.jupiter.api.Test;

/** Every word of the desk exists in Korean and in English, for the main bundle and every feature bundle. */
class MessagesTest {

    @Test
    void koreanAndEnglishBundlesHaveTheSameKeys() throws Exception {
        List<String> bundles = new ArrayList<>();
        bundles.add(I18n.BUNDLE);
        bundles.addAll(I18n.FEATURE_BUNDLES);
        int checked = 0;
        for (String b : bundles) {
            String path = "/" + b.replace('.', '/');
            Properties ko = load(path + ".properties");
            Properties en = load(path + "_en.properties");
            if (ko == null && en == null) {
                continue;
            }
            assertThat(ko).as("Korean bundle %s", b).isNotNull();
            assertThat(en).as("English bundle %s", b).isNotNull();
            Set<String> koKeys = new TreeSet<>(ko.stringPropertyNames());
            Set<String> enKeys = new TreeSet<>(en.stringPropertyNames());
            assertThat(enKeys).as("keys missing in English (%s)", b).containsAll(koKeys);
            assertThat(koKeys).as("keys missing in Korean (%s)", b).containsAll(enKeys);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(1);
    }

    @Test
    void lookupFallsBackToKeyMarkerNotToAnotherLanguage() {
        I18n ko = new I18n(I18n.KOREAN);
        I18n en = new I18n(I18n.ENGLISH);
        assertThat(ko.t("feed.title")).isEqualTo("실시간 멘션");
        assertThat(en.t("feed.title")).isEqualTo("Live mentions");
        assertThat(en.t("feed.newPill", 3)).isEqualTo("3 new ↑");
        assertThat(en.t("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Properties load(String path) throws Exception {
        try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return p;
        }
    }
}
