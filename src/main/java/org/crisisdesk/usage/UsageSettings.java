package org.crisisdesk.usage;

import java.math.BigDecimal;
import org.crisisdesk.settings.SettingsStore;

/**
 * What the usage meter compares against, set by the person (settings dialog, {@code crisisdesk usage --set-…}).
 *
 * @param readRate      US dollars per post read
 * @param createRate    US dollars per post created without a link
 * @param createUrlRate US dollars per post created with a link
 * @param monthlyCap    posts read per month the project may use (X's cap when X reports one wins), 0 for none
 * @param monthlyBudget US dollars per month, 0 for none
 * @param warnAt        share of the cap or budget (0.01 to 1) at which the desk warns
 * @param billingDay    day of the month (1-28) the counting month starts, unless X reports its own reset day
 * @param userReadRate  US dollars per user object returned (the authors of the posts read)
 */
public record UsageSettings(BigDecimal readRate, BigDecimal createRate, BigDecimal createUrlRate, long monthlyCap,
        BigDecimal monthlyBudget, double warnAt, int billingDay, BigDecimal userReadRate) {
    /**
     * X's published pay-per-use prices (docs.x.com, "Pricing", 2026): Posts: Read $0.005 per post returned; Content:
     * Create $0.015 per request; Content: Create with a URL $0.200 per request. Defaults only: X sets the real rates
     * in the Developer Console, and the person can set them here.
     */
    public static final BigDecimal X_READ = new BigDecimal("0.005");
    public static final BigDecimal X_CREATE = new BigDecimal("0.015");
    public static final BigDecimal X_CREATE_URL = new BigDecimal("0.200");
    /** "User: Read" $0.010 per user returned (same price list). */
    public static final BigDecimal X_USER_READ = new BigDecimal("0.010");
    public static final double DEFAULT_WARN_AT = 0.8;

    public static final String READ_RATE = "usage.rate.read";
    public static final String CREATE_RATE = "usage.rate.create";
    public static final String CREATE_URL_RATE = "usage.rate.createUrl";
    public static final String MONTHLY_CAP = "usage.monthlyCap";
    public static final String MONTHLY_BUDGET = "usage.monthlyBudget";
    public static final String WARN_AT = "usage.warnAt";
    public static final String BILLING_DAY = "usage.billingDay";
    public static final String USER_READ_RATE = "usage.rate.userRead";

    public static final UsageSettings DEFAULTS = new UsageSettings(X_READ, X_CREATE, X_CREATE_URL, 0, BigDecimal.ZERO,
            DEFAULT_WARN_AT, 1, X_USER_READ);

    /** As before the user-read rate existed: X's published price for it. */
    public UsageSettings(BigDecimal readRate, BigDecimal createRate, BigDecimal createUrlRate, long monthlyCap,
            BigDecimal monthlyBudget, double warnAt, int billingDay) {
        this(readRate, createRate, createUrlRate, monthlyCap, monthlyBudget, warnAt, billingDay, X_USER_READ);
    }

    public UsageSettings {
        userReadRate = userReadRate == null ? X_USER_READ : userReadRate;
        if (userReadRate.signum() < 0) {
            throw new IllegalArgumentException("A rate cannot be negative");
        }
        if (readRate.signum() < 0 || createRate.signum() < 0 || createUrlRate.signum() < 0) {
            throw new IllegalArgumentException("A rate cannot be negative");
        }
        if (monthlyCap < 0 || monthlyBudget.signum() < 0) {
            throw new IllegalArgumentException("A cap or budget cannot be negative (0 means none)");
        }
        if (!(warnAt >= 0.01 && warnAt <= 1)) {
            throw new IllegalArgumentException("The warning share must be between 1% and 100%: " + warnAt);
        }
        if (billingDay < 1 || billingDay > 28) {
            throw new IllegalArgumentException("The billing day must be 1 to 28: " + billingDay);
        }
    }

    /** Whether each rate is still X's published default (the desk says "X's published price" then). */
    public boolean defaultRates() {
        return readRate.compareTo(X_READ) == 0 && createRate.compareTo(X_CREATE) == 0
                && createUrlRate.compareTo(X_CREATE_URL) == 0 && userReadRate.compareTo(X_USER_READ) == 0;
    }

    /** The stored settings; a damaged value falls back to its default. */
    public static UsageSettings load(SettingsStore s) {
        UsageSettings d = DEFAULTS;
        try {
            return new UsageSettings(money(s, READ_RATE, d.readRate), money(s, CREATE_RATE, d.createRate),
                    money(s, CREATE_URL_RATE, d.createUrlRate), Long.parseLong(s.get(MONTHLY_CAP, "0").strip()),
                    money(s, MONTHLY_BUDGET, d.monthlyBudget),
                    Double.parseDouble(s.get(WARN_AT, Double.toString(d.warnAt)).strip()),
                    Integer.parseInt(s.get(BILLING_DAY, "1").strip()), money(s, USER_READ_RATE, d.userReadRate));
        } catch (IllegalArgumentException damaged) {
            return d;
        }
    }

    public void save(SettingsStore s) {
        s.put(READ_RATE, readRate.toPlainString());
        s.put(CREATE_RATE, createRate.toPlainString());
        s.put(CREATE_URL_RATE, createUrlRate.toPlainString());
        s.put(MONTHLY_CAP, Long.toString(monthlyCap));
        s.put(MONTHLY_BUDGET, monthlyBudget.toPlainString());
        s.put(WARN_AT, Double.toString(warnAt));
        s.put(BILLING_DAY, Integer.toString(billingDay));
        s.put(USER_READ_RATE, userReadRate.toPlainString());
    }

    private static BigDecimal money(SettingsStore s, String key, BigDecimal fallback) {
        return s.get(key).map(v -> new BigDecimal(v.strip())).orElse(fallback);
    }

    public UsageSettings withRates(BigDecimal read, BigDecimal create, BigDecimal createUrl) {
        return new UsageSettings(read, create, createUrl, monthlyCap, monthlyBudget, warnAt, billingDay,
                userReadRate);
    }

    public UsageSettings withMonthlyCap(long cap) {
        return new UsageSettings(readRate, createRate, createUrlRate, cap, monthlyBudget, warnAt, billingDay,
                userReadRate);
    }

    public UsageSettings withMonthlyBudget(BigDecimal budget) {
        return new UsageSettings(readRate, createRate, createUrlRate, monthlyCap, budget, warnAt, billingDay,
                userReadRate);
    }

    public UsageSettings withWarnAt(double share) {
        return new UsageSettings(readRate, createRate, createUrlRate, monthlyCap, monthlyBudget, share, billingDay,
                userReadRate);
    }

    public UsageSettings withUserReadRate(BigDecimal rate) {
        return new UsageSettings(readRate, createRate, createUrlRate, monthlyCap, monthlyBudget, warnAt, billingDay,
                rate);
    }

    public UsageSettings withBillingDay(int day) {
        return new UsageSettings(readRate, createRate, createUrlRate, monthlyCap, monthlyBudget, warnAt, day,
                userReadRate);
    }
}
