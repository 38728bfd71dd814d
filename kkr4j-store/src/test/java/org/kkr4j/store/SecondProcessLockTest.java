package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.store.Fixtures.registerCode;
import static org.kkr4j.store.Fixtures.submission;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

class SecondProcessLockTest {

    @BothBackends
    void anotherProcessHoldingTheWriteLockGivesAClearErrorThenWritesResume(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open(StoreHarness.fastOptions().withLockWait(Duration.ofMillis(400)));
            registerCode(store);
            RunSubmission submission = submission(store, "card while locked");
            String url = backend == Backend.SQLITE ? "jdbc:sqlite:" + h.location().home().resolve("kkr4j.db")
                    : h.location().jdbcUrl();
            Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("locked");
                assertThatThrownBy(() -> store.submit(submission)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("is locked").hasMessageContaining("400 ms")
                        .hasMessageContaining(backend == Backend.SQLITE ? "kkr4j.db" : "PostgreSQL");
                assertThat(store.runs(RunQuery.all())).isEmpty();
                try (OutputStream in = holder.getOutputStream()) {
                    in.write('\n');
                }
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(holder.exitValue()).isZero();
            } finally {
                holder.destroyForcibly();
            }
            assertThat(store.submit(submission).state()).isEqualTo(RunState.QUEUED);
            assertThat(store.eventsSince(0, 0)).hasSize(1);
        }
    }
}
