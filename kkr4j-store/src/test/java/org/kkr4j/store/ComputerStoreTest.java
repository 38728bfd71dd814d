package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Remote computers, codes on them and the batch jobs of runs, on both databases. */
class ComputerStoreTest {

    @BothBackends
    void computersCodesOnThemAndRemoteJobsRoundTrip(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            Computer c = store.addComputer(new Computer("fugaku", "{\"scheduler\":\"pjm\",\"host\":\"login.fugaku\"}",
                    Instant.now()));
            assertThat(store.computer("fugaku")).contains(c);
            assertThat(store.computers()).containsExactly(c);
            assertThatThrownBy(() -> store.addComputer(new Computer("fugaku", "{}", Instant.now())))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already registered");
            assertThatThrownBy(() -> store.addComputer(new Computer("bad", "not json", Instant.now())))
                    .hasMessageContaining("settings of computer bad");
            assertThat(store.computer("bad")).isEmpty();

            Code remote = store.addCode(new Code("specx-fugaku", "/home/u/bin/run", "2022.0721", Fixtures.CODE_SHA,
                    Map.of(), Instant.now(), "fugaku"));
            assertThat(store.code("specx-fugaku").orElseThrow().computer()).isEqualTo("fugaku");
            assertThat(remote.remote()).isTrue();
            Fixtures.registerCode(store);
            assertThat(store.code(Fixtures.CODE).orElseThrow().remote()).isFalse();

            Run run = store.submit(Fixtures.submission(store, "card R", List.of(), null));
            assertThat(store.remoteJob(run.nodeId())).isEmpty();
            RemoteJob staged = new RemoteJob(run.nodeId(), "fugaku", "/work/u/kkr4j/" + run.uuid(), null,
                    Instant.ofEpochMilli(1000));
            store.recordRemoteJob(staged);
            assertThat(store.remoteJob(run.nodeId())).contains(staged);
            store.recordRemoteJob(staged.withJobId("12345"));
            assertThat(store.remoteJob(run.nodeId()).orElseThrow().jobId()).isEqualTo("12345");
        }
    }
}
