package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code crisisdesk notice approve|reject ID --as NAME [--comment TEXT]} (issue 22). */
class ApprovalCommandTest {
    Path home;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void home() {
        home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.categories().ensure("배송 지연");
            s.notices().approvals().setRequired(true);
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int code = Cli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    long post(String stage) {
        Run r = run("notice", "post", "--as", "민지", "--category", "배송 지연", "--department", "물류팀", "--stage", stage,
                "--next-update", "16:00", "--link", "https://example.com/notice/42", "--as-of",
                "2026-10-17T14:00+09:00", "--zone", "Asia/Seoul");
        assertThat(r.code()).as(r.err()).isEqualTo(6);
        String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("state=AWAITING_APPROVAL id=");
        return Long.parseLong(last.substring(last.indexOf("id=") + 3).strip());
    }

    @Test
    void theTeamSettingIsShownAndSet() {
        assertThat(run("notice", "approval").out().strip()).isEqualTo("approval=on");
        assertThat(run("notice", "approval", "off").out().strip()).isEqualTo("approval=off");
        assertThat(run("notice", "approval").out().strip()).isEqualTo("approval=off");
        assertThat(run("notice", "approval", "maybe").code()).isNotZero();
    }

    @Test
    void theAuthorIsRefusedAnotherPersonRejectsOrApproves() {
        long first = post("2/4 재배송 준비");

        Run own = run("notice", "approve", Long.toString(first), "--as", "민지");
        assertThat(own.code()).isEqualTo(1);
        assertThat(own.err()).contains("second person");
        assertThat(own.out()).contains("state=AWAITING_APPROVAL");

        Run back = run("notice", "reject", Long.toString(first), "--as", "준호", "--comment", "ETA를 넣어 주세요");
        assertThat(back.code()).isZero();
        assertThat(back.out()).contains("state=SENT_BACK id=" + first);
        assertThat(run("notice", "approve", Long.toString(first), "--as", "준호").code()).as("decided").isEqualTo(1);

        long second = post("3/4 재배송 중");
        Run ok = run("notice", "approve", Long.toString(second), "--as", "준호", "--comment", "좋아요");
        assertThat(ok.code()).as("approved, then the outbox: no account here, kept for posting by hand").isEqualTo(3);
        assertThat(ok.out()).contains("state=NOT_CONNECTED id=" + second);
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            assertThat(s.notices().approvals().events(second)).extracting(e -> e.action() + " " + e.person() + " "
                    + e.comment()).containsExactly("REQUESTED 민지 null", "APPROVED 준호 좋아요");
        }
    }
}
