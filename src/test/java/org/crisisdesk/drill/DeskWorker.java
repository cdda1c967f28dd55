package org.crisisdesk.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.HttpTestPublisher;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.MoveResult;

/**
 * A headless desk in its own JVM, doing what a desk does during a burst, through the same services: stores mentions
 * (the replay's pipeline), files unsorted ones into boards, queues and posts notices through the outbox to a fake X.
 * Prints a line for each thing done and reported (after it returned, as the desk would show it):
 * {@code READY}, {@code MOVED pk categoryId}, {@code POSTED noticeId}, and {@code DONE ...} in settle mode.
 *
 * <p>{@code work HOME BASE SEED N}: works until killed. {@code settle HOME BASE SEED N}: finishes what is left (stores
 * the rest of the N mentions, reconciles and posts the outbox) and exits 0.
 */
public final class DeskWorker {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Short, so a notice left POSTING by a kill is reconciled within the drill; above the publisher's timeout. */
    static final Duration INFLIGHT = Duration.ofSeconds(3);
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);

    private DeskWorker() {}

    /** The drill's mentions: {@code d-0} .. {@code d-(n-1)}, always the same. */
    static Mention mention(int k) {
        String[] texts = {"배송이 아직 안 와요", "택배 언제 와요?", "인터넷이 또 끊겼어요", "요금이 두 번 청구됐어요",
            "앱 로그인이 안 돼요", "환불 요청합니다"};
        return new Mention("drill", "d-" + k, Instant.parse("2026-10-17T00:00:00Z").plusSeconds(k), "user" + (k % 97),
                null, "ko", texts[k % texts.length] + " #" + k, null, null, null);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path home = Path.of(args[1]);
        String base = args[2];
        Random random = new Random(Long.parseLong(args[3]));
        int total = Integer.parseInt(args[4]);
        String actor = "desk-" + ProcessHandle.current().pid();
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            HttpTestPublisher publisher = new HttpTestPublisher(base, PUBLISH_TIMEOUT);
            Outbox outbox = new Outbox(s.notices().store(), () -> publisher, Clock.systemUTC(), INFLIGHT,
                    Duration.ofMillis(200));
            IngestPipeline pipeline = s.pipeline(actor);
            List<Category> boards = s.categories().active().stream().filter(c -> !c.customerCentre()).toList();
            say("READY " + actor);
            if (mode.equals("settle")) {
                settle(s, outbox, pipeline, total);
                return;
            }
            for (int round = 0; ; round++) {
                int next = (int) s.mentions().count(MentionFilter.ALL);
                // a burst: up to 40 at a time, as a source delivers them
                List<Mention> batch = new ArrayList<>();
                for (int k = next; k < Math.min(total, next + 10 + random.nextInt(30)); k++) {
                    batch.add(mention(k));
                }
                if (!batch.isEmpty()) {
                    pipeline.ingest(batch, null);
                }
                // a manager files a few unsorted mentions
                List<StoredMention> unsorted = s.mentions().page(MentionFilter.category(null), 20);
                for (int i = 0; i < Math.min(unsorted.size(), 1 + random.nextInt(3)); i++) {
                    StoredMention m = unsorted.get(random.nextInt(unsorted.size()));
                    Category to = boards.get(random.nextInt(boards.size()));
                    MoveResult r = s.triage().move(List.of(m.pk()), to.id(), actor);
                    for (var moved : r.moved()) {
                        say("MOVED " + moved.mention().pk() + " " + to.id());
                    }
                }
                // and now and then a notice
                if (round % 4 == 0) {
                    Category c = boards.get(random.nextInt(boards.size()));
                    String key = actor + "-" + round;
                    Notice facts = new Notice(c.id(), c.name(), Instant.now(), "물류팀", new Stage(1, 3, "확인 중"),
                            null, null, "확인 번호 " + key, null, null, NoticeLang.KO, 0, null);
                    Composition comp = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false,
                            SEOUL);
                    var queued = outbox.queue(comp.notice(), comp.parts(), key, Templates.KO_STANDARD);
                    say("QUEUED " + queued.id());
                    for (Outbox.Outcome o : outbox.processDue()) {
                        if (o.posted()) {
                            say("POSTED " + o.notice().id());
                        }
                    }
                }
                Thread.sleep(10 + random.nextInt(40));
            }
        }
    }

    /** Stores the rest, then posts or reconciles every notice still in the outbox; exits when none is left. */
    private static void settle(Services s, Outbox outbox, IngestPipeline pipeline, int total) throws Exception {
        List<Mention> rest = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            rest.add(mention(k));
            if (rest.size() == 500 || k == total - 1) {
                pipeline.ingest(rest, null);
                rest.clear();
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (Outbox.Outcome o : outbox.processDue()) {
                if (o.posted()) {
                    say("POSTED " + o.notice().id());
                }
            }
            long open = s.notices().store().open().stream()
                    .filter(n -> n.state() == NoticeState.QUEUED || n.state() == NoticeState.POSTING).count();
            if (open == 0) {
                break;
            }
            Thread.sleep(250);
        }
        say("DONE");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
