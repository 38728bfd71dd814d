package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our tar writer and reader against each other and against GNU tar (the login nodes' tar). */
class TarTest {
    @TempDir
    Path tmp;

    private static final String LONG_SPLITTABLE = "d".repeat(80) + "/" + "e".repeat(90) + "/file.txt";
    private static final String LONG_PAX = "x".repeat(120) + "/" + "y".repeat(130) + "-ü.txt";

    private Path sampleTree() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("small"), "hello\n");
        Files.write(src.resolve("block"), new byte[512]);
        Files.createDirectories(src.resolve(LONG_SPLITTABLE).getParent());
        Files.writeString(src.resolve(LONG_SPLITTABLE), "split");
        Files.createDirectories(src.resolve(LONG_PAX).getParent());
        Files.writeString(src.resolve(LONG_PAX), "pax");
        Files.writeString(src.resolve("日本.txt"), "unicode");
        Files.createFile(src.resolve("empty"));
        return src;
    }

    @Test
    void ownWriterAndReaderRoundTrip() throws Exception {
        Path src = sampleTree();
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        TarTransfers.pack(List.of(new UploadEntry(src, "run")), tar);
        assertThat(tar.size() % 512).isZero();
        List<String> wanted = List.of("run/small", "run/" + LONG_PAX, "run/absent");
        TarTransfers.Unpacked out = TarTransfers.unpack(new ByteArrayInputStream(tar.toByteArray()), "test",
                wanted, tmp.resolve("out"));
        assertThat(out.result().files()).contains("run/small", "run/block", "run/" + LONG_SPLITTABLE,
                "run/" + LONG_PAX, "run/日本.txt", "run/empty");
        assertThat(out.result().missing()).containsExactly("run/absent");
        assertThat(Files.readString(tmp.resolve("out/run/" + LONG_PAX))).isEqualTo("pax");
        assertThat(Files.readAllBytes(tmp.resolve("out/run/block"))).isEqualTo(new byte[512]);
    }

    @Test
    void gnuTarReadsWhatWeWrite() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")));
        Path src = sampleTree();
        Path archive = tmp.resolve("a.tar");
        try (var out = Files.newOutputStream(archive)) {
            TarTransfers.pack(List.of(new UploadEntry(src, "run")), out);
        }
        Path dest = Files.createDirectories(tmp.resolve("gnu"));
        Process p = new ProcessBuilder("tar", "-xf", archive.toString()).directory(dest.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(Files.readString(dest.resolve("run/" + LONG_SPLITTABLE))).isEqualTo("split");
        assertThat(Files.readString(dest.resolve("run/" + LONG_PAX))).isEqualTo("pax");
        assertThat(Files.readString(dest.resolve("run/日本.txt"))).isEqualTo("unicode");
    }

    @Test
    void weReadWhatGnuTarWrites() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")));
        Path src = sampleTree();
        for (String format : List.of("gnu", "posix", "ustar")) {
            // ustar cannot hold the 250-byte name: leave that file out for it
            List<String> cmd = format.equals("ustar")
                    ? List.of("tar", "--format=ustar", "-cf", "-", "small", "block", LONG_SPLITTABLE, "日本.txt")
                    : List.of("tar", "--format=" + format, "-cf", "-", ".");
            Process p = new ProcessBuilder(cmd).directory(src.toFile()).start();
            byte[] tar = p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as(format + ": " + new String(p.getErrorStream().readAllBytes())).isZero();
            Path out = tmp.resolve("from-" + format);
            TarTransfers.Unpacked result = TarTransfers.unpack(new ByteArrayInputStream(tar), format,
                    List.of(), out);
            assertThat(Files.readString(out.resolve(LONG_SPLITTABLE))).as(format).isEqualTo("split");
            assertThat(Files.readString(out.resolve("日本.txt"))).as(format).isEqualTo("unicode");
            if (!format.equals("ustar")) {
                assertThat(Files.readString(out.resolve(LONG_PAX))).as(format).isEqualTo("pax");
                assertThat(result.result().files()).as(format).hasSize(6);
            }
        }
    }

    @Test
    void truncatedOrCorruptOrEscapingArchivesAreRefused() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        Path src = sampleTree();
        TarTransfers.pack(List.of(new UploadEntry(src.resolve("block"), "b")), tar);
        byte[] whole = tar.toByteArray();
        byte[] cut = Arrays.copyOf(whole, 700);
        assertThatThrownBy(() -> TarTransfers.unpack(new ByteArrayInputStream(cut), "cut", List.of(), tmp.resolve("c")))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("truncated");
        assertThat(tmp.resolve("c/b")).doesNotExist();
        byte[] noEnd = Arrays.copyOf(whole, 1024);
        assertThatThrownBy(() -> TarTransfers.unpack(new ByteArrayInputStream(noEnd), "noend", List.of(), tmp.resolve("n")))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("end-of-archive");
        byte[] corrupt = whole.clone();
        corrupt[10] ^= 0x55;
        assertThatThrownBy(() -> TarTransfers.unpack(new ByteArrayInputStream(corrupt), "bad", List.of(), tmp.resolve("x")))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("checksum");

        // A member named "../evil" (written by hand: our writer never emits one).
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(evil);
        w.file("../evil", 0644, 0, 1, new ByteArrayInputStream(new byte[] {1}));
        w.finish();
        assertThatThrownBy(() -> TarTransfers.unpack(new ByteArrayInputStream(evil.toByteArray()), "evil",
                List.of(), tmp.resolve("root")))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("..");
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void paxRecordLengthCountsItsOwnDigits() {
        assertThat(TarWriter.paxRecord("path", "a")).isEqualTo("9 path=a\n");
        // " path=" + 92 + "\n" is 99 bytes: two digits would make 101, which needs three: 102.
        String r = TarWriter.paxRecord("path", "z".repeat(92));
        assertThat(r).startsWith("102 ");
        assertThat(r.getBytes(StandardCharsets.UTF_8)).hasSize(102);
    }
}
