package org.crisisdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.crisisdesk.desk.kit.I18n;
import org.junit.jupiter.api.Test;

/** Issue 26, item 12: Korean first; English only when the system asks for English (C.UTF-8 does not). */
class SystemLanguageTest {
    @Test
    void koreanUnlessTheSystemAsksForEnglish() {
        assertThat(I18n.systemLanguage(Map.of("LANG", "C.UTF-8"), Locale.ENGLISH)).isEqualTo(I18n.KOREAN);
        assertThat(I18n.systemLanguage(Map.of("LANG", "POSIX"), Locale.ENGLISH)).isEqualTo(I18n.KOREAN);
        assertThat(I18n.systemLanguage(Map.of("LANG", "ko_KR.UTF-8"), Locale.ENGLISH)).isEqualTo(I18n.KOREAN);
        assertThat(I18n.systemLanguage(Map.of("LANG", "de_DE.UTF-8"), Locale.GERMAN)).isEqualTo(I18n.KOREAN);
        assertThat(I18n.systemLanguage(Map.of("LANG", "en_US.UTF-8"), Locale.ENGLISH)).isEqualTo(I18n.ENGLISH);
        // LC_ALL, then LC_MESSAGES, then LANG
        assertThat(I18n.systemLanguage(Map.of("LC_ALL", "en_GB.UTF-8", "LANG", "ko_KR.UTF-8"), Locale.KOREAN))
                .isEqualTo(I18n.ENGLISH);
        assertThat(I18n.systemLanguage(Map.of("LC_MESSAGES", "C", "LANG", "en_US.UTF-8"), Locale.ENGLISH))
                .isEqualTo(I18n.KOREAN);
        // nothing set (Windows): the JVM's locale
        assertThat(I18n.systemLanguage(Map.of(), Locale.ENGLISH)).isEqualTo(I18n.ENGLISH);
        assertThat(I18n.systemLanguage(Map.of(), Locale.KOREA)).isEqualTo(I18n.KOREAN);
    }
}
