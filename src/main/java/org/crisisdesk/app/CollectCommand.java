package org.crisisdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.IngestListener;
import org.crisisdesk.source.MentionSource;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.replay.ReplayClock;
import org.crisisdesk.source.replay.ReplaySource;
import org.crisisdesk.source.replay.Scenario;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.TwitterSource;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code crisisdesk collect}: the desk's ingest pipeline without a window, for a server or a second machine feeding a
 * shared database. One progress line per poll; stops after {@code --duration} or on SIGTERM once the batch being
 * stored is committed, and exits 0.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect mentions into the database without opening the desk: from the connected X account "
                + "(twitter4j.properties in the app home) or from a replayed scenario.",
            "A replay is a drill: it goes into the drill database (HOME/demo), never into the live one.",
            "Collecting from X also runs the alert watch; while this process holds the collector lease it sends alerts "
                + "to their channels (e-mail, webhooks; see `crisisdesk alerts channels`).",
            "Prints one line per poll. Stops after --duration, or on SIGTERM/Ctrl-C once the current batch is stored.",
            "Exit status: 0 done; 1 the source failed; 2 bad options or no credentials; 3 credentials rejected by X "
                + "(401: keys wrong, expired or revoked); 4 the access level does not include an endpoint the desk "
                + "needs (403 client-not-enrolled, or 453 on v1.1: the message names it); 5 the monthly usage cap is "
                + "reached (429 usage-capped; the line says \"monthly cap reached; resets DATE\"); 6 stopped while waiting out X's 15-minute rate limit (429)."})
