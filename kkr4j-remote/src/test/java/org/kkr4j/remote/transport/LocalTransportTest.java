package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;

class LocalTransportTest {
    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void argumentsReachTheProgramUntouched() throws Exception {
        LocalTransport local = new LocalTransport("local", tmp);
        List<String> awkward = List.of("a b", "it's", "$HOME", "a;b", "`id`", "ü 日本", "", "*");
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(awkward);
        CommandResult r = local.run(argv, T);
        StringBuilder expected = new StringBuilder();
        awkward.forEach(a -> expected.append('[').append(a).append("]\n"));
        assertThat(r.stdout()).isEqualTo(expected.toString());
        assertThat(local.run(List.of("sh", "-c", "pwd; echo e >&2; exit 3"), T))
                .isEqualTo(new CommandResult(3, tmp.toRealPath() + "\n", "e\n"));
        assertThatThrownBy(() -> local.run(List.of("echo", "a\nb"), T)).isInstanceOf(UnsafeArgumentException.class);
        assertThat(local.stats().commandsRun()).isEqualTo(2);
    }

    @Test
    void slowCommandsAreKilledAtTheTimeout() {
        LocalTransport local = new LocalTransport("local", tmp);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> local.run(List.of("sleep", "10"), Duration.ofMillis(300)))
                .isInstanceOf(TransportTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void uploadDownloadAndFileOperationsWorkUnderTheHomeDirectory() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        LocalTransport local = new LocalTransport("local", home);
        Path run = Files.createDirectories(tmp.resolve("src/r1/sub"));
        Files.writeString(run.resolve("x"), "X");
        local.upload(List.of(new UploadEntry(run.getParent(), "runs/r1")), "~/work", T);
        assertThat(Files.readString(home.resolve("work/runs/r1/sub/x"))).isEqualTo("X");

        DownloadResult d = local.download("work", List.of("runs/r1/sub/x", "runs/none"), tmp.resolve("back"), T);
        assertThat(d.files()).containsExactly("runs/r1/sub/x");
        assertThat(d.missing()).containsExactly("runs/none");
        assertThat(Files.readString(tmp.resolve("back/runs/r1/sub/x"))).isEqualTo("X");

        local.writeFile("work/f", "abc".getBytes(), T);
        assertThat(local.readFile("work/f", 10, T)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("abc"));
        assertThat(local.readFile("work/none", 10, T)).isEmpty();
        assertThatThrownBy(() -> local.readFile("work/f", 2, T)).isInstanceOf(RemoteOperationException.class);
        assertThat(local.stat("work/f", T)).contains(new RemoteFileStat(RemoteFileStat.Kind.FILE, 3));
        assertThat(local.stat("work", T)).contains(new RemoteFileStat(RemoteFileStat.Kind.DIRECTORY, 0));
        assertThat(local.exists("work/none", T)).isFalse();
        local.removeTree("work/runs", T);
        assertThat(home.resolve("work/runs")).doesNotExist();
        assertThatThrownBy(() -> local.removeTree("~", T)).isInstanceOf(UnsafeArgumentException.class);
    }
}
