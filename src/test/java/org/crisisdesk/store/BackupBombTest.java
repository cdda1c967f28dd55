package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip bomb given to restore (hostile drill, issue 20): a small zip whose one entry is named like a database and
 * inflates to gigabytes. It was unpacked whole into the home's scratch folder (up to 64 GB) before H2 said it was no
 * database: 2 GB of zeros took 48 s, a bigger one would fill the disk the live database and a collector write to.
 */
class BackupBombTest {

    private static final int MB = 1 << 20;

    /** A zip with one {@code crisisdesk.mv.db} entry: {@code head} then {@code zeros} MB of zero bytes. */
    private static Path bomb(Path dir, String name, String head, int zeros) throws Exception {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("crisisdesk.mv.db"));
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[MB];
            for (int i = 0; i < zeros; i++) {
                out.write(block);
            }
            out.closeEntry();
        }
        return zip;
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void anEntryThatIsNoH2FileIsRefusedAtItsFirstBytes(@TempDir Path dir) throws Exception {
        Path zip = bomb(dir, "zeros.zip", "", 200);
        assertThat(Files.size(zip)).isLessThan(1L * MB);
        Path scratch = dir.resolve("scratch");

        assertThatThrownBy(() -> BackupCheck.verify(zip, scratch))
                .isInstanceOf(BackupCheck.BadBackup.class)
                .hasMessage("The backup " + zip + " cannot be used: its crisisdesk.mv.db is not an H2 database file "
                        + "(it does not start as one)");
        assertThat(size(scratch)).as("unpacked before refusing").isLessThanOrEqualTo(64 * 1024);
        assertThatThrownBy(() -> BackupCheck.checkZip(zip)).hasMessageContaining("is not an H2 database file");
    }

    @Test
    void aBackupThatWouldLeaveTooLittleRoomIsNeverUnpackedWhole(@TempDir Path dir) throws Exception {
        Path zip = bomb(dir, "big.zip", "H:2,block:2,blockSize:1000,", 200);
        Path scratch = dir.resolve("scratch");
        Files.createDirectories(scratch);
        // leave 50 MB usable on this disk for the unpacked file, whatever is free
        long reserve = Files.getFileStore(scratch).getUsableSpace() - 50L * MB;

        assertThatThrownBy(() -> BackupCheck.verify(zip, scratch, reserve))
                .isInstanceOf(BackupCheck.BadBackup.class)
                .hasMessageContaining("cannot be used: its database file would unpack to 201 MB, more than the ")
                .hasMessageContaining("kept free for the live database); nothing was unpacked");
        assertThat(size(scratch)).isZero();
    }

    @Test
    void anEntryLongerThanTheZipSaysStopsAtTheStatedSize(@TempDir Path dir) throws Exception {
        // the stored size is in the local header only when written with a known size; ZipOutputStream's streamed
        // entries put it in the data descriptor, and ZipFile reads the central directory's: patch that one to 1 MB
        Path zip = bomb(dir, "lying.zip", "H:2,", 20);
        byte[] bytes = Files.readAllBytes(zip);
        int cen = -1;
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                cen = i;
                break;
            }
        }
        assertThat(cen).isPositive();
        int stated = MB;
        for (int k = 0; k < 4; k++) {
            bytes[cen + 24 + k] = (byte) (stated >>> (8 * k)); // uncompressed size
        }
        Files.write(zip, bytes);
        Path scratch = dir.resolve("scratch");

        assertThatThrownBy(() -> BackupCheck.verify(zip, scratch)).isInstanceOf(BackupCheck.BadBackup.class)
                .hasMessageContaining("cannot be used:");
        assertThat(size(scratch)).isLessThanOrEqualTo(stated + 64 * 1024);
    }

    @Test
    void aRealBackupStillPasses(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db).isNotNull();
        }
        Path zip = dir.resolve("good.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("crisisdesk.mv.db"));
            Files.copy(home.resolve("crisisdesk.mv.db"), out);
            out.closeEntry();
        }
        BackupCheck.Good good = BackupCheck.verify(zip, dir.resolve("scratch"));
        assertThat(good.mentions()).isZero();
        assertThat(good.schemaVersion()).isEqualTo(Database.MIGRATIONS.get(Database.MIGRATIONS.size() - 1));
    }
}
