package org.crisisdesk.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a command could not write the file it was asked for. Writers go through a temporary sibling, so the
 * exception names that sibling ({@code .export-123.part}); people need the file they gave and a reason.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** An exception whose message names {@code target} and says why it could not be written. */
    static IOException explain(Path target, IOException e) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String reason;
        if (folder != null && !Files.exists(folder)) {
            reason = "the folder " + folder + " does not exist";
        } else if (folder != null && !Files.isDirectory(folder)) {
            reason = folder + " is not a folder";
        } else if (Files.isDirectory(absolute) && !(e instanceof AccessDeniedException)) {
            reason = "it is a folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage();
        }
        return new IOException("cannot write " + target + ": " + reason, e);
    }
}
