package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.store.bench.StoreBenchmark;

class StoreBenchmarkTest {

    @BothBackends
    void drivesRunsThroughTheLifeCycleAndMeasures(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            StoreBenchmark.Result result = StoreBenchmark.run(store, 40);
            assertThat(result.runs()).isEqualTo(40);
            assertThat(result.transitions()).isEqualTo(160);
            assertThat(result.transitionsPerSecond()).isPositive();
            assertThat(result.metadataBytesPerRun()).isPositive();
            assertThat(result.packBytesPerRun()).isPositive();
            assertThat(store.countRuns(RunState.DONE)).isEqualTo(40);
            assertThat(store.eventsSince(0, 0)).hasSize(160);
            assertThat(result.toString()).contains("transitions/s");
        }
    }
}
