package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.remote.scheduler.JobStatus.State.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.remote.CommandResult;

class PbsProSchedulerTest {
    final PbsProScheduler pbs = new PbsProScheduler();

    @Test
    void submit() {
        assertThat(pbs.parseSubmit(Golden.out("pbs/qsub.out"))).isEqualTo("1001.pbs01");
        assertThatThrownBy(() -> pbs.parseSubmit(Golden.err(170, "pbs/qsub-unknown-queue.err")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Unknown queue");
        assertThatThrownBy(() -> pbs.parseSubmit(new CommandResult(0, "job submitted\n", "")))
                .isInstanceOf(SchedulerResponseException.class);
    }

    @Test
    void fullStatusIncludingFinishedJobs() {
        List<String> asked = List.of("1001.pbs01", "1002", "1003.pbs01", "1004.pbs01", "1005.pbs01",
                "1006.pbs01", "1007.pbs01", "999.pbs01");
        assertThat(pbs.statusCommand(asked)).startsWith("qstat", "-f", "-x", "1001.pbs01").hasSize(11);
        Map<String, JobStatus> s = pbs.parseStatus(new CommandResult(153, Golden.text("pbs/qstat-f-x.out"),
                Golden.text("pbs/qstat-unknown-job.err")), asked);
        assertThat(s.keySet()).containsExactlyElementsOf(asked);
        assertThat(s.get("1001.pbs01")).isEqualTo(new JobStatus(QUEUED, "job_state=Q"));
        assertThat(s.get("1002").state()).as("short id matches 1002.pbs01").isEqualTo(RUNNING);
        assertThat(s.get("1003.pbs01")).isEqualTo(new JobStatus(FINISHED_BY_SCHEDULER, "job_state=F Exit_status=0"));
        assertThat(s.get("1004.pbs01").state()).isEqualTo(CANCELLED);
        assertThat(s.get("1005.pbs01").state()).isEqualTo(TIMED_OUT);
        assertThat(s.get("1005.pbs01").rawState()).contains("01:00:04>=01:00:00");
        assertThat(s.get("1006.pbs01").state()).isEqualTo(HELD);
        assertThat(s.get("1007.pbs01").state()).isEqualTo(FAILED);
        assertThat(s.get("999.pbs01")).isEqualTo(JobStatus.notListed());
    }

    @Test
    void functionBodiesInVariableListDoNotBreakTheReader() {
        Map<String, Map<String, String>> jobs = PbsProScheduler.parseFull(Golden.text("pbs/qstat-f-x.out"));
        assertThat(jobs).hasSize(7);
        Map<String, String> b = jobs.get("1002.pbs01");
        assertThat(b.get("Variable_List")).contains("BASH_FUNC_module%%=() {").endsWith("PBS_O_HOST=login01");
        assertThat(b.get("comment")).startsWith("Job run at");
        assertThat(jobs.get("1001.pbs01").get("Variable_List"))
                .isEqualTo("PBS_O_HOME=/home/alice,PBS_O_LANG=C.UTF-8,PBS_O_LOGNAME=alice,"
                        + "PBS_O_PATH=/usr/local/bin:/usr/bin:/bin,PBS_O_SHELL=/bin/bash,PBS_O_WORKDIR=/home/alice,"
                        + "PBS_O_SYSTEM=Linux,PBS_O_QUEUE=workq,PBS_O_HOST=login01");
    }

    @Test
    void truncatedOrForeignAnswersAndServerFailuresAreErrors() {
        List<String> asked = List.of("1001.pbs01");
        assertThatThrownBy(() -> pbs.parseStatus(Golden.out("pbs/garbage-qstat-truncated.out"), asked))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("without job_state")
                .hasMessageContaining("1001.pbs01");
        assertThatThrownBy(() -> pbs.parseStatus(Golden.out("pbs/garbage-qstat-table.out"), asked))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> pbs.parseStatus(new CommandResult(15010, "",
                Golden.text("pbs/qstat-server-down.err")), asked))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Connection refused");
        // exit 141 (SIGPIPE) with a partial but well-formed list is still a failure, not "the rest finished"
        assertThatThrownBy(() -> pbs.parseStatus(new CommandResult(141, Golden.text("pbs/qstat-f-x.out"),
                "qstat: write error\n"), asked)).isInstanceOf(SchedulerResponseException.class);
    }

    @Test
    void lookupAndCancel() {
        assertThat(pbs.lookupByNameCommand("run-x")).containsExactly("qselect", "-N", "kkr4j-run-x");
        assertThat(pbs.parseLookup(Golden.out("pbs/qselect.out"), "run-x")).containsExactly("1010.pbs01", "1011.pbs01");
        assertThat(pbs.parseLookup(new CommandResult(0, "", ""), "run-x")).isEmpty();
        assertThatThrownBy(() -> pbs.parseLookup(new CommandResult(0, "kkr4j-run-x Q\n", ""), "run-x"))
                .isInstanceOf(SchedulerResponseException.class);
        assertThat(pbs.cancelCommand(List.of("1.s"))).containsExactly("qdel", "1.s");
        assertThat(pbs.historyCommand(List.of("1.s"))).isEmpty();
    }

    @Test
    void script() {
        JobSpec spec = ScriptFixtures.full("/w/run");
        assertThat(pbs.jobScript(spec)).startsWith("#!/bin/bash\n#PBS -N kkr4j-run-1\n"
                + "#PBS -l select=2:ncpus=12:mpiprocs=4:ompthreads=3:mem=4000mb\n#PBS -l walltime=26:03:04\n"
                + "#PBS -q debug\n#PBS -A proj-7\n#PBS --constraint=a64fx\n");
        assertThat(pbs.submitCommand(spec)).containsExactly("qsub", "-o", "/w/run/.kkr4j/job.out", "-e",
                "/w/run/.kkr4j/job.err", "/w/run/.kkr4j/job.sh");
    }
}
