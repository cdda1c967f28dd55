package org.crisisdesk.handover.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.crisisdesk.handover.HandoverReport;

/** The export formats, and writing a report to a file (replaced atomically where the file system allows). */
public enum ReportFormat {
    HTML("html"),
    MARKDOWN("md");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** "html", "md" or "markdown" (any case). */
    public static ReportFormat parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "html", "htm" -> HTML;
            case "md", "markdown" -> MARKDOWN;
            default -> throw new IllegalArgumentException("The format must be html or md");
        };
    }

    public String render(HandoverReport report, ReportText text) {
        return this == HTML ? HtmlReportRenderer.render(report, text) : MarkdownReportRenderer.render(report, text);
    }

    /** Renders and writes {@code out} (UTF-8); a half-written file never replaces a good one. */
    public void write(HandoverReport report, ReportText text, Path out) throws IOException {
        String content = render(report, text);
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            // a device or a pipe (/dev/stdout): written straight to, never replaced by a regular file
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return;
        }
        // A sibling with the usual permissions (createTempFile would make it owner-only), moved over the target.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
