package org.crisisdesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** The desk's person (issue 22): cleaning, handles, where it is kept and who wins. */
class PersonTest {
    @Test
    void aHandleIsMadeFromTheNameWhenNoneIsGiven() {
        assertThat(Person.of("김민지", "").handle()).isEqualTo("민지");
        assertThat(Person.of("Minji Kim", null).handle()).isEqualTo("minji");
        assertThat(Person.of("  지훈 ", "").handle()).isEqualTo("지훈");
        assertThat(Person.of("김민지", " @min ji ").handle()).isEqualTo("minji");
        assertThat(Person.of("x", "abcdefghijklmnopqrstuvwxyz").handle()).hasSize(Person.HANDLE_MAX);
    }

    @Test
    void aBlankNameIsTheComputersUser() {
        assertThat(Person.of("   ", "").name()).isEqualTo(Person.osUser());
    }

    @Test
    void thePersonLivesInTheHomeAndBeatsTheDatabasesOldDeskName() {
        Path home = TempDesk.newH2Home();
        CurrentPerson before = CurrentPerson.ofHome(home, () -> Optional.of("Old Desk"));
        assertThat(before.name()).isEqualTo("Old Desk"); // an older home: its database desk name
        before.save("김민지", "");
        assertThat(DeskPrefs.load(home).get(DeskPrefs.PERSON_NAME)).contains("김민지");
        CurrentPerson after = CurrentPerson.ofHome(home, () -> Optional.of("Old Desk"));
        assertThat(after.person()).isEqualTo(new Person("김민지", "민지"));
        CurrentPerson none = CurrentPerson.ofHome(TempDesk.newH2Home(), Optional::empty);
        assertThat(none.name()).isEqualTo(Person.osUser());
    }

    @Test
    void theCommandLinesAsWinsForOneRun() {
        Path home = TempDesk.newH2Home();
        CurrentPerson p = CurrentPerson.ofHome(home, Optional::empty);
        p.save("김민지", "");
        p.override("Jihun Park");
        assertThat(p.name()).isEqualTo("Jihun Park");
        p.override(" ");
        assertThat(p.name()).isEqualTo("Jihun Park");
        assertThat(CurrentPerson.ofHome(home, Optional::empty).name()).isEqualTo("김민지"); // not stored
    }
}
