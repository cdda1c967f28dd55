package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class TwitterPropertiesTest {
    private static final XCredentials KEYS = new XCredentials("consumer-key-123456", "consumer-secret-abcdefgh",
            "42-access-token-xyz", "access-secret-ijklmnop");

    @Test
    void savesOwnerOnlyAndReadsBackTheSameSettings() throws Exception {
        Path home = TempDesk.newHome();
        XSettings s = XSettings.of(KEYS).withApi(ApiVersion.V1_1).withApiBase("http://127.0.0.1:9999/x")
                .withKeywords(List.of("배송 지연", "CrisisTel"));
        TwitterProperties.save(home, s);

        Path file = home.resolve("twitter4j.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        XSettings back = TwitterProperties.load(home, new Properties(), Map.of());
        assertThat(back.credentials()).isEqualTo(KEYS);
        assertThat(back.api()).isEqualTo(ApiVersion.V1_1);
        assertThat(back.apiBase()).isEqualTo("http://127.0.0.1:9999/x/");
        assertThat(back.keywords()).containsExactly("배송 지연", "CrisisTel");
        // twitter4j's own key names, readable by twitter4j itself.
        Properties raw = new Properties();
        try (var in = Files.newInputStream(file)) {
            raw.load(in);
        }
        assertThat(raw.getProperty("oauth.consumerKey")).isEqualTo("consumer-key-123456");
        assertThat(raw.getProperty("oauth.accessTokenSecret")).isEqualTo("access-secret-ijklmnop");
        assertThat(raw).doesNotContainKey("debug");
    }

    @Test
    void keepsForeignKeysButDropsDebugWhenSaving() throws Exception {
        Path home = TempDesk.newHome();
        Files.writeString(home.resolve("twitter4j.properties"), "debug=true\nhttp.proxyHost=proxy.local\n");
        TwitterProperties.save(home, XSettings.of(KEYS));
        String text = Files.readString(home.resolve("twitter4j.properties"));
        assertThat(text).contains("http.proxyHost=proxy.local").doesNotContain("debug");
    }

    @Test
    void systemPropertiesBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(KEYS));
        Properties sys = new Properties();
        sys.setProperty("twitter4j.oauth.consumerKey", "from-system");
        Map<String, String> env = Map.of("twitter4j.oauth.consumerKey", "from-env",
                "TWITTER4J_OAUTH_ACCESSTOKEN", "7-from-env-token", "CRISISDESK_API", "v1.1");
        XSettings s = TwitterProperties.load(home, sys, env);
        assertThat(s.credentials().consumerKey()).isEqualTo("from-system");
        assertThat(s.credentials().accessToken()).isEqualTo("7-from-env-token");
        assertThat(s.credentials().consumerSecret()).isEqualTo("consumer-secret-abcdefgh");
        assertThat(s.api()).isEqualTo(ApiVersion.V1_1);
        assertThat(s.sourceKey()).isEqualTo("x:7");
    }

    @Test
    void aMissingFileMeansNotConnected() throws Exception {
        XSettings s = TwitterProperties.load(TempDesk.newHome(), new Properties(), Map.of());
        assertThat(s.connected()).isFalse();
        assertThat(s.api()).isEqualTo(ApiVersion.V2);
    }

    @Test
    void badValuesNameTheirKey() throws Exception {
        Path home = TempDesk.newHome();
        Files.writeString(home.resolve("twitter4j.properties"), "crisisdesk.api=v3\n");
        assertThatThrownBy(() -> TwitterProperties.load(home, new Properties(), Map.of()))
                .hasMessageContaining("crisisdesk.api").hasMessageContaining("v3");
        Files.writeString(home.resolve("twitter4j.properties"), "crisisdesk.apiBase=ftp://x\n");
        assertThatThrownBy(() -> TwitterProperties.load(home, new Properties(), Map.of()))
                .hasMessageContaining("crisisdesk.apiBase");
    }

    @Test
    void secretsNeverShowInFull() {
        assertThat(Secrets.mask("access-secret-ijklmnop")).isEqualTo("••••mnop");
        assertThat(Secrets.mask("short")).isEqualTo("••••");
        assertThat(Secrets.mask(null)).isEmpty();
        String shown = XSettings.of(KEYS).toString() + KEYS;
        assertThat(shown).doesNotContain("consumer-secret-abcdefgh", "access-secret-ijklmnop", "consumer-key-123456",
                "42-access-token-xyz");
    }

    @Test
    void theCheckpointKeyIsTheAccountNotTheApiGeneration() {
        assertThat(XSettings.of(KEYS).sourceKey()).isEqualTo("x:42");
        assertThat(XSettings.of(KEYS).withApi(ApiVersion.V1_1).sourceKey()).isEqualTo("x:42");
        XSettings odd = XSettings.of(new XCredentials("a", "b", "opaque-token", "d"));
        assertThat(odd.sourceKey()).startsWith("x:token-").doesNotContain("opaque");
    }
}
