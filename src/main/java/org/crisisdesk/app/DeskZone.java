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

    /** {@code --zone} when given, else the desk's zone setting, else this computer's zone. */
    static ZoneId resolve(String option, Services services, CommandSpec spec) {
        if (option != null) {
            try {
                return ZoneId.of(option.strip());
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--zone: unknown time zone \"" + option + "\"");
            }
        }
        return DeskSettings.zone(services.settings().get(DeskSettings.ZONE, null)).orElseGet(ZoneId::systemDefault);
    }
}
