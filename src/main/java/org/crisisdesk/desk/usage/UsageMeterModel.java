package org.crisisdesk.desk.usage;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.usage.UsageReport;
import org.crisisdesk.usage.UsageSettings;

/**
 * The X usage meter's words (status bar text and tooltip) and its warning: when the month reaches the warning share of
 * the cap or budget, or uses it up, {@link #onWarning} listeners hear it once per rise (not on every refresh). FX
 * thread only; {@link #refresh()} does its reading on the background executor.
 */
public final class UsageMeterModel {
    /** A warning to show: title and text in the desk's language, and whether the cap or budget is used up. */
    public record Warning(String title, String text, boolean over) {}

    /** What {@link #refresh()} reads, off the FX thread. */
    public record Reading(UsageReport report, UsageSettings settings) {}

    private final DeskContext ctx;
    private final Background background;
    private final Supplier<Reading> reader;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty tooltip = new SimpleStringProperty("");
    private final ObjectProperty<UsageReport.Level> level = new SimpleObjectProperty<>(UsageReport.Level.OK);
    private final List<Consumer<Warning>> warnings = new ArrayList<>();
    private UsageReport.Level warned = UsageReport.Level.OK;
    private boolean busy;

    public UsageMeterModel(DeskContext ctx, Background background, Supplier<Reading> reader) {
        this.ctx = ctx;
        this.background = background;
        this.reader = reader;
    }

    /** Reads the counts (and X's answer, as the reader decides) off the FX thread, then {@link #show}s them. */
    public void refresh() {
        if (busy) {
            return;
        }
        busy = true;
        background.run(reader::get).onSuccess(r -> {
            busy = false;
            show(r.report(), r.settings());
        }).onFailure(e -> busy = false);
    }

    public void onWarning(Consumer<Warning> listener) {
        warnings.add(listener);
    }

    /** FX thread. */
    public void show(UsageReport r, UsageSettings s) {
        String read = r.cap() > 0 ? ctx.t("usage.meter.readCap", n(r.postsRead()), n(r.cap()))
                : ctx.t("usage.meter.read", n(r.postsRead()));
        text.set(read + " (" + ctx.t(r.fromX() ? "usage.meter.measured" : "usage.meter.estimate") + ") · "
                + ctx.t("usage.meter.cost", money(r.cost()), money(r.projectedCost()))
                + (r.cap() > 0 && r.capShare() >= 1 ? " · " + ctx.t("usage.meter.capReached",
                        r.periodEnd().toString()) : ""));
        List<String> tip = new ArrayList<>();
        tip.add(ctx.t("usage.tip.period", r.periodStart().toString(), r.periodEnd().minusDays(1).toString()));
        tip.add(r.fromX() ? ctx.t("usage.tip.fromX", n(r.readByDesk()))
                : ctx.t("usage.tip.estimate", r.estimateReason() == null ? "-" : r.estimateReason()));
        tip.add(ctx.t("usage.tip.users", n(r.usersRead())));
        tip.add(ctx.t("usage.tip.created", n(r.created() + r.createdWithUrl()), n(r.createdWithUrl())));
        tip.add(ctx.t("usage.tip.costEstimate"));
        if (r.cap() > 0 && r.capShare() >= 1) {
            tip.add(ctx.t("usage.tip.capReached", r.periodEnd().toString()));
        }
        tip.add(ctx.t("usage.tip.today", n(r.readToday()), n(r.createdToday())));
        if (r.cap() > 0) {
            tip.add(ctx.t(r.capFromX() ? "usage.tip.capX" : "usage.tip.capOwn", n(r.cap()), percent(r.capShare())));
        }
        if (r.budget().signum() > 0) {
            tip.add(ctx.t("usage.tip.budget", money(r.budget()), percent(r.budgetShare())));
        }
        tip.add(ctx.t("usage.tip.projected", money(r.projectedCost()), n(r.projectedRead())));
        tip.add(ctx.t(s.defaultRates() ? "usage.tip.ratesDefault" : "usage.tip.ratesOwn", rate(s.readRate()),
                rate(s.createRate()), rate(s.createUrlRate()), rate(s.userReadRate())));
        tip.add(ctx.t("usage.tip.settings"));
        tooltip.set(String.join("\n", tip));
        level.set(r.level());
        if (r.level().compareTo(warned) > 0) {
            boolean cap = r.capShare() >= r.budgetShare();
            String what = ctx.t(cap ? "usage.kind.cap" : "usage.kind.budget");
            String used = percent(Math.max(r.capShare(), r.budgetShare()));
            Warning w = r.level() == UsageReport.Level.OVER
                    ? new Warning(ctx.t("usage.over.title"), ctx.t("usage.over.text", what, used), true)
                    : new Warning(ctx.t("usage.warn.title"), ctx.t("usage.warn.text", what, used,
                            percent(r.warnAt()), money(r.projectedCost())), false);
            warnings.forEach(l -> l.accept(w));
        }
        // a new month (or a raised cap) starts over: the next rise warns again
        warned = r.level();
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty tooltipProperty() {
        return tooltip;
    }

    public ObjectProperty<UsageReport.Level> levelProperty() {
        return level;
    }

    private static String n(long v) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(v).replace('\u00a0', ',');
    }

    private static String money(BigDecimal d) {
        return "$" + String.format(Locale.ROOT, "%,.2f", d);
    }

    private static String rate(BigDecimal d) {
        return "$" + d.stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
