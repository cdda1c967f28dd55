package org.crisisdesk.app;

import java.nio.file.Path;

/** Where CrisisDesk keeps settings, credentials and the H2 files: --home, else $CRISISDESK_HOME, else ~/.crisisdesk. */
public final class AppHome {
    private AppHome() {}

    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String env = System.getenv("CRISISDESK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".crisisdesk");
    }
}
