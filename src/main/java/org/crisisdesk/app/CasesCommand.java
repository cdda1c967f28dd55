package org.crisisdesk.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crisisdesk.cases.CaseQueue;
import org.crisisdesk.cases.CaseSettings;
import org.crisisdesk.cases.CaseStore;
import org.crisisdesk.cases.CaseTicket;
import org.crisisdesk.mention.StoredMention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisisdesk cases send|list}: customer-centre cases as helpdesk tickets. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "Send customer-centre cases to the helpdesk as tickets (webhook, Zendesk or Zammad, set in the "
                + "desk's settings) and list them.",
        subcommands = {CasesCommand.Send.class, CasesCommand.ListCases.class})
final class CasesCommand extends CommandGroup {
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Queue the cases and send them now, paced; cases already queued and due go too.",
                "Exactly one ticket per case: a case sent before is never sent again. Exit code 3 when some case "
                        + "is not sent (the helpdesk's own error is printed)."})
    static final class Send implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Parameters(paramLabel = "MENTION", arity = "0..*",
                description = "Mentions to send, by their number in the database (see `cases list`).")
        List<Long> mentions = new ArrayList<>();

        @Option(names = "--all-unsent",
                description = "Every case in the customer-centre column never sent (nor handed over by file).")
        boolean allUnsent;

        @Override
        public Integer call() {
            if (mentions.isEmpty() && !allUnsent) {
                throw cli.usageError("Name the mentions to send, or give --all-unsent");
            }
            PrintWriter out = cli.out();
            try (Services s = cli.openServices()) {
                CaseQueue q = s.cases();
                if (!q.configured()) {
                    String missing = CaseSettings.load(s.settings()).missing(
                            CaseSettings.secrets(s.home()).get(CaseSettings.SECRET_KEY).isPresent());
                    throw cli.usageError("No customer-centre connector is ready: "
                            + (missing == null ? "the URL must start with https:// or http://" : missing + " is missing")
                            + ". Set it in the desk's settings (Customer centre); the token goes to "
                            + CaseSettings.secrets(s.home()).path() + ".");
                }
                for (long pk : mentions) {
                    if (s.mentions().find(pk).isEmpty()) {
                        throw cli.usageError("No mention #" + pk);
                    }
                }
                List<CaseQueue.Outcome> outcomes = new ArrayList<>(q.sendNow(mentions, s.person().name()));
                if (allUnsent) {
                    q.queueAllUnsent(s.person().name());
                }
                outcomes.addAll(q.processDue());
                int notSent = 0;
                for (CaseQueue.Outcome o : outcomes) {
                    out.println(line(o.ticket()));
                    if (!o.sent()) {
                        notSent++;
                    }
                }
                out.println(outcomes.size() - notSent + " sent, " + notSent + " not sent.");
                out.flush();
                return notSent == 0 ? 0 : 3;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The cases: sent (with ticket numbers), queued, failed (with the helpdesk's error), and "
                    + "customer-centre cases never queued.")
    static final class ListCases implements Callable<Integer> {
        @Mixin
        CommandContext cli;

        @Option(names = "--limit", defaultValue = "200", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            try (Services s = cli.openServices()) {
                CaseStore store = s.cases().store();
                List<CaseTicket> rows = store.recent(limit);
                Map<Long, StoredMention> byPk = new java.util.HashMap<>();
                for (StoredMention m : s.mentions().find(rows.stream().map(CaseTicket::mentionPk).toList())) {
                    byPk.put(m.pk(), m);
                }
                for (CaseTicket t : rows) {
                    StoredMention m = byPk.get(t.mentionPk());
                    out.println(line(t) + (m == null ? "" : "  @" + m.mention().author() + " "
                            + m.mention().permalink()));
                }
                List<Long> unqueued = store.unqueuedCases();
                for (long pk : unqueued) {
                    out.println("#" + pk + "  NOT QUEUED");
                }
                out.println(rows.stream().filter(CaseTicket::sent).count() + " sent, "
                        + (rows.stream().filter(t -> !t.sent()).count() + unqueued.size()) + " not sent.");
                out.flush();
                return 0;
            }
        }
    }

    static String line(CaseTicket t) {
        StringBuilder b = new StringBuilder("#").append(t.mentionPk()).append("  ").append(t.state());
        if (t.sent()) {
            b.append("  ticket ").append(t.ticketNumber());
            if (t.ticketUrl() != null) {
                b.append("  ").append(t.ticketUrl());
            }
        } else if (t.failure() != null) {
            b.append("  ").append(t.failureKind()).append(": ").append(t.failure());
            if (t.nextAttemptAt() != null && t.state() == CaseTicket.State.QUEUED) {
                b.append("  (next attempt ").append(t.nextAttemptAt()).append(")");
            }
        }
        return b.toString();
    }
}
