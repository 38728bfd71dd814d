package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.store.blob.PackFile;
import org.kkr4j.store.blob.Sha256;

class BlobStoreTest {

    @BothBackends
    void storesReadsAndDeduplicates(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            BlobStore blobs = store.blobs();
            byte[] text = "potential file\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
            BlobRef ref = blobs.put(text);
            assertThat(ref).isEqualTo(new BlobRef(Sha256.of(text), text.length));
            assertThat(blobs.contains(ref.sha256())).isTrue();
            assertThat(blobs.read(ref.sha256())).isEqualTo(text);
            long packBytes = packBytes(h);
            assertThat(packBytes).isLessThan(text.length / 4);

            assertThat(blobs.put(text.clone())).isEqualTo(ref);
            Path file = dir.resolve("same.txt");
            Files.write(file, text);
            assertThat(blobs.put(file)).isEqualTo(ref);
            assertThat(packBytes(h)).isEqualTo(packBytes);
            assertThat(ConcurrencyTest.count(h, "blob")).isEqualTo(1);

            byte[] random = new byte[1 << 20];
            new Random(7).nextBytes(random);
            Path big = dir.resolve("big.bin");
            Files.write(big, random);
            BlobRef bigRef = blobs.put(big);
            try (InputStream in = blobs.open(bigRef.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(random);
            }
            Path copy = dir.resolve("out/nested/copy.bin");
            blobs.copyTo(bigRef.sha256(), copy);
            assertThat(Files.readAllBytes(copy)).isEqualTo(random);
            assertThat(blobs.put(new byte[0]).sizeBytes()).isZero();
            assertThat(blobs.read(Sha256.of(new byte[0]))).isEmpty();

            assertThat(blobs.contains("f".repeat(64))).isFalse();
            assertThatThrownBy(() -> blobs.read("f".repeat(64))).isInstanceOf(NoSuchBlobException.class);
            assertThatThrownBy(() -> blobs.contains("xyz")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @BothBackends
    void aDamagedPackByteIsReportedWithPackAndOffset(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            BlobRef first = store.blobs().put("first blob, stays intact".getBytes(StandardCharsets.UTF_8));
            byte[] bytes = "second blob ".repeat(300).getBytes(StandardCharsets.UTF_8);
            long offset = Files.size(pack(h, 1));
            BlobRef second = store.blobs().put(bytes);
            try (RandomAccessFile raf = new RandomAccessFile(pack(h, 1).toFile(), "rw")) {
                long at = offset + 56 + 5;
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ 0x5a);
            }
            assertThatThrownBy(() -> store.blobs().read(second.sha256())).isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining(second.sha256())
                    .hasMessageContaining(pack(h, 1).toString())
                    .hasMessageContaining("offset " + offset);
            assertThatThrownBy(() -> store.blobs().copyTo(second.sha256(), dir.resolve("copy")))
                    .isInstanceOf(CorruptBlobException.class);
            assertThat(dir.resolve("copy")).doesNotExist();
            assertThat(new String(store.blobs().read(first.sha256()), StandardCharsets.UTF_8)).isEqualTo("first blob, stays intact");

            try (RandomAccessFile raf = new RandomAccessFile(pack(h, 1).toFile(), "rw")) {
                raf.setLength(offset + 60);
            }
            assertThatThrownBy(() -> store.blobs().read(second.sha256())).isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining("ends inside");
        }
    }

    @BothBackends
    void packsRollOverAtTheConfiguredSize(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open(StoreHarness.fastOptions().withPackRollBytes(4096));
            Random random = new Random(3);
            java.util.List<byte[]> contents = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] bytes = new byte[1500];
                random.nextBytes(bytes);
                contents.add(bytes);
                store.blobs().put(bytes);
            }
            try (Stream<Path> packs = Files.list(h.location().home().resolve("blobs"))) {
                assertThat(packs.filter(p -> p.getFileName().toString().endsWith(".pack")).count()).isGreaterThanOrEqualTo(4);
            }
            for (byte[] bytes : contents) {
                assertThat(store.blobs().read(Sha256.of(bytes))).isEqualTo(bytes);
            }
        }
    }

    @BothBackends
    void aFullDiskLeavesNoPartialEntryAndSaysSo(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store healthy = h.open();
            BlobRef kept = healthy.blobs().put("written before the disk filled".getBytes(StandardCharsets.UTF_8));
            long sizeBefore = Files.size(pack(h, 1));
            healthy.close();

            PackFile.Opener fillsUp = path -> {
                PackFile real = PackFile.CHANNELS.open(path);
                return new PackFile() {
                    @Override
                    public long size() throws IOException {
                        return real.size();
                    }

                    @Override
                    public void write(ByteBuffer bytes, long position) throws IOException {
                        ByteBuffer half = bytes.duplicate();
                        half.limit(half.position() + Math.max(1, half.remaining() / 2));
                        real.write(half, position);
                        throw new IOException("No space left on device");
                    }

                    @Override
                    public void force() throws IOException {
                        real.force();
                    }

                    @Override
                    public void truncate(long size) throws IOException {
                        real.truncate(size);
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }
                };
            };
            Store full = h.open(StoreHarness.fastOptions(), fillsUp);
            byte[] bytes = "this does not fit ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> full.blobs().put(bytes)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk full")
                    .hasMessageContaining(pack(h, 1).toString());
            assertThat(Files.size(pack(h, 1))).isEqualTo(sizeBefore);
            assertThat(full.blobs().contains(Sha256.of(bytes))).isFalse();
            assertThat(full.blobs().read(kept.sha256())).isNotEmpty();
            full.close();

            Store again = h.open();
            BlobRef ref = again.blobs().put(bytes);
            assertThat(again.blobs().read(ref.sha256())).isEqualTo(bytes);
        }
    }

    static Path pack(StoreHarness h, int number) {
        return h.location().home().resolve("blobs").resolve(String.format("pack-%06d.pack", number));
    }

    static long packBytes(StoreHarness h) throws IOException {
        try (Stream<Path> files = Files.list(h.location().home().resolve("blobs"))) {
            long total = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".pack")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
