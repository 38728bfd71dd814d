package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.store.Outcome;

/** The verdicts on real cpa2002v010 logs (gfortran build), with the exit status each run really had. */
class OutcomeClassifierTest {
    private static final Path GFORTRAN = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran");
    private static final Path EDGE = GFORTRAN.resolve("edge-cases");

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    private static Classification classify(Integer exit, byte[] log) {
        return OutcomeClassifier.classify(exit, log, "test.log", Termination.NONE, 0);
    }

    @Test
    void convergedGoRun() throws IOException {
        Classification c = classify(0, bytes(GFORTRAN.resolve("hea-3d/CrMnFeCo_bcc/out_go.log")));
        assertThat(c.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(c.reason()).startsWith("converged after ");
        assertThat(c.log()).isNotNull();
    }

    @Test
    void notConvergedGoRun() throws IOException {
        Classification c = classify(0, bytes(EDGE.resolve("fe_go.out")));
        assertThat(c.outcome()).isEqualTo(Outcome.NOT_CONVERGED);
        assertThat(c.reason()).contains("no convergence after 60 iterations");
    }

    @Test
    void errorStopWithExitZeroIsAnError() throws IOException {
        Classification c = classify(0, bytes(EDGE.resolve("err.out")));
        assertThat(c.outcome()).isEqualTo(Outcome.ERROR_STOP);
        assertThat(c.reason()).contains("spmain").contains("illegal reltyp").contains("exit status 0");
    }

    @Test
    void modesTheBinaryLacksAreNotSupported() throws IOException {
        for (String f : new String[] {"fe_tc.out", "fe_j3.0.out", "fe_geom.out"}) {
            assertThat(classify(0, bytes(EDGE.resolve(f))).outcome()).as(f).isEqualTo(Outcome.MODE_NOT_SUPPORTED);
        }
        assertThat(classify(0, new byte[0]).outcome()).isEqualTo(Outcome.MODE_NOT_SUPPORTED);
    }

    @Test
    void postProcessingCompletes() throws IOException {
        assertThat(classify(0, bytes(EDGE.resolve("fe_dos.out"))).outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void nonZeroExitIsACrashEvenAfterUsefulOutput() throws IOException {
        Classification c = classify(2, bytes(EDGE.resolve("opt.out")));
        assertThat(c.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(c.reason()).startsWith("exit status 2");
        assertThat(classify(1, new byte[0]).outcome()).isEqualTo(Outcome.CRASHED);
    }

    @Test
    void signalsAreKills() throws IOException {
        byte[] log = bytes(GFORTRAN.resolve("hea-3d/CrMnFeCo_bcc/out_go.log"));
        byte[] half = Arrays.copyOf(log, log.length / 2);
        Classification kill = classify(137, half);
        assertThat(kill.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(kill.reason()).contains("signal 9");
        assertThat(classify(139, new byte[0]).reason()).contains("SIGSEGV");
        assertThat(classify(null, half).outcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void aCutLogWithExitZeroIsACrash() throws IOException {
        byte[] log = bytes(GFORTRAN.resolve("hea-3d/CrMnFeCo_bcc/out_go.log"));
        Classification c = classify(0, Arrays.copyOf(log, log.length / 2));
        assertThat(c.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(c.reason()).contains("cut short");
    }

    @Test
    void theEnginesOwnStopsWinOverTheExitStatus() throws IOException {
        byte[] half = Arrays.copyOf(bytes(EDGE.resolve("fe_go.out")), 3000);
        assertThat(OutcomeClassifier.classify(143, half, "x", Termination.CANCELLED, 0).outcome())
                .isEqualTo(Outcome.CANCELLED);
        Classification t = OutcomeClassifier.classify(143, half, "x", Termination.TIMED_OUT, 60);
        assertThat(t.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(t.reason()).contains("60 s");
    }
}
