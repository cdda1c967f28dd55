package org.crisisdesk.desk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Saved divider positions are used only when they still fit the window's split. */
class SettingsLayoutTest {

    @Test
    void dividersAreUsedOnlyWhenTheyFit() {
        assertThat(WindowLayout.dividers("0.2,0.75", 2)).containsExactly(0.2, 0.75);
        assertThat(WindowLayout.dividers("0.2", 2)).isNull();
        assertThat(WindowLayout.dividers("0.8,0.2", 2)).isNull();
        assertThat(WindowLayout.dividers("0,0.5", 2)).isNull();
        assertThat(WindowLayout.dividers("a,b", 2)).isNull();
        assertThat(WindowLayout.dividers(null, 2)).isNull();
    }
}