final class CollectCommand implements Callable<Integer> {
    static final int CREDENTIALS_REJECTED = 3;
    static final int ACCESS_LEVEL = 4;
    static final int USAGE_CAPPED = 5;
    static final int RATE_LIMITED = 6;
    /** How often the headless alert watch evaluates (the desk's is 2 s; nobody watches a screen here). */
    static final Duration ALERT_TICK = Duration.ofSeconds(10);

    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "twitter", paramLabel = "twitter|replay",
            description = "Where mentions come from (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Scenario (JSON Lines with release_s) for --source replay; default: the bundled demo.")
    Path replayFile;

    @Option(names = "--speed", defaultValue = "10", paramLabel = "N",
            description = "Replay speed, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--api", paramLabel = "v2|v1.1",
            description = "X API generation (default: crisisdesk.api in twitter4j.properties, else v2).")
    String api;

    @Option(names = "--twitter-api-base", paramLabel = "URL",
            description = "A compatible server: v1.1 calls go to URL + \"1.1/\", v2 calls to URL + \"2/\".")
    String apiBase;

    @Option(names = "--poll-seconds", defaultValue = "10", paramLabel = "N",
            description = "Seconds between polls when the rate limit allows (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this many seconds (default: run until SIGTERM or Ctrl-C).")
    Double duration;

    /** Where the X source counts posts read: the database's usage counts once it is open. */
    /** The usage settings' billing day, for when X's usage endpoint does not say when the monthly cap resets. */
    private final AtomicReference<java.util.function.IntSupplier> billingDay = new AtomicReference<>(() -> 1);
    private final AtomicReference<org.crisisdesk.usage.UsageRecorder> usage =
            new AtomicReference<>(org.crisisdesk.usage.UsageRecorder.NONE);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pollSeconds <= 0 || (duration != null && duration <= 0) || speed <= 0) {
            err.println("crisisdesk collect: --poll-seconds, --duration and --speed must be positive");
            return 2;
        }
        Path home = root.home();
        Clock clock = Clock.systemUTC();
        MentionSource mentionSource;
        TwitterSource twitter = null;
        if ("twitter".equalsIgnoreCase(source) || "x".equalsIgnoreCase(source)) {
            XSettings settings;
            try {
                settings = TwitterProperties.load(home);
                if (api != null) {
                    settings = settings.withApi(ApiVersion.parse(api));
                }
                if (apiBase != null) {
                    settings = settings.withApiBase(apiBase);
                }
            } catch (IllegalArgumentException e) {
                err.println("crisisdesk collect: " + e.getMessage());
                return 2;
            }
            if (!settings.connected()) {
                err.println("crisisdesk collect: no X account is connected. Use \"Connect X account\" in the desk, or "
                        + "write oauth.consumerKey, oauth.consumerSecret, oauth.accessToken and oauth.accessTokenSecret "
                        + "to " + TwitterProperties.file(home));
                return 2;
            }
            if (settings.api() == ApiVersion.V1_1) {
                err.println("crisisdesk collect: warning: API v1.1 is legacy. Most access levels no longer serve it "
                        + "(X answers 403, code 453), and it has no search to back-fill mentions beyond the newest 800."
                        + " Use v2 unless your access is enterprise or a compatible server.");
                err.flush();
            }
            // posts read are counted for the usage meter in the database opened below (none in a drill)
            twitter = TwitterSource.create(settings, clock, Duration.ofMillis((long) (pollSeconds * 1000)),
                    (kind, posts) -> usage.get().record(kind, posts), () -> billingDay.get().getAsInt());
            mentionSource = twitter;
            out.printf("collect: X %s%s, polling every %s s; SIGTERM or Ctrl-C stops after the current batch%n",
                    settings.api().label(), settings.apiBase() == null ? "" : " at " + settings.apiBase(),
                    trim(pollSeconds));
        } else if ("replay".equalsIgnoreCase(source)) {
            Scenario scenario;
            if (replayFile != null) {
                if (!Files.isReadable(replayFile)) {
                    err.println("crisisdesk collect: cannot read " + replayFile);
                    return 2;
                }
                scenario = Scenario.read(replayFile);
            } else {
                scenario = Scenario.demo();
            }
            mentionSource = new ReplaySource(scenario, new ReplayClock(clock, scenario.start(),
                    Math.min(1000, speed)));
            out.printf("collect: replay of %s (%d mentions) at %s×%n", scenario.name(), scenario.size(), trim(speed));
        } else {
            err.println("crisisdesk collect: --source must be twitter or replay, not " + source);
            return 2;
        }
        out.flush();
        boolean drill = twitter == null || root.drill;
        Services services;
        try {
            // A replay is a drill: its own database (HOME/demo unless --db names a drill database), never the live one.
            services = drill ? Services.openDrill(home, root.dbUrl, clock) : Services.open(home, databaseUrl(home), clock);
        } catch (IllegalStateException e) {
            err.println("crisisdesk collect: " + e.getMessage());
            return 2;
        }
        if (drill) {
            out.println("collect: drill database " + services.db().displayLocation() + " (nothing is posted from it)");
            out.flush();
        }
        usage.set(services.usageRecorder());
        Services opened = services;
        billingDay.set(() -> org.crisisdesk.usage.UsageSettings.load(opened.settings()).billingDay());
        return collect(services, clock, mentionSource, twitter, out);
    }

    private int collect(Services opened, Clock clock, MentionSource mentionSource, TwitterSource twitter,
            PrintWriter out) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        AtomicBoolean terminated = new AtomicBoolean();
        AtomicInteger exitCode = new AtomicInteger(0);
        AtomicLong stored = new AtomicLong();
        AtomicReference<SourceStatus> last = new AtomicReference<>();
        Instant started = clock.instant();
        // SIGTERM/Ctrl-C: stop after the current batch, then exit normally with our own status.
        TerminationSignals signals = TerminationSignals.install(() -> {
            terminated.set(true);
            stop.countDown();
        });

        try (Services services = opened) {
            Collector collector = new Collector(mentionSource, services.pipeline("collect"), services.mentions(), clock);
            if (twitter != null) { // one collector per account, whatever the number of desks and collect processes
                collector.withLease(new org.crisisdesk.source.CollectorLeaseStore(services.db(), clock,
                        org.crisisdesk.source.CollectorLeaseStore.processHolder(),
                        "collect@" + org.crisisdesk.source.CollectorLeaseStore.host()));
            }
            if (twitter != null && !services.drill()) {
                // The headless watch: alerts are evaluated here too, and told to people who are away (e-mail,
                // webhooks) while this process holds the collector lease, so exactly one process delivers.
                services.startAlertDelivery(collector::collecting);
                services.alerts().start(services.scheduler(), ALERT_TICK);
                try {
                    if (!org.crisisdesk.alert.delivery.DeliveryConfig.load(services.settings()).channels().isEmpty()) {
                        out.println("collect: alerts are sent to their channels while this process is the collector");
                        out.flush();
                    }
                } catch (IllegalArgumentException unreadable) {
                    err().println("crisisdesk collect: the alert channels cannot be read: " + unreadable.getMessage());
                }
            }
            Progress progress = new Progress(out, stored, last, stop, twitter != null);
            collector.addListener(progress);
            if (twitter != null) {
                twitter.onPoll(r -> {
                    StringBuilder line = new StringBuilder().append(now()).append(" poll ").append(r.poll())
                            .append(": +").append(r.fresh()).append(" new (fetched ").append(r.fetched()).append(", ")
                            .append(r.pages()).append(r.pages() == 1 ? " page)" : " pages)");
                    if (r.backfilled() > 0 || r.backfilling()) {
                        line.append(", back-filled ").append(r.backfilled()).append(" from search")
                                .append(r.backfilling() ? " (continuing)" : "");
                    }
                    if (r.searchFresh() > 0) {
                        line.append(", +").append(r.searchFresh()).append(" from keyword search");
                    }
                    line.append(", rate ").append(r.rateRemaining() == null ? "?" : r.rateRemaining())
                            .append('/').append(r.rateLimit() == null ? "?" : r.rateLimit())
                            .append(", stored ").append(stored.get());
                    if (r.nextPollIn().toMillis() > (long) (pollSeconds * 2000)) {
                        line.append(", paced: next poll in ").append(r.nextPollIn().toSeconds()).append(" s");
                    }
                    if (r.gap()) {
                        line.append(", GAP: mentions posted between ").append(r.gapAfter()).append(" and ")
                                .append(r.gapBefore()).append(" may be missing (").append(r.gapReason()).append(')');
                    }
                    out.println(line);
                    out.flush();
                });
            }
            Thread hook = null;
            if (signals == null) {
                // No signal API in this runtime: a shutdown hook (the JVM runs it on a thread we must hand it).
                hook = new Thread(() -> {
                    terminated.set(true);
                    stop.countDown();
                    try {
                        cleanedUp.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.flush();
                    Runtime.getRuntime().halt(exitCode.get());
                }, "collect-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            try {
                collector.start();
                if (duration == null) {
                    stop.await();
                } else {
                    stop.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
                }
                boolean stopped = collector.stop(Duration.ofSeconds(30));
                SourceStatus lastStatus = progress.lastActive();
                if (progress.seen(SourceStatus.State.CREDENTIALS_REJECTED)) {
                    exitCode.set(CREDENTIALS_REJECTED);
                } else if (progress.seen(SourceStatus.State.ACCESS_LEVEL)) {
                    exitCode.set(ACCESS_LEVEL);
                } else if (progress.seen(SourceStatus.State.USAGE_CAPPED)) {
                    exitCode.set(USAGE_CAPPED);
                } else if (lastStatus != null && lastStatus.state() == SourceStatus.State.RATE_LIMITED) {
                    exitCode.set(RATE_LIMITED);
                } else if (progress.seen(SourceStatus.State.FAILED)) {
                    exitCode.set(1);
                }
                out.printf("%s collect: stopped%s after %d s; %d new mentions stored%s%n", now(),
                        terminated.get() ? " on SIGTERM" : "",
                        Duration.between(started, clock.instant()).toSeconds(), stored.get(),
                        stopped ? "" : " (the source did not finish its batch in 30 s)");
                long held = services.quarantine().count();
                if (held > 0) {
                    out.printf("%s quarantine: %d post(s) could not be stored and are kept raw in the database; each "
                            + "start tries them again%n", now(), held);
                }
                out.flush();
            } finally {
                if (signals != null) {
                    signals.close();
                }
                if (hook != null && !terminated.get()) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // a signal arrived just now: the hook will finish the exit
                    }
                }
            }
        } finally {
            cleanedUp.countDown();
        }
        return exitCode.get();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** As the desk and the other commands: --db, else the database chosen in the settings, else the home's file. */
    private String databaseUrl(Path home) {
        return root.dbUrl != null ? root.dbUrl
                : org.crisisdesk.settings.DeskPrefs.dbUrl(home).orElse(Database.fileUrl(home));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Counts what was stored and prints state changes; called on the collector's thread. */
    private static final class Progress implements IngestListener {
        private final PrintWriter out;
        private final AtomicLong stored;
        private final AtomicReference<SourceStatus> last;
        private final CountDownLatch stop;
        private final boolean perPollLines;
        private final java.util.Set<SourceStatus.State> seen = java.util.EnumSet.noneOf(SourceStatus.State.class);
        private Instant lastLine = Instant.EPOCH;

        private SourceStatus lastActive;

        synchronized boolean seen(SourceStatus.State state) {
            return seen.contains(state);
        }

        /** The last status before the source stopped (what it was doing when asked to stop). */
        synchronized SourceStatus lastActive() {
            return lastActive;
        }

        Progress(PrintWriter out, AtomicLong stored, AtomicReference<SourceStatus> last, CountDownLatch stop,
                boolean perPollLines) {
            this.out = out;
            this.stored = stored;
            this.last = last;
            this.stop = stop;
            this.perPollLines = perPollLines;
        }

        @Override
        public void ingested(List<StoredMention> mentions) {
            stored.addAndGet(mentions.size());
        }

        @Override
        public void status(String sourceName, SourceStatus status) {
            SourceStatus previous = last.getAndSet(status);
            SourceStatus.State s = status.state();
            synchronized (this) {
                seen.add(s);
                if (s != SourceStatus.State.STOPPED && s != SourceStatus.State.FINISHED) {
                    lastActive = status;
                }
            }
            boolean changed = previous == null || previous.state() != s
                    || !java.util.Objects.equals(previous.detail(), status.detail());
            if (s == SourceStatus.State.LIVE || s == SourceStatus.State.PAUSED || s == SourceStatus.State.CATCHING_UP) {
                // X prints its own line per poll; a replay gets a line a second at most.
                if (!perPollLines && Duration.between(lastLine, Instant.now()).toMillis() >= 1000) {
                    lastLine = Instant.now();
                    out.printf("%s %s: %s, stored %d%n", now(), sourceName, status.detail(), stored.get());
                    out.flush();
                }
                return;
            }
            if (changed) {
                out.printf("%s %s %s%s%s%n", now(), sourceName, s,
                        status.until() == null ? "" : " until " + status.until().truncatedTo(ChronoUnit.SECONDS),
                        status.detail() == null ? "" : ": " + status.detail());
                out.flush();
            }
            if (s == SourceStatus.State.CREDENTIALS_REJECTED || s == SourceStatus.State.FINISHED
                    || s == SourceStatus.State.FAILED || s == SourceStatus.State.ACCESS_LEVEL
                    || s == SourceStatus.State.USAGE_CAPPED) {
                stop.countDown();
            }
        }
    }
}
