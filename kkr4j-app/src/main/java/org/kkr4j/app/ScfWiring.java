package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.kkr4j.automation.CoreLevelTable;
import org.kkr4j.automation.scf.EngineSpecxRunner;
import org.kkr4j.automation.scf.ScfProcedure;
import org.kkr4j.automation.scf.ScfReport;
import org.kkr4j.automation.scf.ScfSettings;
import org.kkr4j.automation.scf.StoreTrailSink;
import org.kkr4j.automation.scf.TrailSink;
import org.kkr4j.engine.Engine;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;

/**
 * How the commands run the scf procedure: its specx runs go through the engine (executed here, or awaited while
 * another engine of the home runs them), its trail goes to the workflow node's events and to {@code also}.
 */
final class ScfWiring {
    private ScfWiring() {
    }

    static ScfReport run(Engine engine, Path home, PrintWriter progress, String code, AkaiVersion version,
                         int threads, long workflow, ScfSettings settings, CoreLevelTable table, TrailSink also,
                         CardDeck card) {
        RunExecution execution = new RunExecution(engine, home, progress);
        EngineSpecxRunner runner = new EngineSpecxRunner(engine, code, version, threads, workflow,
                ids -> execution.complete(ids, "specx"));
        return new ScfProcedure(runner, settings, version, also.and(new StoreTrailSink(engine.store(), workflow)),
                table).run(card);
    }
}
