package org.crisisdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: the desk's mode (drill or live) is written by start-up while the window layout and the welcome screen
 * hold their own copies of desk.properties; a later write by one copy must not drop what another wrote, or a home
 * that ran the drill would open live on its next start.
 */
class DeskPrefsMergeTest {
    @Test
    void aWriteThroughAnOlderCopyKeepsWhatAnotherCopyWroteMeanwhile() {
        Path home = TempDesk.newHome();
        DeskPrefs layout = DeskPrefs.load(home);
        layout.put(DeskPrefs.WINDOW, "10,10,1440,900");
        DeskPrefs.load(home).put(DeskPrefs.MODE, "drill"); // start-up, through its own copy
        layout.put(DeskPrefs.SPLIT, "0.24,0.78"); // the window layout's copy, read before the mode was written
        DeskPrefs now = DeskPrefs.load(home);
        assertThat(now.get(DeskPrefs.MODE, null)).isEqualTo("drill");
        assertThat(now.get(DeskPrefs.WINDOW, null)).isEqualTo("10,10,1440,900");
        assertThat(now.get(DeskPrefs.SPLIT, null)).isEqualTo("0.24,0.78");
        layout.put(DeskPrefs.WINDOW, null);
        assertThat(DeskPrefs.load(home).get(DeskPrefs.WINDOW)).isEmpty();
        assertThat(DeskPrefs.load(home).get(DeskPrefs.MODE, null)).isEqualTo("drill");
    }
}
