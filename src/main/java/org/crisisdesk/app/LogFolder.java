package org.crisisdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.crisisdesk.store.OwnerOnly;

/**
 * Before the first logger: the home and its logs folder owner-only (0700) and the log files in it 0600, whatever the
 * umask, so logback's files are private from the start. A home that cannot be written (read-only) is left alone:
 * logback then has no file and keeps quiet about it (its status listener is a no-op, see logback.xml); the database
 * says in one line that the folder is read-only.
 */
final class LogFolder {
    private LogFolder() {}

    static void prepare(Path logs) {
        Path home = logs.getParent();
        try {
            if (Files.isDirectory(home) && !Files.isWritable(home)) {
                return;
            }
            OwnerOnly.createFolder(home);
            OwnerOnly.createFolder(logs);
            OwnerOnly.restrictFolder(logs);
            try (Stream<Path> files = Files.list(logs)) {
                files.filter(Files::isRegularFile).forEach(OwnerOnly::restrictFile);
            }
            Path log = logs.resolve("crisisdesk.log");
            if (!Files.exists(log)) {
                Files.createFile(log, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // logging is a help: never a reason not to start
        }
    }
}
