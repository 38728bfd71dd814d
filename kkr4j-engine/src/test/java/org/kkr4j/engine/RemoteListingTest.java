package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What comes home from a remote run directory, decided from one {@code find -printf} listing. */
class RemoteListingTest {
    private static final String A = "/work/root/3f1c0a52-0000-4000-8000-000000000001";
    private static final String B = "/work/root/3f1c0a52-0000-4000-8000-000000000002";

    @TempDir
    Path local;

    @Test
    void theListingIsSplitByRunDirectoryWithSizesAndTimes() {
        String out = String.join("\n",
                "120 1732500000.0000000000 " + A + "/inputcard",
                "5120 1732500007.1234567890 " + A + "/stdout.log",
                "2 1732500003.5000000000 " + A + "/.kkr4j/start",
                "0 1732500009.0000000000 " + B + "/name with spaces",
                "garbage line",
                "12 notatime " + B + "/x",
                "7 1732500001.0 /elsewhere/file") + "\n";
        Map<String, List<RemoteListing.RemoteFile>> byDir = RemoteListing.parse(out, List.of(A, B, A + "-absent"));
        assertThat(byDir.get(A)).containsExactly(
                new RemoteListing.RemoteFile("inputcard", 120, 1732500000L, 0),
                new RemoteListing.RemoteFile("stdout.log", 5120, 1732500007L, 123456789),
                new RemoteListing.RemoteFile(".kkr4j/start", 2, 1732500003L, 500000000));
        assertThat(byDir.get(B)).containsExactly(new RemoteListing.RemoteFile("name with spaces", 0, 1732500009L, 0));
        assertThat(byDir.get(A + "-absent")).isEmpty();
        assertThat(RemoteListing.command(List.of(A))).containsExactly("find", A, "-type", "f", "-printf",
                "%s %T@ %p\\n");
    }

    @Test
    void anUploadedFileComesHomeOnlyWhenTheRunChangedIt() throws Exception {
        long uploaded = 1732500000L;
        Path pot = local.resolve("data/pot");
        Path side = local.resolve("side.dat");
        Files.createDirectories(pot.getParent());
        Files.write(pot, new byte[100]);
        Files.write(side, new byte[50]);
        Files.setLastModifiedTime(pot, FileTime.fromMillis(uploaded * 1000 + 400));
        Files.setLastModifiedTime(side, FileTime.fromMillis(uploaded * 1000));
        List<RemoteListing.RemoteFile> files = List.of(
                new RemoteListing.RemoteFile("inputcard", 10, uploaded, 0),
                new RemoteListing.RemoteFile(".kkr4j/job.sh", 10, uploaded, 0),
                new RemoteListing.RemoteFile(".kkr4j/start", 10, uploaded + 5, 7),
                new RemoteListing.RemoteFile(".kkr4j/exit", 2, uploaded + 9, 7),
                // as uploaded: same size, the whole second tar restored, before the start
                new RemoteListing.RemoteFile("side.dat", 50, uploaded, 0),
                // rewritten by the run with the same size, on a file system that keeps whole seconds only
                new RemoteListing.RemoteFile("data/pot", 100, uploaded + 8, 0),
                new RemoteListing.RemoteFile(WorkDirectory.STDOUT, 999, uploaded + 9, 7));
        assertThat(RemoteListing.toFetch(files, local)).containsExactly(".kkr4j/start", ".kkr4j/exit", "data/pot",
                WorkDirectory.STDOUT);

        // the same size and time but not before the start marker: cannot be told apart, so it comes
        List<RemoteListing.RemoteFile> sameSecond = List.of(
                new RemoteListing.RemoteFile(".kkr4j/start", 10, uploaded, 7),
                new RemoteListing.RemoteFile("side.dat", 50, uploaded, 0));
        assertThat(RemoteListing.toFetch(sameSecond, local)).containsExactly(".kkr4j/start", "side.dat");

        // kept to the nanosecond (a copy that keeps the time) and before the start: it stays
        assertThat(RemoteListing.toFetch(List.of(new RemoteListing.RemoteFile(".kkr4j/start", 1, uploaded + 5, 7),
                new RemoteListing.RemoteFile("data/pot", 100, uploaded, 400_000_000)), local))
                .containsExactly(".kkr4j/start");

        // a size change, another fraction (written, not restored), or no start marker: it comes
        assertThat(RemoteListing.toFetch(List.of(new RemoteListing.RemoteFile(".kkr4j/start", 1, uploaded + 5, 7),
                new RemoteListing.RemoteFile("side.dat", 51, uploaded, 0)), local)).contains("side.dat");
        assertThat(RemoteListing.toFetch(List.of(new RemoteListing.RemoteFile(".kkr4j/start", 1, uploaded + 5, 7),
                new RemoteListing.RemoteFile("side.dat", 50, uploaded, 7)), local)).contains("side.dat");
        assertThat(RemoteListing.toFetch(List.of(new RemoteListing.RemoteFile("side.dat", 50, uploaded, 0)), local))
                .containsExactly("side.dat");
    }
}
