package org.crisisdesk.triage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;

/**
 * Run in a child JVM by {@link KilledRightAfterTest}: does one thing, says so on stdout, then waits to be killed.
 * {@code move HOME}: files two Unsorted mentions into 배송 지연, one after the other, and prints
 * {@code MOVED pk1 pk2}.
 * {@code handover HOME FILE}: commits the hand-over file inside the transaction, prints {@code FILE}, then hangs
 * before the transaction marks anything.
 */
public final class KillChild {
    private KillChild() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        Services s = Services.open(home, null, Clock.systemUTC());
        if (args[0].equals("move")) {
            // Two filings in quick succession, as with the keyboard: H2 writes a commit at once when it was idle,
            // but up to ~0.5 s later when it stored something a moment before, which is what the second one meets.
            List<StoredMention> unsorted = s.mentions().page(MentionFilter.category(null), 2);
            long target = s.categories().byName("배송 지연").orElseThrow().id();
            long first = s.triage().move(List.of(unsorted.get(1).pk()), target, "desk-child").moved().get(0)
                    .mention().pk();
            Thread.sleep(150);
            long second = s.triage().move(List.of(unsorted.get(0).pk()), target, "desk-child").moved().get(0)
                    .mention().pk();
            System.out.println("MOVED " + first + " " + second);
        } else {
            Path file = Path.of(args[2]);
            new MoveStore(s.db()).handOver(cases -> {
                CustomerCentreExport.write(cases, MentionExporter.Format.JSONL, file, ZoneId.of("Asia/Seoul"));
                System.out.println("FILE");
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    throw new java.io.IOException(e);
                }
            }, Clock.systemUTC().instant());
        }
        System.out.flush();
        Thread.sleep(120_000);
    }
}
