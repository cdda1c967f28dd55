package org.crisisdesk.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisisdesk.alert.delivery.AlertChannel;
import org.crisisdesk.alert.delivery.AlertRoute;
import org.crisisdesk.alert.delivery.ChannelSettings;
import org.crisisdesk.alert.delivery.DeliveryConfig;
import org.crisisdesk.alert.delivery.DeliveryException;
import org.crisisdesk.alert.delivery.SmtpSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crisisdesk alerts channels list|add|remove|test} and {@code crisisdesk alerts smtp}: where alerts go when
 * nobody is at the desk. Secrets (a webhook's URL and signing secret, the SMTP password) are read from standard input
 * when asked ({@code --url-stdin}, {@code --secret-stdin}, {@code --password-stdin}), stored only in
 * {@code HOME/alert-channels.properties} (0600) and never printed.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alert channels: e-mail and webhooks that tell people away from the desk (see docs/alerts.md).",
        subcommands = {AlertsCommand.Channels.class, AlertsCommand.Route.class, AlertsCommand.Smtp.class})
final class AlertsCommand extends CommandGroup {
    @Command(name = "channels", mixinStandardHelpOptions = true,
            description = "List, add, remove or test alert channels.",
            subcommands = {ListChannels.class, Add.class, Remove.class, Test.class})
    static final class Channels extends CommandGroup {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The channels, the SMTP server and the routes (which rules tell which channels). Secrets are "
                    + "shown only as stored or missing.")
    static final class ListChannels implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            try (Services s = cli.openServices()) {
                ChannelSettings cs = new ChannelSettings(s.settings(), s.home());
                DeliveryConfig c = cs.config();
                if (c.channels().isEmpty()) {
                    out.println("No alert channels. Add one: crisisdesk alerts channels add NAME --type email|slack|"
                            + "webhook ...");
                }
                for (AlertChannel ch : c.channels()) {
                    String where = ch.type() == AlertChannel.Type.EMAIL ? "to " + String.join(", ", ch.to())
                            : "url " + (cs.hasUrl(ch.name()) ? "stored" : "MISSING")
                                    + (ch.type() == AlertChannel.Type.WEBHOOK
                                            ? ", signing secret " + (cs.hasSecret(ch.name()) ? "stored" : "none") : "");
                    out.printf("%-16s %-8s %s%n", ch.name(), ch.type(), where);
                }
                SmtpSettings smtp = c.smtp();
                if (smtp != null) {
                    out.printf("SMTP %s:%d %s, user %s, from %s, password %s%n", smtp.host(), smtp.port(),
                            smtp.security(), smtp.user() == null ? "-" : smtp.user(), smtp.from(),
                            cs.hasSmtpPassword() ? "stored" : "none");
                } else if (c.channels().stream().anyMatch(ch -> ch.type() == AlertChannel.Type.EMAIL)) {
                    out.println("SMTP not set: e-mail channels send nothing. Set it: crisisdesk alerts smtp --host ...");
                }
                for (AlertRoute r : c.routes()) {
                    out.printf("route %s: %s from level %d%s%s%n", r.reason(), String.join(" -> ", r.channels()),
                            r.minLevel(), r.quietFrom() == null ? "" : ", quiet " + r.quietFrom() + "-" + r.quietTo(),
                            r.escalateAfter() == null ? "" : ", next channel after "
                                    + r.escalateAfter().toMinutes() + " min unacknowledged");
                }
                out.println("Secrets: " + cs.secretFile());
                return 0;
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a channel, or change the one of that name. A new channel joins the route of --route "
                    + "(default: every rule), from level 1.",
                "Slack and Teams webhook URLs carry their token: give them with --url-stdin (a line on standard "
                        + "input), not on the command line."})
    static final class Add implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(paramLabel = "NAME", description = "Letters, digits, - and _.")
        String name;

        @Option(names = "--type", required = true, paramLabel = "email|slack|webhook",
                description = "email (over the SMTP server), slack (a Slack-compatible incoming webhook: Slack, Teams "
                        + "workflows, most bots) or webhook (the generic JSON crisisdesk.alert/1).")
        String type;

        @Option(names = "--to", split = ",", paramLabel = "ADDRESS", description = "E-mail: where to send.")
        List<String> to = new ArrayList<>();

        @Option(names = "--url", paramLabel = "URL", description = "A webhook's URL (stays in your shell history).")
        String url;

        @Option(names = "--url-stdin", description = "Read the webhook's URL from standard input.")
        boolean urlStdin;

        @Option(names = "--secret-stdin",
                description = "Read a signing secret for a generic webhook from standard input (after the URL).")
        boolean secretStdin;

        @Option(names = "--no-secret", description = "Remove the webhook's signing secret.")
        boolean noSecret;

        @Option(names = "--route", paramLabel = "RULE", defaultValue = "*",
                description = "The rule whose alerts it tells: VOLUME, CADENCE, ETA_MISSED, SPIKE, BACKLOG, or * "
                        + "(default).")
        String route;

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            AlertChannel.Type t;
            try {
                t = AlertChannel.Type.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw cli.usageError("--type is email, slack or webhook, not " + type);
            }
            if (t != AlertChannel.Type.EMAIL && url == null && !urlStdin) {
                throw cli.usageError("A webhook channel needs --url-stdin (or --url)");
            }
            if (t == AlertChannel.Type.EMAIL && (url != null || urlStdin || secretStdin)) {
                throw cli.usageError("An e-mail channel takes --to, not a URL");
            }
            try {
                StdinSecrets in = new StdinSecrets();
                String u = urlStdin ? in.line("webhook URL") : url;
                String secret = secretStdin ? in.line("signing secret") : noSecret ? "" : null;
                try (Services s = cli.openServices()) {
                    ChannelSettings cs = new ChannelSettings(s.settings(), s.home());
                    cs.putChannel(new AlertChannel(name, t, t == AlertChannel.Type.EMAIL ? to : List.of()), u, secret,
                            route);
                    out.printf("Channel %s (%s) saved%s.%n", name, t,
                            t == AlertChannel.Type.EMAIL ? "" : "; its URL is in " + cs.secretFile());
                    if (t == AlertChannel.Type.EMAIL && cs.config().smtp() == null) {
                        out.println("No SMTP server yet: crisisdesk alerts smtp --host HOST --from ADDRESS ...");
                    }
                    return 0;
                }
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a channel, its place in the routes and its stored URL and secret.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Services s = cli.openServices()) {
                if (!new ChannelSettings(s.settings(), s.home()).removeChannel(name)) {
                    throw cli.usageError("No channel named " + name);
                }
                cli.out().println("Channel " + name + " removed.");
                return 0;
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Send a test message on the channel now (nothing is queued).",
                "Exit status: 0 sent; 3 not sent (the server's or receiver's answer is printed)."})
    static final class Test implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Services s = cli.openServices()) {
                if (s.drill()) {
                    throw cli.usageError("A drill database tells nobody outside the desk");
                }
                s.alertDelivery().sendTest(name);
                cli.out().println("Test message sent on " + name + ".");
                return 0;
            } catch (DeliveryException e) {
                cli.err().println("crisisdesk alerts channels test: not sent: " + e.getMessage());
                return 3;
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }

    @Command(name = "route", mixinStandardHelpOptions = true,
            description = {"Set which channels a rule's alerts go to, from which level, outside which quiet hours, "
                    + "and after how long an unacknowledged alert goes to the next channel.",
                "Example: alerts route '*' --channels mail,slack --min-level 1 --quiet 23:00-07:00 --urgent-level 3 "
                        + "--escalate-after 10"})
    static final class Route implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(paramLabel = "RULE", description = "VOLUME, CADENCE, ETA_MISSED, SPIKE, BACKLOG, or * (any "
                + "rule without a route of its own).")
        String rule;

        @Option(names = "--channels", split = ",", required = true, paramLabel = "NAME",
                description = "The channels in escalation order; an empty value (--channels '') removes the route.")
        List<String> channels = new ArrayList<>();

        @Option(names = "--min-level", defaultValue = "1", description = "From this level, 1-3 (default 1).")
        int minLevel;

        @Option(names = "--quiet", paramLabel = "HH:MM-HH:MM",
                description = "Quiet hours in the desk's zone: a lower level raised then is told when they end.")
        String quiet;

        @Option(names = "--urgent-level", defaultValue = "3",
                description = "From this level quiet hours do not hold (default 3; 4: never).")
        int urgentLevel;

        @Option(names = "--escalate-after", paramLabel = "MINUTES",
                description = "An alert still open this long after a channel was told goes to the next channel.")
        Integer escalateAfter;

        @Override
        public Integer call() {
            java.time.LocalTime from = null;
            java.time.LocalTime to = null;
            if (quiet != null && !quiet.isBlank()) {
                String[] parts = quiet.split("-");
                try {
                    from = java.time.LocalTime.parse(parts[0].strip());
                    to = java.time.LocalTime.parse(parts[1].strip());
                } catch (RuntimeException e) {
                    throw cli.usageError("--quiet is HH:MM-HH:MM, e.g. 23:00-07:00");
                }
            }
            if (escalateAfter != null && escalateAfter < 1) {
                throw cli.usageError("--escalate-after is at least 1 minute");
            }
            List<String> names = channels.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
            try (Services s = cli.openServices()) {
                new ChannelSettings(s.settings(), s.home()).putRoute(new AlertRoute(rule.strip().toUpperCase(
                        Locale.ROOT), names, minLevel, from, to, urgentLevel, escalateAfter == null ? null
                        : java.time.Duration.ofMinutes(escalateAfter)));
                cli.out().println(names.isEmpty() ? "Route " + rule + " removed."
                        : "Route " + rule + ": " + String.join(" -> ", names) + " saved.");
                return 0;
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }

    @Command(name = "smtp", mixinStandardHelpOptions = true,
            description = "Set the SMTP server e-mail channels send through. The password is read from standard input "
                    + "(--password-stdin) and kept in HOME/alert-channels.properties (0600).")
    static final class Smtp implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--port", defaultValue = "587", description = "Default: ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--security", defaultValue = "STARTTLS", paramLabel = "STARTTLS|SSL|NONE",
                description = "STARTTLS (default; a server that does not offer it gets nothing), SSL (port 465), NONE "
                        + "(only a local relay).")
        String security;

        @Option(names = "--user", description = "The login, if the server asks for one.")
        String user;

        @Option(names = "--from", required = true, paramLabel = "ADDRESS")
        String from;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try {
                String password = passwordStdin ? new StdinSecrets().line("SMTP password") : null;
                try (Services s = cli.openServices()) {
                    new ChannelSettings(s.settings(), s.home()).putSmtp(new SmtpSettings(host.strip(), port,
                            security.toUpperCase(Locale.ROOT), user == null || user.isBlank() ? null : user.strip(),
                            from.strip()), password);
                    cli.out().printf("SMTP server %s:%d (%s) saved.%n", host.strip(), port,
                            security.toUpperCase(Locale.ROOT));
                    return 0;
                }
            } catch (IllegalArgumentException e) {
                throw cli.usageError(e.getMessage());
            }
        }
    }
}
