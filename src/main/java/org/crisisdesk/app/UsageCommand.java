package org.crisisdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.source.twitter.XUsage;
import org.crisisdesk.usage.ProjectUsage;
import org.crisisdesk.usage.UsageReport;
import org.crisisdesk.usage.UsageSettings;
import org.crisisdesk.usage.UsageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code crisisdesk usage}: the usage meter the desk's status bar shows (posts read and created this month, against the
 * cap and the budget, the cost so far and at this pace by the month's end), and the settings it is measured by.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"What the desk has read from and created on X this month, what that costs and how close it is "
                + "to the monthly cap or budget: the meter the desk's status bar shows.",
            "Each figure says where it comes from. Posts read are MEASURED by X when its usage endpoint (GET "
                + "/2/usage/tweets) answers: it takes the app's own bearer token, which the desk asks X for with the "
                + "app's API key and secret (POST /oauth2/token, client credentials) and keeps in memory only. "
                + "Otherwise they are the desk's own count, an ESTIMATE. Users read (the post authors X returns with "
                + "mentions and search) and posts created are always the desk's own count (X's usage endpoint "
                + "reports post reads only), counted as X bills them: per resource returned, once per UTC day; a "
                + "drill counts nothing. Cost is at the rates below: by default X's published pay-per-use prices "
                + "($0.005 per post read, $0.010 per user read, $0.015 per post created, $0.200 per post created "
                + "with a link); X's Developer Console has the rates that apply to you.",
            "The --set options change the settings (stored in the database, shared by every desk on it) and then print "
                + "the meter.",
            "Exit status: 0 below the warning share; 1 at or above the warning share of the cap or budget; 3 the cap "
                + "or the budget is used up; 2 bad options."})
final class UsageCommand implements Callable<Integer> {
    static final int WARN = 1;
    static final int OVER = 3;

