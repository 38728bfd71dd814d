package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kkr4j.store.Fixtures.registerCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectionTest {

    @BothBackends
    void removesUnreferencedBlobsKeepsReferencedOnesReadableAndRewritesMostlyGarbagePacks(Backend backend, @TempDir Path dir)
            throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run run = Fixtures.finishedRun(store, "gc card");
            List<BlobRef> garbage = new ArrayList<>();
            Random random = new Random(11);
            for (int i = 0; i < 20; i++) {
                byte[] bytes = new byte[3000];
                random.nextBytes(bytes);
                garbage.add(store.blobs().put(bytes));
            }
            // a crash between writing a pack entry and committing its row leaves a tail no row points at
            Files.write(BlobStoreTest.pack(h, 1), new byte[5000], StandardOpenOption.APPEND);
            long before = BlobStoreTest.packBytes(h);

            assertThat(store.gc().blobsRemoved()).as("young blobs are kept by default").isZero();
            GcSummary summary = store.gc(Duration.ZERO);
            assertThat(summary.blobsRemoved()).isEqualTo(20);
            assertThat(summary.packsRewritten()).isEqualTo(1);
            assertThat(summary.blobsKept()).isEqualTo(3);
            assertThat(summary.bytesFreed()).isGreaterThan(60_000);
            assertThat(BlobStoreTest.packBytes(h)).isEqualTo(before - summary.bytesFreed());
            assertThat(BlobStoreTest.pack(h, 1)).doesNotExist();
            for (BlobRef ref : garbage) {
                assertThat(store.blobs().contains(ref.sha256())).isFalse();
            }
            for (FileEntry file : store.files(store.outputNode(run.nodeId()).orElseThrow().id())) {
                assertThat(store.blobs().read(file.blob().sha256())).hasSize((int) file.blob().sizeBytes());
            }
            assertThat(new String(store.blobs().read(store.inputs(run.nodeId()).get(0).blob().sha256()),
                    StandardCharsets.UTF_8)).isEqualTo("gc card");

            GcSummary second = store.gc(Duration.ZERO);
            assertThat(second.blobsRemoved()).isZero();
            assertThat(second.packsRewritten()).isZero();
            assertThat(second.blobsKept()).isEqualTo(3);

            BlobRef fresh = store.blobs().put("after gc".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(store.blobs().read(fresh.sha256()), StandardCharsets.UTF_8)).isEqualTo("after gc");
            store.close();
            Store reopened = h.open();
            for (FileEntry file : reopened.files(reopened.outputNode(run.nodeId()).orElseThrow().id())) {
                assertThat(reopened.blobs().read(file.blob().sha256())).hasSize((int) file.blob().sizeBytes());
            }
        }
    }

    @BothBackends
    void packsWithLittleGarbageAreLeftAlone(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Random random = new Random(5);
            byte[] big = new byte[50_000];
            random.nextBytes(big);
            BlobRef kept = store.blobs().put(big);
            byte[] small = new byte[1000];
            random.nextBytes(small);
            store.blobs().put(small);
            store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, kept, List.of(), null, 1, 0, null, null));
            long before = BlobStoreTest.packBytes(h);
            GcSummary summary = store.gc(Duration.ZERO);
            assertThat(summary.blobsRemoved()).isEqualTo(1);
            assertThat(summary.packsRewritten()).isZero();
            assertThat(summary.bytesFreed()).isZero();
            assertThat(BlobStoreTest.packBytes(h)).isEqualTo(before);
            assertThat(store.blobs().read(kept.sha256())).isEqualTo(big);
        }
    }
}
