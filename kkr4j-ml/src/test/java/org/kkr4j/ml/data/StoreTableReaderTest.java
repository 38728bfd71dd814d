package org.kkr4j.ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.Code;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunCompletion;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;

class StoreTableReaderTest {

    private static Run submit(Store store, String card) throws Exception {
        BlobRef ref = store.blobs().put(card.getBytes(StandardCharsets.UTF_8));
        return store.submit(new RunSubmission("cpa", "0".repeat(64), ref, List.of(), null, 1, 0, card, null));
    }

    @Test
    void everyDoneRunIsARowWithItsResultColumns(@TempDir Path home) throws Exception {
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            store.addCode(new Code("cpa", "/opt/akaikkr/run", "cpa2002v010", "0".repeat(64), Map.of(), Instant.now()));
            Run fcc = submit(store, "card fcc");
            Run bcc = submit(store, "card bcc");
            submit(store, "card still queued");
            String moments = "{\"components\":[{\"type\":\"A\",\"element\":\"Fe\",\"spinMomentMuB\":2.1},"
                    + "{\"type\":\"A\",\"element\":\"Ni\",\"spinMomentMuB\":0.6}]}";
            store.complete(fcc.nodeId(), new RunCompletion(Outcome.CONVERGED, 0, List.of(),
                    new RunResult("Fe50Ni50", "fcc", "go", 1.2, true, 30, -3000.5, 0.7, 1.35, 6.7, null, null, moments),
                    "converged", null));
            store.complete(bcc.nodeId(), new RunCompletion(Outcome.NOT_CONVERGED, 0, List.of(),
                    new RunResult("Fe50Ni50", "bcc", "go", 1.2, false, 300, null, null, null, 5.3, null, null, null),
                    "no convergence", null));

            Table t = StoreTableReader.read(store);
            assertThat(t.size()).isEqualTo(2);
            assertThat(t.source()).startsWith("store ");
            assertThat(t.cell(0, "run_id")).isEqualTo(Long.toString(fcc.nodeId()));
            assertThat(t.cell(0, "outcome")).isEqualTo("CONVERGED");
            assertThat(t.cell(0, "converged")).isEqualTo("1");
            assertThat(t.cell(1, "converged")).isEqualTo("0");
            assertThat(Double.parseDouble(t.cell(0, "total_energy_Ry"))).isEqualTo(-3000.5);
            assertThat(t.cell(1, "total_energy_Ry")).isEmpty();
            assertThat(Double.parseDouble(t.cell(0, "m_Fe"))).isEqualTo(2.1);
            assertThat(t.cell(1, "m_Ni")).isEmpty();

            // the stored system key is a composition in percent: the table feeds a dataset directly
            BuiltDataset b = DatasetBuilder.from(t).target("total_moment_muB", "muB").compositionColumn("system")
                    .structureColumn("lattice").filter("converged == 1").build();
            assertThat(b.dataset().y()).containsExactly(1.35);
            assertThat(b.compositions()).containsExactly(Composition.parse("FeNi"));
            assertThat(b.leftOut()).singleElement().extracting(LeftOutRow::reason).isEqualTo(LeftOutRow.Reason.FILTERED);
        }
    }
}
