package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Save dialogs start in the folder used last, else home; never in the process's working directory. */
class SaveFolderTest {
    @Test
    void homeFirstThenTheFolderLastSavedIntoWhileItExists() throws Exception {
        SaveFolder.chosen(null); // a cancelled dialog remembers nothing
        File start = SaveFolder.initial();
        assertThat(start).isNotEqualTo(new File("").getAbsoluteFile());

        Path dir = Files.createTempDirectory("crisisdesk-save");
        SaveFolder.chosen(dir.resolve("customer-centre.csv").toFile());
        assertThat(SaveFolder.initial()).isEqualTo(dir.toFile().getAbsoluteFile());

        Files.delete(dir);
        assertThat(SaveFolder.initial()).isEqualTo(new File(System.getProperty("user.home")));
    }
}
