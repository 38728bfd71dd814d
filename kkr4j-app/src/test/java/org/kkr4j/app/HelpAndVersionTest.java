package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers --help and --version (discovered, so new commands are covered). */
class HelpAndVersionTest {

    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Kkr4j.commandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        out.add(List.copyOf(prefix));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, out);
        });
    }

    @ParameterizedTest(name = "kkr4j {0} --help")
    @MethodSource("commandPaths")
    void helpWorks(List<String> path) {
        Result r = run(path, "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("Usage:");
        if (!path.isEmpty()) {
            assertThat(r.out).contains(path.get(path.size() - 1));
        }
    }

    @ParameterizedTest(name = "kkr4j {0} --version")
    @MethodSource("commandPaths")
    void versionWorks(List<String> path) {
        Result r = run(path, "--version");
        assertThat(r.code).isZero();
        assertThat(r.out).startsWith("kkr4j ").contains("Java ");
    }

    @org.junit.jupiter.api.Test
    void thereAreSubcommands() {
        assertThat(commandPaths().count()).isGreaterThan(1);
    }

    record Result(int code, String out, String err) {
    }

    static Result run(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        CommandLine cl = Kkr4j.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
