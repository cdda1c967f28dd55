package org.crisisdesk.app;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.crisisdesk.settings.DeskSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The zone a command shows and reads clock times in. A desk run for a Seoul account from a laptop in another zone
 * keeps its zone in the settings; a command must use that, not the machine's, or "16:00" means another hour.
 */
final class DeskZone {
    private DeskZone() {}

    /** A zone and where it came from, for a command to say which one it used. */
    record Resolved(ZoneId zone, String from) {}

    /** As {@link #resolve}, saying where the zone came from. */
    static Resolved resolveExplained(String option, Services services, CommandSpec spec) {
        if (option != null) {
            return new Resolved(resolve(option, services, spec), "--zone");
        }
        String stored = services.settings().get(DeskSettings.ZONE, null);
        Resolved fromSettings = DeskSettings.zone(stored).map(z -> new Resolved(z, "the desk's settings")).orElse(null);
        if (fromSettings == null && stored != null && !stored.isBlank()) {
            // a zone the settings name but Java does not know: say so rather than fall back without a word
            return new Resolved(ZoneId.systemDefault(), "this computer's zone, because the desk's settings name an "
                    + "unknown zone \"" + stored.strip() + "\" (" + DeskSettings.ZONE + "); fix it with --zone or in "
                    + "the desk's settings");
        }
        return java.util.Optional.ofNullable(fromSettings)
                .or(() -> org.crisisdesk.settings.DeskPrefs.load(services.home())
                        .get(org.crisisdesk.settings.DeskPrefs.ACCOUNT_ZONE).flatMap(DeskSettings::zone)
                        .map(z -> new Resolved(z, "the account's zone from the welcome screen")))
                .orElseGet(() -> new Resolved(ZoneId.systemDefault(), "this computer's zone; set the account's zone "
                        + "with --zone or in the desk's settings"));
    }

    /** {@code --zone} when given, else the desk's zone setting, else this computer's zone. */
    static ZoneId resolve(String option, Services services, CommandSpec spec) {
        if (option != null) {
            try {
                return ZoneId.of(option.strip());
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--zone: unknown time zone \"" + option + "\"");
            }
        }
        return resolveExplained(null, services, spec).zone();
    }
}
