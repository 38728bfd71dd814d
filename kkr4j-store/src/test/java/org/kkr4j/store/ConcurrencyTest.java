package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.store.Fixtures.put;
import static org.kkr4j.store.Fixtures.registerCode;
import static org.kkr4j.store.Fixtures.submission;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @BothBackends
    void manyThreadsWritingThroughOneStoreAreSerialisedWithoutErrors(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            int threads = 6;
            int perThread = 12;
            runInThreads(threads, t -> {
                for (int i = 0; i < perThread; i++) {
                    Run run = store.submit(submission(store, "card " + t + "/" + i));
                    Fixtures.finish(store, run, t + "/" + i);
                    store.runs(RunQuery.all());
                }
                return null;
            });
            assertThat(store.countRuns(RunState.DONE)).isEqualTo(threads * perThread);
            assertThat(store.eventsSince(0, 0)).hasSize(threads * perThread * 4);
        }
    }

    @BothBackends
    void twoStoresOnTheSameDatabaseWriteConcurrently(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store first = h.open();
            Store second = h.open();
            registerCode(first);
            runInThreads(4, t -> {
                Store store = t % 2 == 0 ? first : second;
                for (int i = 0; i < 10; i++) {
                    Fixtures.finishedRun(store, "shared card " + t + "/" + i);
                }
                return null;
            });
            assertThat(first.countRuns(RunState.DONE)).isEqualTo(40);
            assertThat(second.runs(RunQuery.all())).hasSize(40)
                    .allSatisfy(run -> assertThat(second.blobs().read(second.files(second.outputNode(run.nodeId())
                            .orElseThrow().id()).get(0).blob().sha256())).isNotEmpty());
        }
    }

    @BothBackends
    void exactlyOneOfTwoRacingCompletionsWins(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store first = h.open();
            Store second = h.open();
            registerCode(first);
            BlobRef log = put(first, "race log");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 15; round++) {
                    Run run = first.submit(submission(first, "race card " + round));
                    first.markLaunching(run.nodeId(), "/w");
                    first.markRunning(run.nodeId(), 1, 1, null);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Run>> results = new ArrayList<>();
                    for (Store store : List.of(first, second)) {
                        Outcome outcome = store == first ? Outcome.CONVERGED : Outcome.KILLED;
                        results.add(pool.submit(() -> {
                            start.await();
                            return store.complete(run.nodeId(), new RunCompletion(outcome, 0,
                                    List.of(new FileEntry("stdout.log", log)), RunResult.EMPTY, "race", null));
                        }));
                    }
                    start.countDown();
                    int wins = 0;
                    int stale = 0;
                    for (Future<Run> result : results) {
                        try {
                            result.get(30, TimeUnit.SECONDS);
                            wins++;
                        } catch (java.util.concurrent.ExecutionException e) {
                            assertThat(e.getCause()).isInstanceOf(StaleStateException.class);
                            stale++;
                        }
                    }
                    assertThat(wins).isEqualTo(1);
                    assertThat(stale).isEqualTo(1);
                    assertThat(first.events(run.nodeId())).filteredOn(e -> e.toState().equals("DONE")).hasSize(1);
                    assertThat(first.outgoing(run.nodeId())).hasSize(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @BothBackends
    void aWriteLockHeldElsewhereGivesAClearErrorAndChangesNothing(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open(StoreHarness.fastOptions().withLockWait(Duration.ofMillis(300)));
            registerCode(store);
            RunSubmission submission = submission(store, "locked card");
            try (Connection other = h.rawConnection(); Statement s = other.createStatement()) {
                if (backend == Backend.SQLITE) {
                    s.execute("BEGIN IMMEDIATE");
                } else {
                    other.setAutoCommit(false);
                    s.execute("LOCK TABLE node IN EXCLUSIVE MODE");
                }
                long before = System.nanoTime();
                assertThatThrownBy(() -> store.submit(submission)).isInstanceOf(StoreException.class)
                        .isNotInstanceOf(StaleStateException.class)
                        .hasMessageContaining("is locked")
                        .hasMessageContaining(backend == Backend.SQLITE ? h.location().home().resolve("kkr4j.db").toString()
                                : "PostgreSQL database")
                        .hasMessageContaining("300 ms");
                assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
                if (backend == Backend.SQLITE) {
                    s.execute("ROLLBACK");
                } else {
                    other.rollback();
                }
            }
            assertThat(store.runs(RunQuery.all())).isEmpty();
            assertThat(store.submit(submission).state()).isEqualTo(RunState.QUEUED);
            try (Connection raw = h.rawConnection(); Statement s = raw.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM event")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @BothBackends
    void aFailureInTheMiddleOfCompleteRollsEverythingBack(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run run = store.submit(submission(store, "rollback card"));
            store.markLaunching(run.nodeId(), "/w/r");
            store.markRunning(run.nodeId(), 5, 5, null);
            long nodes = count(h, "node");
            long files = count(h, "node_file");
            long links = count(h, "link");
            BlobRef log = put(store, "a real log");
            BlobRef absent = new BlobRef("ab".repeat(32), 10);
            assertThatThrownBy(() -> store.complete(run.nodeId(), new RunCompletion(Outcome.CONVERGED, 0,
                    List.of(new FileEntry("stdout.log", log), new FileEntry("data/pot", absent)), Fixtures.result(-1),
                    "converged", null))).isInstanceOf(NoSuchBlobException.class).hasMessageContaining("abab");

            Run after = store.run(run.nodeId()).orElseThrow();
            assertThat(after.state()).isEqualTo(RunState.RUNNING);
            assertThat(after.outcome()).isNull();
            assertThat(after.result()).isEqualTo(RunResult.EMPTY);
            assertThat(store.events(run.nodeId())).hasSize(3);
            assertThat(store.outputNode(run.nodeId())).isEmpty();
            assertThat(count(h, "node")).isEqualTo(nodes);
            assertThat(count(h, "node_file")).isEqualTo(files);
            assertThat(count(h, "link")).isEqualTo(links);
            assertThat(count(h, "run_result")).isZero();

            Run done = store.complete(run.nodeId(), new RunCompletion(Outcome.CONVERGED, 0,
                    List.of(new FileEntry("stdout.log", log)), Fixtures.result(-1), "converged", null));
            assertThat(done.state()).isEqualTo(RunState.DONE);
        }
    }

    @BothBackends
    void anUnusableDatabaseGivesAClearError(Backend backend, @TempDir Path dir) throws Exception {
        if (backend == Backend.SQLITE) {
            Path home = dir.resolve("home");
            java.nio.file.Files.createDirectories(home);
            java.nio.file.Files.writeString(home.resolve("kkr4j.db"), "this is not a database, just text ".repeat(200));
            assertThatThrownBy(() -> Stores.open(StoreLocation.sqlite(home))).isInstanceOf(StoreException.class)
                    .hasMessageContaining(home.resolve("kkr4j.db").toString())
                    .hasMessageContaining("not a kkr4j database");
        } else {
            try (StoreHarness h = new StoreHarness(backend, dir)) {
                String url = "jdbc:postgresql://127.0.0.1:1/kkr4j_test?user=kkr4j&password=secret&connectTimeout=2";
                assertThatThrownBy(() -> Stores.open(new StoreLocation(dir, url, null, null)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("127.0.0.1:1")
                        .hasMessageNotContaining("secret");
                assertThat(h.backend()).isEqualTo(Backend.POSTGRESQL);
            }
        }
        assertThatThrownBy(() -> Stores.open(new StoreLocation(dir, "jdbc:mysql://x/y", null, null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("unsupported JDBC URL");
    }

    static long count(StoreHarness h, String table) throws Exception {
        try (Connection raw = h.rawConnection(); Statement s = raw.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    interface ThreadBody {
        Void run(int thread) throws Exception;
    }

    static void runInThreads(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> task = () -> {
                    start.await();
                    return body.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
