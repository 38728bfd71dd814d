package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.remote.scheduler.JobStatus.State.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinalStateTest {
    static final Optional<ExitFile> NONE = Optional.empty();

    static Optional<ExitFile> exit(int code) {
        return Optional.of(new ExitFile(code, Optional.empty()));
    }

    @Test
    void vanishedIsFinishedOnlyWithAnExitFile() {
        assertThat(FinalState.decide(JobStatus.notListed(), exit(0))).isEqualTo(new FinalState.Finished(0));
        assertThat(FinalState.decide(JobStatus.notListed(), exit(2))).isEqualTo(new FinalState.Finished(2));
        assertThat(FinalState.decide(JobStatus.notListed(), NONE)).isInstanceOf(FinalState.Lost.class);
        assertThat(FinalState.decide(new JobStatus(FINISHED_BY_SCHEDULER, "COMPLETED"), NONE))
                .isEqualTo(new FinalState.Lost("scheduler state COMPLETED but no exit file"));
    }

    @Test
    void activeJobsAreNotDecided() {
        for (JobStatus.State s : new JobStatus.State[] {QUEUED, RUNNING, HELD, UNKNOWN}) {
            assertThat(FinalState.decide(new JobStatus(s, "x"), exit(0))).isInstanceOf(FinalState.StillActive.class);
        }
    }

    @Test
    void schedulerReasonsWithoutExitFile() {
        assertThat(FinalState.decide(new JobStatus(TIMED_OUT, "TIMEOUT"), NONE))
                .isEqualTo(new FinalState.Killed(TIMED_OUT, false, "TIMEOUT"));
        assertThat(FinalState.decide(new JobStatus(CANCELLED, "CCL"), NONE))
                .isEqualTo(new FinalState.Killed(CANCELLED, false, "CCL"));
        assertThat(FinalState.decide(new JobStatus(NODE_FAIL, "NODE_FAIL"), NONE))
                .isEqualTo(new FinalState.Killed(NODE_FAIL, false, "NODE_FAIL"));
    }

    @Test
    void aSignalExitUnderAKillIsAKillButACleanExitWins() {
        assertThat(FinalState.decide(new JobStatus(TIMED_OUT, "TIMEOUT"), exit(143)))
                .isEqualTo(new FinalState.Killed(TIMED_OUT, false, "TIMEOUT, command exit 143"));
        assertThat(FinalState.decide(new JobStatus(CANCELLED, "CANCELLED"), exit(0))).isEqualTo(new FinalState.Finished(0));
        assertThat(FinalState.decide(JobStatus.notListed(), exit(143))).isEqualTo(new FinalState.Finished(143));
    }

    @Test
    void walltimeIsInferredOnlyWhenTheRunHadItsWholeWalltime() {
        Instant start = Instant.parse("2025-03-03T10:00:00Z");
        var reached = new FinalState.WalltimeEvidence(start, Duration.ofHours(1), start.plusSeconds(3605));
        var early = new FinalState.WalltimeEvidence(start, Duration.ofHours(1), start.plusSeconds(1200));
        FinalState t = FinalState.decide(new JobStatus(FINISHED_BY_SCHEDULER, "EXT"), NONE, Optional.of(reached));
        assertThat(t).isInstanceOf(FinalState.Killed.class);
        assertThat(((FinalState.Killed) t).reason()).isEqualTo(TIMED_OUT);
        assertThat(((FinalState.Killed) t).inferred()).isTrue();
        assertThat(FinalState.decide(new JobStatus(FINISHED_BY_SCHEDULER, "EXT"), NONE, Optional.of(early)))
                .isInstanceOf(FinalState.Lost.class);
        assertThat(FinalState.decide(JobStatus.notListed(), exit(0), Optional.of(reached)))
                .isEqualTo(new FinalState.Finished(0));
    }

    @Test
    void exitFileParsing() {
        assertThat(ExitFile.parse("0\n", Optional.of("1741000000\n")))
                .isEqualTo(new ExitFile(0, Optional.of(Instant.ofEpochSecond(1741000000))));
        assertThatThrownBy(() -> ExitFile.parse("", Optional.empty())).hasMessageContaining(".kkr4j/exit");
        assertThatThrownBy(() -> ExitFile.parse("0\n", Optional.of("yesterday"))).hasMessageContaining(".kkr4j/end");
    }
}
