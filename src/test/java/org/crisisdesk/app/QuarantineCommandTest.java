package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** Issue 20: `crisisdesk quarantine` lists the posts set aside, with why, their raw line written out harmlessly. */
class QuarantineCommandTest {

    @Test
    void listsHeldPostsWithTheReasonAndTheRawTextWithoutControlCharacters() throws Exception {
        Path home = TempDesk.newHome();
        Run none = CliTest.run("--home", home.toString(), "quarantine");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("no posts are set aside");
        try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
            // a source longer than its column: the store refuses it on every start, so it stays held
            s.quarantine().hold(new Mention("s".repeat(40), "7", Instant.parse("2026-10-17T01:00:00Z"), "a", null, null,
                    "abc\u202Efdp.exe\u001B[31m red\nsecond line", null, null, null), "Value too long for column SOURCE");
        }
        Run r = CliTest.run("--home", home.toString(), "quarantine");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("1 post(s) set aside").contains("tried ").contains("why: ")
                .contains("source is longer than 32 characters") // tried again on open: this version's reason
                .contains("abc<U+202E>fdp.exe\\u001B[31m red").doesNotContain("\u202E").doesNotContain("\u001B");
        // one raw line per post: a newline inside the JSON string is escaped by JSON itself
        assertThat(r.out().lines().filter(l -> l.startsWith("  raw: ")).count()).isEqualTo(1);
        assertThat(CliTest.run("quarantine", "--help").out()).contains("set aside").contains("<U+XXXX>");
    }
}
