package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 14: the database's failures for want of room or for a read-only file are said in one line with the
 * file and what to do, and a full disk counts as the database failing (so an import does not go on row by row).
 */
class StoreFaultMessagesTest {
    private static final String URL = "jdbc:h2:file:/data/desk/crisisdesk;AUTO_SERVER=TRUE";

    @Test
    void aFullDiskUnderH2sClosedStoreIsSaidAsNoRoomNamingTheFile() {
        for (String os : new String[] {"No space left on device", "File too large", "Disk quota exceeded"}) {
            SQLException closed = new SQLException("The database has been closed [90098-252]", "90098", 90098,
                    new IllegalStateException("Writing to nio:/data/desk/crisisdesk.mv.db failed",
                            new IOException(os)));
            StoreException e = StoreException.explain(URL, closed);
            assertThat(e.getMessage()).isEqualTo("No room to write the database /data/desk/crisisdesk.mv.db (" + os
                    + "): the disk is full or the file may not grow. Free some space there, then run the command "
                    + "again.");
            assertThat(e.isDatabaseFailure()).isTrue();
        }
        SQLException closedOnly = new SQLException("The database has been closed [90098-252]", "90098", 90098);
        assertThat(StoreException.explain(URL, closedOnly).getMessage()).startsWith("The database /data/desk/"
                + "crisisdesk.mv.db was closed after an error writing it").contains("Free some space");
        assertThat(new StoreException("x", closedOnly).isDatabaseFailure()).isTrue();
        assertThat(new StoreException("x", new SQLException("Value too long for column", "22001", 22001))
                .isDatabaseFailure()).as("one row the store will not take").isFalse();
    }

    @Test
    void h2sReadOnlyRefusalIsSaidPlainly() {
        SQLException ro = new SQLException("Feature not supported: \"AUTO_SERVER=TRUE && (readOnly || inMemory)\"",
                "HYC00", 50100);
        assertThat(StoreException.explain(URL, ro).getMessage()).startsWith("The database jdbc:h2:file:/data/desk/"
                + "crisisdesk can only be read").contains("check its owner and permissions").doesNotContain("Feature");
    }
}
