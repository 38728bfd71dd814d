package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.remote.scheduler.JobStatus.State.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.remote.CommandResult;

class DirectSchedulerTest {
    final DirectScheduler direct = new DirectScheduler();

    @Test
    void statusFromPs() {
        List<String> asked = List.of("4711", "4712", "4713", "4714", "4715");
        assertThat(direct.statusCommand(asked)).containsExactly("ps", "-o", "pid=,stat=,args=", "-p",
                "4711,4712,4713,4714,4715");
        Map<String, JobStatus> s = direct.parseStatus(Golden.out("direct/ps-status.out"), asked);
        assertThat(s.get("4711")).isEqualTo(new JobStatus(RUNNING, "S"));
        assertThat(s.get("4712").state()).isEqualTo(RUNNING);
        assertThat(s.get("4713")).as("pid reused by sshd").isEqualTo(JobStatus.notListed());
        assertThat(s.get("4714").state()).isEqualTo(HELD);
        assertThat(s.get("4715")).isEqualTo(JobStatus.notListed());
    }

    @Test
    void psFindingNothingIsAnAnswerOtherFailuresAreNot() {
        assertThat(direct.parseStatus(new CommandResult(1, "", ""), List.of("5")).get("5"))
                .isEqualTo(JobStatus.notListed());
        assertThatThrownBy(() -> direct.parseStatus(new CommandResult(1, "", "error: unknown option\n"), List.of("5")))
                .isInstanceOf(SchedulerResponseException.class);
        assertThatThrownBy(() -> direct.parseStatus(Golden.out("direct/garbage-ps.out"), List.of("5")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("line 1: garbage");
        assertThatThrownBy(() -> direct.statusCommand(List.of("1; reboot")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupByExactJobName() {
        assertThat(direct.parseLookup(Golden.out("direct/ps-all.out"), "run-a")).containsExactly("4711");
        assertThat(direct.parseLookup(Golden.out("direct/ps-all.out"), "run-ab")).containsExactly("4720");
        assertThat(direct.parseLookup(Golden.out("direct/ps-all.out"), "run-zz")).isEmpty();
    }

    @Test
    void submitAnswer() {
        assertThat(direct.parseSubmit(new CommandResult(0, "31337\n", ""))).isEqualTo("31337");
        assertThatThrownBy(() -> direct.parseSubmit(new CommandResult(0, "nohup: ignoring input\n", "")))
                .isInstanceOf(SchedulerResponseException.class);
        assertThatThrownBy(() -> direct.parseSubmit(new CommandResult(97, "", "")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("97");
    }
}