    @ParentCommand
    CrisisDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the meter as one JSON object.")
    boolean json;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N",
            description = "Days shown day by day, newest last, 0 to 90 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--offline", description = "Do not ask X; estimate from the desk's own counts.")
    boolean offline;

    @Option(names = "--twitter-api-base", paramLabel = "URL",
            description = "A compatible server: the usage endpoint is URL + \"2/usage/tweets\".")
    String apiBase;

    @Option(names = "--set-cap", paramLabel = "POSTS",
            description = "Monthly cap of posts read to measure against when X does not report the project's (0: none).")
    Long setCap;

    @Option(names = "--set-budget", paramLabel = "USD", description = "Monthly budget in US dollars (0: none).")
    BigDecimal setBudget;

    @Option(names = "--set-warn-at", paramLabel = "PERCENT",
            description = "Warn at this share of the cap or budget, 1 to 100 (default 80).")
    Double setWarnAt;

    @Option(names = "--set-read-rate", paramLabel = "USD", description = "US dollars per post read.")
    BigDecimal setReadRate;

    @Option(names = "--set-create-rate", paramLabel = "USD", description = "US dollars per post created.")
    BigDecimal setCreateRate;

    @Option(names = "--set-create-url-rate", paramLabel = "USD",
            description = "US dollars per post created that holds a link.")
    BigDecimal setCreateUrlRate;

    @Option(names = "--set-user-read-rate", paramLabel = "USD",
            description = "US dollars per user read (a post's author returned with it).")
    BigDecimal setUserReadRate;

    @Option(names = "--set-billing-day", paramLabel = "DAY",
            description = "Day of the month (1-28) the counting month starts when X does not report its reset day.")
    Integer setBillingDay;

    @Option(names = "--reset-rates", description = "Back to X's published pay-per-use prices.")
    boolean resetRates;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 0 || days > 90) {
            err.println("crisisdesk usage: --days must be 0 to 90");
            return 2;
        }
        Path home = root.home();
        try (Services services = root.openServices()) {
            UsageSettings settings = UsageSettings.load(services.settings());
            UsageSettings changed;
            try {
                changed = changed(settings);
            } catch (IllegalArgumentException e) {
                err.println("crisisdesk usage: " + e.getMessage());
                return 2;
            }
            if (!changed.equals(settings)) {
                changed.save(services.settings());
                settings = changed;
            }
            ProjectUsage.Result x = offline ? ProjectUsage.Result.none("not asked (--offline)")
                    : services.drill() ? ProjectUsage.Result.none("a drill database: nothing is read from X")
                    : askX(home, err);
            UsageReport r = services.usageMeter().report(settings, x);
            LocalDate today = LocalDate.ofInstant(r.asOf(), ZoneOffset.UTC);
            var daily = services.usageStore().days(today.minusDays(Math.max(0, days - 1)), today.plusDays(1));
            if (json) {
                out.println(json(r, settings, daily, x, days));
            } else {
                print(out, r, settings, daily, x, days);
            }
            out.flush();
            return r.level() == UsageReport.Level.OVER ? OVER : r.level() == UsageReport.Level.WARN ? WARN : 0;
        }
    }

    private UsageSettings changed(UsageSettings s) {
        UsageSettings c = s;
        if (resetRates) {
            c = c.withRates(UsageSettings.X_READ, UsageSettings.X_CREATE, UsageSettings.X_CREATE_URL)
                    .withUserReadRate(UsageSettings.X_USER_READ);
        }
        if (setUserReadRate != null) {
            c = c.withUserReadRate(setUserReadRate);
        }
        if (setReadRate != null || setCreateRate != null || setCreateUrlRate != null) {
            c = c.withRates(setReadRate != null ? setReadRate : c.readRate(),
                    setCreateRate != null ? setCreateRate : c.createRate(),
                    setCreateUrlRate != null ? setCreateUrlRate : c.createUrlRate());
        }
        if (setCap != null) {
            c = c.withMonthlyCap(setCap);
        }
        if (setBudget != null) {
            c = c.withMonthlyBudget(setBudget);
        }
        if (setWarnAt != null) {
            c = c.withWarnAt(setWarnAt / 100.0);
        }
        if (setBillingDay != null) {
            c = c.withBillingDay(setBillingDay);
        }
        return c;
    }

    private ProjectUsage.Result askX(Path home, PrintWriter err) {
        try {
            XSettings s = TwitterProperties.load(home);
            if (apiBase != null) {
                s = s.withApiBase(apiBase);
            }
            return XUsage.fetch(s, Clock.systemUTC());
        } catch (IOException | IllegalArgumentException e) {
            return ProjectUsage.Result.none("cannot read " + TwitterProperties.file(home) + ": " + e.getMessage());
        }
    }

    static String money(BigDecimal d) {
        return "$" + d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static void print(PrintWriter out, UsageReport r, UsageSettings s, java.util.List<UsageStore.Day> daily,
            ProjectUsage.Result x, int days) {
        out.printf("X usage %s to %s (UTC)%s%n", r.periodStart(), r.periodEnd().minusDays(1),
                r.fromX() ? ", posts read as X counts them" : "");
        if (!r.fromX()) {
            out.println("ESTIMATE: posts read are the desk's own count"
                    + (r.estimateReason() == null ? "" : " (X's usage endpoint: " + r.estimateReason() + ")"));
        }
        out.printf("  posts read     %s%s%s  [%s]%n", n(r.postsRead()),
                r.cap() > 0 ? " of " + n(r.cap()) + " (" + percent(r.capShare()) + ", "
                        + (r.capFromX() ? "X's project cap" : "your cap") + ")" : "",
                r.fromX() ? "; by this desk " + n(r.readByDesk()) : "",
                r.fromX() ? "measured by X" : "estimate: the desk's count");
        out.printf("  users read     %s  [estimate: the desk's count; X's usage endpoint does not report them]%n",
                n(r.usersRead()));
        out.printf("  posts created  %s (%s with a link)  [the desk's count]%n", n(r.created() + r.createdWithUrl()),
                n(r.createdWithUrl()));
        out.printf("  today (UTC)    %s read, %s created%n", n(r.readToday()), n(r.createdToday()));
        out.printf("  cost so far    %s%s  [estimate: %s]%n", money(r.cost()),
                r.budget().signum() > 0 ? " of " + money(r.budget()) + " (" + percent(r.budgetShare()) + ")" : "",
                r.fromX() ? "X's post reads, the desk's users and posts created, at the rates below"
                        : "the desk's counts at the rates below");
        out.printf("  projected      %s and %s posts read by %s at this month's pace%n", money(r.projectedCost()),
                n(r.projectedRead()), r.periodEnd().minusDays(1));
        out.printf("  rates          $%s per post read, $%s per user read, $%s per post created, $%s with a link "
                + "(%s)%n", s.readRate().toPlainString(), s.userReadRate().toPlainString(),
                s.createRate().toPlainString(), s.createUrlRate().toPlainString(),
                s.defaultRates() ? "X's published pay-per-use prices" : "set by you");
        if (r.level() != UsageReport.Level.OK) {
            out.printf("%s: %s of the monthly %s used (warning at %s)%n",
                    r.level() == UsageReport.Level.OVER ? "OVER" : "WARNING",
                    percent(Math.max(r.capShare(), r.budgetShare())),
                    r.capShare() >= r.budgetShare() ? "cap" : "budget", percent(r.warnAt()));
        }
        if (r.cap() > 0 && r.capShare() >= 1) {
            out.printf("monthly cap reached; resets %s (00:00 UTC)%n", r.periodEnd());
        }
        if (days > 0) {
            out.println("  day (UTC)        read   created  with link  users read" + (x != null && x.usage() != null
                    && !x.usage().daily().isEmpty() ? "   read (X)" : ""));
            for (UsageStore.Day d : daily) {
                Long fromX = x == null || x.usage() == null ? null : x.usage().daily().get(d.day());
                out.printf("  %s %9s %9s %10s %11s%s%n", d.day(), n(d.read()), n(d.created()),
                        n(d.createdWithUrl()), n(d.usersRead()),
                        fromX == null ? "" : String.format(Locale.ROOT, " %10s", n(fromX)));
            }
        }
    }

    private static String json(UsageReport r, UsageSettings s, java.util.List<UsageStore.Day> daily,
            ProjectUsage.Result x, int days)
            throws IOException {
        ObjectMapper m = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("as_of", r.asOf().toString());
        o.put("period_start", r.periodStart().toString());
        o.put("period_end", r.periodEnd().toString());
        o.put("source", r.fromX() ? "x" : "estimate");
        if (!r.fromX() && r.estimateReason() != null) {
            o.put("estimate_reason", r.estimateReason());
        }
        o.put("posts_read", r.postsRead());
        o.put("posts_read_by_desk", r.readByDesk());
        o.put("posts_read_source", r.fromX() ? "measured" : "estimate");
        o.put("users_read", r.usersRead());
        o.put("users_read_source", "estimate");
        o.put("posts_created", r.created());
        o.put("posts_created_with_url", r.createdWithUrl());
        o.put("read_today", r.readToday());
        o.put("created_today", r.createdToday());
        if (r.cap() > 0) {
            o.put("cap", r.cap());
            o.put("cap_source", r.capFromX() ? "x" : "settings");
            o.put("cap_share", r.capShare());
        }
        if (x != null && x.usage() != null && x.usage().capResetDay() != null) {
            o.put("cap_reset_day", x.usage().capResetDay());
        }
        o.put("cost_usd", r.cost());
        o.put("cost_source", "estimate");
        if (r.cap() > 0 && r.capShare() >= 1) {
            o.put("cap_resets", r.periodEnd().toString());
        }
        o.put("projected_cost_usd", r.projectedCost());
        o.put("projected_posts_read", r.projectedRead());
        if (r.budget().signum() > 0) {
            o.put("budget_usd", r.budget());
            o.put("budget_share", r.budgetShare());
        }
        o.put("warn_at", r.warnAt());
        o.put("level", r.level().name().toLowerCase(Locale.ROOT));
        ObjectNode rates = o.putObject("rates_usd");
        rates.put("read", s.readRate());
        rates.put("create", s.createRate());
        rates.put("create_with_url", s.createUrlRate());
        rates.put("user_read", s.userReadRate());
        o.put("rates_are_x_published_defaults", r.defaultRates());
        if (days > 0) {
            ArrayNode a = o.putArray("days");
            for (UsageStore.Day d : daily) {
                ObjectNode dn = a.addObject();
                dn.put("day", d.day().toString());
                dn.put("read", d.read());
                dn.put("created", d.created());
                dn.put("created_with_url", d.createdWithUrl());
                dn.put("users_read", d.usersRead());
                Long fromX = x == null || x.usage() == null ? null : x.usage().daily().get(d.day());
                if (fromX != null) {
                    dn.put("read_x", fromX);
                }
            }
        }
        return m.writeValueAsString(o);
    }
}
