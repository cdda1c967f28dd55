package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill drill: {@code crisisdesk collect} runs in a child JVM against the fake server's bursty crisis, is
 * killed with SIGKILL in the middle of the bursts (three times, each right after it stored something), restarted each
 * time, and finally stopped with SIGTERM: every one of the 1,300 mentions ends up stored exactly once, no 429, and
 * the SIGTERM exit is 0. Slow (child JVMs), so tagged "drill": {@code mvn -B test -Dgroups=drill -DexcludedGroups=bench}.
 */
@Tag("drill")
class CollectKillDrillTest {
    private static final Pattern POLL = Pattern.compile("poll \\d+: \\+(\\d+) new");
    /**
     * 1,300 mentions, 550 of them within one second; the later bursts come 20 s apart, so that while a killed
     * collector restarts (a JVM start on a busy machine) fewer than the API's 800 pile up and every gap can be closed.
     */
    static final double[][] BURSTS = {{0.3, 550}, {20, 300}, {40, 250}, {60, 200}};

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void sigkillMidBurstAndRestartEndsWithEveryMentionExactlyOnce(ApiVersion api) throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        Random random = new Random(api.ordinal());
        int runs = 0;
        try (FakeXServer server = CollectCommandTest.crisisServer(api, BURSTS)) {
            List<String> transcript = new ArrayList<>();
            for (int kill = 0; kill < 3; kill++) {
                Child child = Child.start(home, server, api, ++runs);
                // Kill right after some batch was stored, at a random moment within the next few hundred ms.
                child.awaitLine(l -> {
                    Matcher m = POLL.matcher(l);
                    return m.find() && Integer.parseInt(m.group(1)) > 0;
                }, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(300));
                child.process.destroyForcibly();
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.process.exitValue()).isEqualTo(137);
                transcript.addAll(child.lines());
            }
            Child last = Child.start(home, server, api, ++runs);
            Instant end = server.firstPoll().plus(Duration.ofSeconds(61));
            last.awaitLine(l -> POLL.matcher(l).find() && Instant.now().isAfter(end.plusSeconds(3)),
                    Duration.ofSeconds(180));
            last.process.destroy(); // SIGTERM
            assertThat(last.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            transcript.addAll(last.lines());
            assertThat(last.process.exitValue()).as(String.join("\n", transcript)).isZero();
            assertThat(String.join("\n", last.lines())).contains("stopped on SIGTERM");
            CollectCommandTest.assertEveryMentionExactlyOnce(server, home);
        }
    }

    /** A {@code crisisdesk collect} in its own JVM; its output goes to a file (destroying a process closes pipes). */
    static final class Child {
        final Process process;
        final Path output;
        int consumed;

        private Child(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        static Child start(Path home, FakeXServer server, ApiVersion api, int n) throws Exception {
            return start(home, server, api, n, java.util.Map.of());
        }

        /** With {@code env} added to the child's environment (e.g. HOSTNAME: another computer's name). */
        static Child start(Path home, FakeXServer server, ApiVersion api, int n, java.util.Map<String, String> env)
                throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path output = home.resolve("collect-" + n + ".out");
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dcrisisdesk.logdir=" + home.resolve("logs"), "org.crisisdesk.launch.Launcher",
                    "--home", home.toString(), "collect", "--api", api.label(), "--twitter-api-base", server.base(),
                    "--poll-seconds", "0.2");
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            pb.redirectOutput(output.toFile());
            return new Child(pb.start(), output);
        }

        void awaitLine(java.util.function.Predicate<String> wanted, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                List<String> all = lines();
                // only whole lines: the last one may still be being written
                for (; consumed < all.size() - 1; consumed++) {
                    if (wanted.test(all.get(consumed))) {
                        consumed++;
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no such line within " + timeout + ":\n" + String.join("\n", lines()));
        }

        List<String> lines() throws java.io.IOException {
            return java.nio.file.Files.exists(output)
                    ? java.nio.file.Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
        }
    }
}
