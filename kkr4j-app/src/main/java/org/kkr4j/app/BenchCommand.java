package org.kkr4j.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.akaikkr.side.InfoFileParser;
import org.kkr4j.io.akaikkr.side.SpcFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j bench ...}: speed measurements printed as ratios against a baseline run side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks that print throughput and a ratio against a baseline run in the same command.",
        subcommands = {BenchCommand.Parse.class, BenchConvertCommand.class, BenchStoreCommand.class,
            BenchEwidthCommand.class, BenchMlCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Parse the whole AkaiKKR fixture corpus (logs with every quantity, spc and info files)",
                "and print MB/s and files/s; then run the baseline - a python3 script with the access",
                "pattern of the reference Python library (one reader per getter, each re-reading the",
                "file) - on the same logs and print the ratio."})
    static final class Parse implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--shared", paramLabel = "DIR",
                description = "the shared data root (default: ../shared beside the kkr4j checkout)")
        Path shared;

        @Option(names = "--rounds", defaultValue = "10", description = "timed rounds (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--passes", defaultValue = "10",
                description = "passes over the corpus per round, so that a round lasts long against the 10 ms "
                        + "steps of the process CPU clock (default ${DEFAULT-VALUE})")
        int passes;

        @Option(names = "--warmup", defaultValue = "10",
                description = "untimed warm-up rounds at least, so that the JIT has compiled the parsers (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--warmup-limit", defaultValue = "60",
                description = "warm-up rounds at most: after --warmup, warm-up goes on until the JIT compiler has been "
                        + "quiet for two rounds (default ${DEFAULT-VALUE})")
        int warmupLimit;

        @Option(names = "--threads", defaultValue = "0",
                description = "also time the logs parsed by this many threads at once (default: the number of cores)")
        int threads;

        @Option(names = "--baseline-rounds", defaultValue = "3",
                description = "rounds of the python3 baseline, best taken (default ${DEFAULT-VALUE})")
        int baselineRounds;

        @Option(names = "--no-baseline", description = "skip the python3 baseline")
        boolean noBaseline;

        @Option(names = "--python", defaultValue = "python3", description = "python interpreter for the baseline")
        String python;

        /** Issue 2: single-thread parsing at least this many times faster than the reference on the same files. */
        static final double REQUIRED_RATIO = 50;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || passes < 1 || warmup < 0) {
                throw new IllegalArgumentException("--rounds and --passes must be >= 1 and --warmup >= 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path root = SharedLocation.resolve(shared).resolve("fixtures/akaikkr");
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("fixture corpus not found: " + root + " (use --shared DIR)");
            }
            FixtureCorpus corpus = FixtureCorpus.scan(root);
            out.printf("corpus: %s%n", root);
            out.printf("  %d specx logs (%.2f MB), %d spc files (%.2f MB), %d info files (%.2f MB)%n",
                    corpus.logs().size(), mb(corpus.logBytes()), corpus.spcs().size(), mb(corpus.spcBytes()),
                    corpus.infos().size(), mb(corpus.infoBytes()));
            out.flush();

            Timing logs = time("kkr4j logs", corpus.logs(), Parse::parseLog, 1);
            int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            Timing parallel = cores > 1 ? time("kkr4j logs x" + cores, corpus.logs(), Parse::parseLog, cores) : null;
            Timing side = time("kkr4j spc+info", corpus.sideFiles(), Parse::parseSide, 1);
            out.printf("kkr4j, logs (every quantity, one parse):   %8.1f MB/s  %9.1f files/s  (process CPU time, best of %d rounds"
                    + " of %d passes: %.1f ms per pass; median %.1f ms)%n", logs.mbPerSecond(), logs.filesPerSecond(), rounds,
                    passes, logs.bestSeconds() * 1e3, logs.medianSeconds() * 1e3);
            out.printf("  warm-up: %s%n", logs.warmup());
            if (parallel != null) {
                out.printf("kkr4j, logs, %d files at once (%d threads):  %8.1f MB/s  %9.1f files/s  (wall time)%n", cores, cores,
                        parallel.mbPerSecond(), parallel.filesPerSecond());
            }
            out.printf("kkr4j, spc + info side files:              %8.1f MB/s  %9.1f files/s%n",
                    side.mbPerSecond(), side.filesPerSecond());
            long allBytes = corpus.logBytes() + corpus.spcBytes() + corpus.infoBytes();
            double allSeconds = logs.bestSeconds() + side.bestSeconds();
            out.printf("kkr4j, whole corpus:                       %8.1f MB/s  %9.1f files/s%n",
                    allBytes / 1e6 / allSeconds, corpus.fileCount() / allSeconds);
            out.flush();
            if (noBaseline) {
                out.println("baseline: skipped (--no-baseline)");
                return 0;
            }
            Baseline base = runBaseline(corpus.logs());
            if (base == null) {
                return 0;
            }
            double baseMbs = base.bytes / 1e6 / base.seconds;
            out.printf("baseline (python3, %d getters per log, each re-reading the file): %8.1f MB/s  %9.1f files/s  (CPU time)%n",
                    base.getters, baseMbs, base.files / base.seconds);
            double ratio = logs.mbPerSecond() / baseMbs;
            out.printf("ratio kkr4j / baseline on the same %d logs, one thread each, CPU time: %.1f x"
                            + "   (issue requirement: >= %.0f x on one thread: %s)%n",
                    corpus.logs().size(), ratio, REQUIRED_RATIO, ratio >= REQUIRED_RATIO ? "met" : "NOT met");
            if (parallel != null) {
                out.printf("ratio with kkr4j on %d threads, wall time (the baseline uses one CPU; not the requirement): %.1f x%n",
                        cores, parallel.mbPerSecond() / baseMbs);
            }
            return 0;
        }

        private static double mb(long bytes) {
            return bytes / 1e6;
        }

        private static long parseLog(FixtureCorpus.Entry e) {
            SpecxLog log = SpecxLogParser.parse(SourceText.of(e.name(), e.bytes()));
            return log.decks().size() + log.lineCount();
        }

        private static long parseSide(FixtureCorpus.Entry e) {
            SourceText text = SourceText.of(e.name(), e.bytes());
            return e.name().endsWith(".info") ? InfoFileParser.parse(text).entries().size()
                    : SpcFileParser.parse(text).kCount();
        }

        /** CPU time of the whole JVM: the parsing thread plus the garbage collector working for it. */
        private static final com.sun.management.OperatingSystemMXBean CPU =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        /** Per-pass seconds of the best and the median timed round, and how the warm-up ended. */
        record Timing(long bytes, int files, double bestSeconds, double medianSeconds, String warmup) {
            double mbPerSecond() {
                return bytes / 1e6 / bestSeconds;
            }

            double filesPerSecond() {
                return files / bestSeconds;
            }
        }

        interface Work {
            long apply(FixtureCorpus.Entry e);
        }

        private static final java.lang.management.CompilationMXBean JIT =
                java.lang.management.ManagementFactory.getCompilationMXBean();

        /**
         * Runs warm-up rounds, then timed rounds. One thread: each round is timed in process CPU time
         * (parser and garbage collector), which other processes on the machine do not inflate, like the
         * baseline's; several threads: wall time. The warm-up lasts at least --warmup rounds and then goes
         * on (up to --warmup-limit) until two rounds in a row saw JIT compilation under 1 % of their
         * time: on two busy cores the compiler threads take many rounds to finish the parsers, and a round
         * timed before then counts their CPU time and the slower code they are replacing.
         */
        private Timing time(String label, List<FixtureCorpus.Entry> files, Work work, int threadCount) {
            long bytes = files.stream().mapToLong(e -> e.bytes().length).sum();
            long sink = 0;
            double[] timed = new double[rounds];
            int limit = Math.max(warmup, warmupLimit);
            boolean jitClock = JIT != null && JIT.isCompilationTimeMonitoringSupported();
            int warmRounds = 0;
            int quietInARow = 0;
            java.util.concurrent.ForkJoinPool pool = threadCount > 1 ? new java.util.concurrent.ForkJoinPool(threadCount) : null;
            try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), label, (long) limit + rounds)) {
                for (int r = 0; ; r++) {
                    boolean warming = warmRounds < warmup
                            || (warmRounds < limit && jitClock && quietInARow < 2);
                    if (!warming && r - warmRounds == rounds) {
                        break;
                    }
                    long jit0 = jitClock ? JIT.getTotalCompilationTime() : 0;
                    long t0 = System.nanoTime();
                    long c0 = CPU.getProcessCpuTime();
                    for (int pass = 0; pass < passes; pass++) {
                        if (pool == null) {
                            for (FixtureCorpus.Entry e : files) {
                                sink += work.apply(e);
                            }
                        } else {
                            sink += pool.submit(() -> files.parallelStream().mapToLong(work::apply).sum()).join();
                        }
                    }
                    long cpuNanos = CPU.getProcessCpuTime() - c0;
                    long wallNanos = System.nanoTime() - t0;
                    double s = (pool == null ? cpuNanos : wallNanos) / 1e9 / passes;
                    if (warming) {
                        warmRounds++;
                        long jitMillis = jitClock ? JIT.getTotalCompilationTime() - jit0 : 0;
                        quietInARow = jitMillis * 100 <= Math.max(cpuNanos, wallNanos) / 1_000_000 ? quietInARow + 1 : 0;
                        if (warmRounds >= warmup && (warmRounds >= limit || !jitClock || quietInARow >= 2)) {
                            bar.advanceTo(limit);
                        } else {
                            bar.step();
                        }
                    } else {
                        timed[r - warmRounds] = s;
                        bar.step();
                    }
                }
            }
            if (pool != null) {
                pool.shutdown();
            }
            if (sink == 42) {
                spec.commandLine().getErr().println();
            }
            String how;
            if (!jitClock) {
                how = warmRounds + " rounds (JIT activity not measurable in this JVM)";
            } else if (quietInARow >= 2) {
                how = warmRounds + " rounds of " + passes + " passes, the last two with the JIT quiet";
            } else if (limit > warmup) {
                how = warmRounds + " rounds, the limit: the JIT was still compiling (raise --warmup-limit)";
            } else {
                how = warmRounds + " rounds of " + passes + " passes (fixed by --warmup-limit)";
            }
            double[] sorted = timed.clone();
            java.util.Arrays.sort(sorted);
            return new Timing(bytes, files.size(), sorted[0], sorted[sorted.length / 2], how);
        }

        record Baseline(long bytes, int files, double seconds, int getters) {
        }

        private Baseline runBaseline(List<FixtureCorpus.Entry> logs) throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Path script = Files.createTempFile("kkr4j-baseline", ".py");
            try {
                try (InputStream in = BenchCommand.class.getResourceAsStream("bench/getter_pattern_baseline.py")) {
                    if (in == null) {
                        throw new IllegalStateException("bundled baseline script missing");
                    }
                    Files.write(script, in.readAllBytes());
                }
                List<String> cmd = new ArrayList<>(List.of(python, script.toString(), Integer.toString(baselineRounds)));
                logs.forEach(e -> cmd.add(e.path().toString()));
                Process p;
                try {
                    p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
                } catch (IOException noPython) {
                    out.println("baseline: not run (" + python + " not available: " + noPython.getMessage() + ")");
                    return null;
                }
                String stdout = new String(p.getInputStream().readAllBytes());
                String stderr = new String(p.getErrorStream().readAllBytes());
                if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    out.println("baseline: failed: " + stderr.strip());
                    return null;
                }
                JsonNode r = Json.mapper().readTree(stdout);
                return new Baseline(r.get("bytes").asLong(), r.get("files").asInt(), r.get("seconds").asDouble(),
                        r.get("getters").asInt());
            } finally {
                Files.deleteIfExists(script);
            }
        }
    }

    /** The fixture files of each kind, read into memory once so that timing excludes the disk. */
    record FixtureCorpus(List<Entry> logs, List<Entry> spcs, List<Entry> infos) {

        record Entry(Path path, String name, byte[] bytes) {
        }

        static FixtureCorpus scan(Path root) {
            List<Entry> logs = new ArrayList<>();
            List<Entry> spcs = new ArrayList<>();
            List<Entry> infos = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (name.endsWith("_up.spc") || name.endsWith("_dn.spc")) {
                        spcs.add(entry(p, rel));
                    } else if (name.endsWith(".info")) {
                        infos.add(entry(p, rel));
                    } else if (isLog(rel, name)) {
                        logs.add(entry(p, rel));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new FixtureCorpus(logs, spcs, infos);
        }

        private static boolean isLog(String rel, String name) {
            return (name.startsWith("out_") && name.endsWith(".log")) || name.endsWith(".out")
                    || rel.contains("-dist/out/") || rel.startsWith("akaitools-samples/out/");
        }

        private static Entry entry(Path p, String rel) {
            try {
                return new Entry(p, rel, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Entry> sideFiles() {
            List<Entry> all = new ArrayList<>(spcs);
            all.addAll(infos);
            return all;
        }

        long logBytes() {
            return logs.stream().mapToLong(e -> e.bytes().length).sum();
        }

        long spcBytes() {
            return spcs.stream().mapToLong(e -> e.bytes().length).sum();
        }

        long infoBytes() {
            return infos.stream().mapToLong(e -> e.bytes().length).sum();
        }

        int fileCount() {
            return logs.size() + spcs.size() + infos.size();
        }
    }
}
