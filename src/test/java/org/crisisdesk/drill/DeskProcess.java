package org.crisisdesk.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link DeskWorker} in a child JVM; its output goes to a file (a killed process's pipes are gone with it). */
final class DeskProcess {
    final Process process;
    final Path output;

    private DeskProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static DeskProcess start(String mode, Path home, String base, long seed, int total, Path output)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-Dcrisisdesk.logdir=" + home.resolve("logs"), DeskWorker.class.getName(),
                mode, home.toString(), base, Long.toString(seed), Integer.toString(total));
        pb.redirectErrorStream(true);
        pb.redirectOutput(output.toFile());
        return new DeskProcess(pb.start(), output);
    }

    List<String> lines() throws IOException {
        return Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
    }

    /** Complete lines only (the last may still be being written). */
    List<String> completeLines() throws IOException {
        String all = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        int end = all.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(all.substring(0, end).split("\n"));
    }

    void awaitLine(String prefix, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (completeLines().stream().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + prefix + " line within " + timeout + ":\n" + String.join("\n", lines()));
    }

    /** SIGKILL (no shutdown hooks, nothing flushed), and wait for it to be gone. */
    void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("a killed desk did not go away");
        }
    }

    /** Lines of one kind reported before the kill (complete lines only). */
    List<String> reported(String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : completeLines()) {
            if (l.startsWith(prefix + " ")) {
                out.add(l.substring(prefix.length() + 1));
            }
        }
        return out;
    }
}
