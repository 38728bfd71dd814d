package org.kkr4j.automation.scf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kkr4j.automation.EvidenceException;
import org.kkr4j.automation.GoEvidence;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;

/**
 * The evidence of the project's own converged go runs of one code: every converged go adds its core levels to
 * the first guess of the next system (the tables can then be those of the build that will run).
 */
public final class StoredGoRuns {
    private StoredGoRuns() {
    }

    /** The most recent converged go runs of {@code codeName} (at most {@code limit} runs are looked at). */
    public static List<GoEvidence> converged(Engine engine, String codeName, int limit) {
        List<GoEvidence> out = new ArrayList<>();
        for (Run run : engine.store().runs(new RunQuery(Set.of(RunState.DONE), codeName, limit, false))) {
            if (run.outcome() != Outcome.CONVERGED || run.cachedFrom() != null) {
                continue;
            }
            Optional<byte[]> log = engine.readOutput(run.nodeId(), WorkDirectory.STDOUT);
            if (log.isEmpty()) {
                continue;
            }
            try {
                out.add(GoEvidence.from(SpecxLogParser.parse(SourceText.of("run " + run.nodeId(), log.get()))));
            } catch (EvidenceException | KkrFormatException e) {
                // not a go log (dos, spc, ...) or not readable: it adds no level evidence
            }
        }
        return out;
    }
}
