package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.remote.scheduler.JobStatus.State.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.remote.CommandResult;

class PjmSchedulerTest {
    final PjmScheduler pjm = new PjmScheduler();

    @Test
    void submit() {
        assertThat(pjm.parseSubmit(Golden.out("pjm/pjsub.out"))).isEqualTo("12345");
        assertThat(pjm.parseSubmit(Golden.out("pjm/pjsub-bulk.out"))).isEqualTo("12350");
        assertThatThrownBy(() -> pjm.parseSubmit(Golden.err(1, "pjm/pjsub-error.err")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("[ERR.] PJM 0020");
        assertThatThrownBy(() -> pjm.parseSubmit(new CommandResult(0, "[INFO] PJM 0000 pjsub done.\n", "")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Job N submitted");
    }

    @Test
    void statusOfJobsAndBulkSubJobsFromOneCall() {
        List<String> asked = List.of("12345", "12346", "12347", "12348", "12349", "12350[0]", "12350[1]",
                "12350[2]", "12351", "12399");
        assertThat(pjm.statusCommand(asked)).containsExactly("pjstat", "-E");
        Map<String, JobStatus> s = pjm.parseStatus(Golden.out("pjm/pjstat-E.out"), asked);
        assertThat(s.keySet()).containsExactlyElementsOf(asked);
        assertThat(s.get("12345")).isEqualTo(new JobStatus(RUNNING, "RUN"));
        assertThat(s.get("12346").state()).isEqualTo(QUEUED);
        assertThat(s.get("12347").state()).isEqualTo(HELD);
        assertThat(s.get("12348").state()).isEqualTo(RUNNING);
        assertThat(s.get("12349").state()).isEqualTo(QUEUED);
        assertThat(s.get("12350[0]")).isEqualTo(new JobStatus(FINISHED_BY_SCHEDULER, "EXT"));
        assertThat(s.get("12350[1]").state()).isEqualTo(RUNNING);
        assertThat(s.get("12350[2]").state()).isEqualTo(QUEUED);
        assertThat(s.get("12351").state()).isEqualTo(RUNNING);
        assertThat(s.get("12399")).isEqualTo(JobStatus.notListed());
        assertThat(pjm.parseStatus(new CommandResult(0, "", ""), List.of("1")).get("1")).isEqualTo(JobStatus.notListed());
    }

    @Test
    void historyOfEndedJobs() {
        List<String> asked = List.of("12340", "12341", "12342", "12343", "12350[0]", "12398");
        assertThat(pjm.historyCommand(asked).orElseThrow()).containsExactly("pjstat", "-H", "-E");
        Map<String, JobStatus> h = pjm.parseHistory(Golden.out("pjm/pjstat-H-E.out"), asked).orElseThrow();
        assertThat(h.get("12340").state()).isEqualTo(FINISHED_BY_SCHEDULER);
        assertThat(h.get("12341").state()).isEqualTo(CANCELLED);
        assertThat(h.get("12342").state()).isEqualTo(FAILED);
        assertThat(h.get("12343").state()).isEqualTo(FAILED);
        assertThat(h.get("12350[0]").state()).isEqualTo(FINISHED_BY_SCHEDULER);
        assertThat(h.get("12398").isListed()).isFalse();
    }

    @Test
    void summaryBeforeTheHeaderIsSkippedGarbageIsRejected() {
        Map<String, JobStatus> s = pjm.parseStatus(Golden.out("pjm/pjstat-with-summary.out"), List.of("12345", "12346"));
        assertThat(s.get("12345").state()).isEqualTo(RUNNING);
        assertThat(s.get("12346").state()).isEqualTo(QUEUED);
        assertThatThrownBy(() -> pjm.parseStatus(Golden.out("pjm/garbage-pjstat-no-header.out"), List.of("12345")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("no JOB_ID header");
        assertThatThrownBy(() -> pjm.parseStatus(Golden.out("pjm/garbage-pjstat-bad-row.out"), List.of("12345")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> pjm.parseStatus(new CommandResult(1, "", "[ERR.] PJM 0541 pjstat error\n"),
                List.of("12345"))).isInstanceOf(SchedulerResponseException.class);
    }

    @Test
    void lookupByName() {
        assertThat(pjm.lookupByNameCommand("run-x")).containsExactly("pjstat");
        assertThat(pjm.parseLookup(Golden.out("pjm/pjstat-E.out"), "run-x")).containsExactly("12351");
        assertThat(pjm.parseLookup(Golden.out("pjm/pjstat-E.out"), "pack-1")).containsExactly("12350", "12350[1]",
                "12350[2]");
        assertThat(pjm.parseLookup(Golden.out("pjm/pjstat-E.out"), "run")).isEmpty();
        assertThat(pjm.cancelCommand(List.of("12350", "12351[2]"))).containsExactly("pjdel", "12350", "12351[2]");
    }

    @Test
    void fugakuDirectives() {
        JobSpec spec = ScriptFixtures.fullWithoutMemory("/vol0004/mdt1/data/hp000/u/run 1");
        String script = pjm.jobScript(spec);
        assertThat(script).startsWith("#!/bin/bash\n#PJM -N kkr4j-run-1\n#PJM -L \"node=2\"\n"
                + "#PJM -L \"rscgrp=debug\"\n#PJM -L \"elapse=26:03:04\"\n#PJM --mpi \"proc=8\"\n"
                + "#PJM -g proj-7\n#PJM -x PJM_LLIO_GFSCACHE=/vol0004\n");
        assertThat(pjm.submitCommand(spec)).containsExactly("bash", "-c", "cd -- \"$1\" && shift && exec \"$@\"",
                "kkr4j-submit", "/vol0004/mdt1/data/hp000/u/run 1", "pjsub",
                "-o", "/vol0004/mdt1/data/hp000/u/run 1/.kkr4j/job.out",
                "-e", "/vol0004/mdt1/data/hp000/u/run 1/.kkr4j/job.err",
                "/vol0004/mdt1/data/hp000/u/run 1/.kkr4j/job.sh");
        assertThatThrownBy(() -> pjm.jobScript(ScriptFixtures.full("/w")))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageContaining("memoryMegabytes")
                .hasMessageContaining("not supported");
    }

    @Test
    void bulkSubmissionOfAPack() {
        List<PackTask> tasks = List.of(new PackTask("a", "/w/a", List.of("true")),
                new PackTask("b", "/w/b", List.of("true")), new PackTask("c", "/w/c", List.of("true")));
        JobSpec pack = JobSpec.packed("pack-1", "/w/pack-1", tasks, Resources.serial(600));
        assertThat(new PjmScheduler(true).submitCommand(pack)).containsSubsequence("pjsub", "--bulk", "--sparam", "0-2",
                "/w/pack-1/.kkr4j/job.sh");
        assertThat(new PjmScheduler(false).submitCommand(pack)).doesNotContain("--bulk");
        assertThat(PjmScheduler.bulkSubJobIds("12350", 3)).containsExactly("12350[0]", "12350[1]", "12350[2]");
    }
}
