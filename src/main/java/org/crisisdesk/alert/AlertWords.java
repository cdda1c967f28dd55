package org.crisisdesk.alert;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * An alert in words, Korean or English, from its reason and {@link Facts} (the stored message is English): the desk's
 * {@code AlertText} and the handover report both word alerts here, from the {@value #BUNDLE} bundle. Immutable.
 */
public final class AlertWords {
    public static final String BUNDLE = "org.crisisdesk.alert.words";

    /** Looks a key up and formats it, as the desk's {@code I18n.t} does. */
    @FunctionalInterface
    public interface Translator {
        String t(String key, Object... args);
    }

    private final Translator t;
    private final Function<Instant, String> clock;

    /** @param clock how a time of day is shown ("14:05" in the desk's zone) */
    public AlertWords(Translator t, Function<Instant, String> clock) {
        this.t = t;
        this.clock = clock;
    }

    /** Words from the bundle itself (the report, which has no desk). */
    public static AlertWords of(Locale locale, Function<Instant, String> clock) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new AlertWords((key, args) -> {
            String pattern = b.containsKey(key) ? b.getString(key) : "!" + key + "!";
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        }, clock);
    }

    public String category(Long id, String name) {
        return id == null ? t.t("alerts.unsorted") : name != null ? name : "#" + id;
    }

    /** The reason's name; a reason this version does not know is shown as stored. */
    public String reason(String name) {
        Reason r = reasonOf(name);
        return r == null ? name : t.t("alerts.reason." + r.name());
    }

    /**
     * "최근 15분 새 멘션 43건, 마지막 공지 52분 전"; null when the facts cannot be worded (an alert stored before facts
     * were kept), so callers fall back to the stored message.
     */
    public String detail(String reason, int level, Facts f, Instant now) {
        Reason r = reasonOf(reason);
        if (r == null || f == null || f.asMap().isEmpty()) {
            return null;
        }
        return switch (r) {
            case VOLUME -> f.has("noticeAgo")
                    ? t.t("alerts.detail.volume", f.getLong("count", 0), f.getLong("window", 0), f.getLong("noticeAgo", 0))
                    : t.t("alerts.detail.volume.noNotice", f.getLong("count", 0), f.getLong("window", 0));
            case CADENCE -> cadence(level, f, now);
            case ETA_MISSED -> t.t("eta".equals(f.get("promise")) ? "alerts.detail.eta" : "alerts.detail.nextUpdate",
                    f.has("noticeNo") ? f.get("noticeNo") : f.get("notice"), clock(f.getInstant("promised")),
                    f.getLong("late", 0));
            case SPIKE -> t.t("alerts.detail.spike", f.getLong("recent", 0), f.getLong("window", 0), f.get("baseline"));
            case BACKLOG -> t.t("alerts.detail.backlog", f.getLong("count", 0), f.getLong("oldestMinutes", 0));
            case APPROVAL -> t.t("alerts.detail.approval", f.get("notice"), f.get("author"), f.getLong("minutes", 0));
        };
    }

    private String cadence(int level, Facts f, Instant now) {
        Instant due = f.getInstant("due");
        String phase = phase(f.get("phase"));
        long every = f.getLong("every", 0);
        long ago = f.getLong("noticeAgo", 0);
        if (level >= 2) {
            long late = due == null ? 0 : Math.max(0, (now.getEpochSecond() - due.getEpochSecond()) / 60);
            return t.t("alerts.detail.cadence.overdue", late, every, ago, phase);
        }
        long in = due == null ? 0 : Math.max(0, (due.getEpochSecond() - now.getEpochSecond() + 59) / 60);
        return t.t("alerts.detail.cadence.due", in, every, ago, phase);
    }

    public String phase(String name) {
        try {
            return t.t("alerts.phase." + Phase.valueOf(name).name());
        } catch (RuntimeException e) {
            return name == null ? "" : name;
        }
    }

    /** "열림", "12:45까지 미룸", "공지 #12로 해결", "저절로 해소", "무시함". */
    public String state(AlertState state, Instant snoozedUntil, Long resolvedByNotice) {
        if (state == AlertState.SNOOZED && snoozedUntil != null) {
            return t.t("alerts.state.SNOOZED", clock(snoozedUntil));
        }
        if (state == AlertState.RESOLVED) {
            return resolvedByNotice != null ? t.t("alerts.state.resolvedByNotice", String.valueOf(resolvedByNotice))
                    : t.t("alerts.state.cleared");
        }
        return t.t("alerts.state." + state.name());
    }

    public String level(int level) {
        return t.t("alerts.level." + Math.max(1, Math.min(3, level)));
    }

    /**
     * One thing that happened to an alert after it was raised: "13:05 김민지님이 13:35까지 미룸", "14:10 공지 #12로 해결";
     * null for the raise itself.
     */
    public String step(AlertEvent e, Instant snoozedUntil) {
        String at = clock(e.at());
        return switch (e.kind()) {
            case RAISED -> null;
            case SNOOZED -> t.t("alerts.history.SNOOZED", at, e.actor(), snoozedUntil == null ? "?" : clock(snoozedUntil));
            case DISMISSED -> t.t("alerts.history.DISMISSED", at, e.actor());
            case RESOLVED -> t.t("alerts.history.RESOLVED", at, e.noticeId() == null ? "?" : String.valueOf(e.noticeId()));
            case CLEARED -> t.t("alerts.history.CLEARED", at);
            case ESCALATED -> t.t("alerts.history.ESCALATED", at, level(e.level()));
            case REOPENED -> t.t("alerts.history.REOPENED", at);
        };
    }

    /**
     * One message of an alert to people who are away, on one channel: "메일: 14:02 보냄", "slack: 실패 (…)",
     * "bot: 14:05에 다시 보냄 (2회 실패: …)". Takes plain values so the alert words need not know the delivery queue.
     *
     * @param state QUEUED, SENDING, SENT, FAILED or CANCELLED
     */
    public String delivery(String channel, int level, String state, int attempts, Instant createdAt, Instant sentAt,
            Instant nextAttemptAt, String failure) {
        String why = failure == null || failure.isBlank() ? "" : failure.strip();
        String words = switch (state == null ? "" : state) {
            case "SENT" -> t.t("alerts.delivery.SENT", clock(sentAt));
            case "FAILED" -> t.t("alerts.delivery.FAILED", attempts, why);
            case "SENDING" -> t.t("alerts.delivery.SENDING");
            case "CANCELLED" -> t.t("alerts.delivery.CANCELLED");
            case "QUEUED" -> attempts > 0 ? t.t("alerts.delivery.RETRYING", clock(nextAttemptAt), attempts, why)
                    : nextAttemptAt != null ? t.t("alerts.delivery.WAITING", clock(nextAttemptAt))
                    : t.t("alerts.delivery.QUEUED", clock(createdAt));
            default -> String.valueOf(state);
        };
        return t.t("alerts.delivery.line", channel, level(level), words);
    }

    private String clock(Instant at) {
        return at == null ? "?" : clock.apply(at);
    }

    private static Reason reasonOf(String name) {
        try {
            return name == null ? null : Reason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
