package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.remote.scheduler.JobStatus.State.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.remote.CommandResult;

class SlurmSchedulerTest {
    final SlurmScheduler slurm = new SlurmScheduler();
    final List<String> asked = List.of("4242", "4243", "4244", "4245", "4246", "4247", "4248", "4249", "4999");

    @Test
    void submitAnswers() {
        assertThat(slurm.parseSubmit(Golden.out("slurm/sbatch-parsable.out"))).isEqualTo("4242");
        assertThat(slurm.parseSubmit(Golden.out("slurm/sbatch-parsable-cluster.out"))).isEqualTo("4243");
        assertThatThrownBy(() -> slurm.parseSubmit(Golden.err(1, "slurm/sbatch-invalid-partition.err")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Invalid partition")
                .hasMessageContaining("exit code 1");
        assertThatThrownBy(() -> slurm.parseSubmit(Golden.out("slurm/garbage-not-parsable.out")))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Submitted batch job 4242");
    }

    @Test
    void oneStatusCommandForAllJobs() {
        assertThat(slurm.statusCommand(asked)).containsExactly("squeue", "--noheader", "--states=all",
                "--jobs=4242,4243,4244,4245,4246,4247,4248,4249,4999", "--format=%i|%T|%r|%j");
        assertThatThrownBy(() -> slurm.statusCommand(List.of("42;rm"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusAnswer() {
        Map<String, JobStatus> s = slurm.parseStatus(Golden.out("slurm/squeue-status.out"), asked);
        assertThat(s.keySet()).containsExactlyElementsOf(asked);
        assertThat(s.get("4242")).isEqualTo(new JobStatus(QUEUED, "PENDING Priority"));
        assertThat(s.get("4243")).isEqualTo(new JobStatus(RUNNING, "RUNNING"));
        assertThat(s.get("4244").state()).isEqualTo(HELD);
        assertThat(s.get("4245").state()).isEqualTo(FINISHED_BY_SCHEDULER);
        assertThat(s.get("4245").isListed()).isTrue();
        assertThat(s.get("4246").state()).isEqualTo(TIMED_OUT);
        assertThat(s.get("4247").state()).isEqualTo(CANCELLED);
        assertThat(s.get("4248").state()).isEqualTo(NODE_FAIL);
        assertThat(s.get("4249").state()).isEqualTo(RUNNING);
        assertThat(s.get("4999")).isEqualTo(JobStatus.notListed());
    }

    @Test
    void allIdsPurgedIsNoneListedButOtherFailuresAreErrors() {
        Map<String, JobStatus> s = slurm.parseStatus(Golden.err(1, "slurm/squeue-invalid-job-id.err"),
                List.of("1", "2"));
        assertThat(s.values()).containsOnly(JobStatus.notListed());
        assertThatThrownBy(() -> slurm.parseStatus(Golden.err(1, "slurm/squeue-controller-down.err"), asked))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("Unable to contact");
    }

    @Test
    void garbageStatusIsATypedErrorNamingTheLine() {
        assertThatThrownBy(() -> slurm.parseStatus(Golden.out("slurm/garbage-squeue.out"), asked))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("line 1")
                .hasMessageContaining("JOBID PARTITION");
    }

    @Test
    void sacctGivesFinalStatesOrNothingWhenAccountingIsOff() {
        List<String> ids = List.of("4245", "4246", "4247", "4251", "4252", "4300");
        assertThat(slurm.historyCommand(ids).orElseThrow()).containsExactly("sacct", "--noheader", "--parsable2",
                "--allocations", "--jobs=4245,4246,4247,4251,4252,4300", "--format=JobID,State,ExitCode,JobName");
        Map<String, JobStatus> h = slurm.parseHistory(Golden.out("slurm/sacct.out"), ids).orElseThrow();
        assertThat(h.get("4245").state()).isEqualTo(FINISHED_BY_SCHEDULER);
        assertThat(h.get("4246").state()).isEqualTo(TIMED_OUT);
        assertThat(h.get("4247")).isEqualTo(new JobStatus(CANCELLED, "CANCELLED by 1000 exit 0:15"));
        assertThat(h.get("4251").state()).isEqualTo(FAILED);
        assertThat(h.get("4252").state()).isEqualTo(FAILED);
        assertThat(h.get("4300")).isEqualTo(JobStatus.notListed());
        assertThat(slurm.parseHistory(Golden.err(1, "slurm/sacct-disabled.err"), ids)).isEmpty();
        assertThatThrownBy(() -> slurm.parseHistory(new CommandResult(0, "4245,COMPLETED\n", ""), ids))
                .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("line 1");
    }

    @Test
    void lookupByNameFindsOnlyActiveJobsOfExactlyThatName() {
        assertThat(slurm.lookupByNameCommand("run-x")).containsExactly("squeue", "--noheader", "--me",
                "--states=all", "--name=kkr4j-run-x", "--format=%i|%T|%r|%j");
        assertThat(slurm.parseLookup(Golden.out("slurm/squeue-lookup.out"), "run-x")).containsExactly("5002");
        assertThat(slurm.parseLookup(new CommandResult(0, "", ""), "run-x")).isEmpty();
    }

    @Test
    void cancel() {
        assertThat(slurm.cancelCommand(List.of("1", "2"))).containsExactly("scancel", "1", "2");
    }

    @Test
    void scriptAndSubmitCommand() {
        JobSpec spec = ScriptFixtures.full("/work/a b/run 1");
        String script = slurm.jobScript(spec);
        assertThat(script).startsWith("#!/bin/bash\n#SBATCH --job-name=kkr4j-run-1\n")
                .contains("#SBATCH --nodes=2\n#SBATCH --ntasks=8\n#SBATCH --cpus-per-task=3\n")
                .contains("#SBATCH --time=1-02:03:04\n#SBATCH --partition=debug\n#SBATCH --account=proj-7\n")
                .contains("#SBATCH --mem=4000M\n#SBATCH --constraint=a64fx\n")
                .contains("export OMP_NUM_THREADS=3\n");
        assertThat(slurm.submitCommand(spec)).containsExactly("sbatch", "--parsable", "--chdir=/work/a b/run 1",
                "--output=/work/a b/run 1/.kkr4j/job.out", "--error=/work/a b/run 1/.kkr4j/job.err",
                "/work/a b/run 1/.kkr4j/job.sh");
        JobSpec percent = JobSpec.single("p", "/w/100%", List.of("true"), Resources.serial(60));
        assertThat(slurm.submitCommand(percent)).contains("--output=/w/100%%/.kkr4j/job.out");
    }
}
