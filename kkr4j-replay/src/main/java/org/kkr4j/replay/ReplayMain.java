package org.kkr4j.replay;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replay executable: reads a card on stdin, finds the recorded run it matches in the working
 * directory, writes the recorded log to stdout, puts the recorded output files in place and exits with the
 * recorded status. For tests and the demo only; it computes nothing.
 *
 * <p>Its own failures use exit codes 2 to 5 and write nothing to stdout or the working directory
 * (except {@link #EXIT_WRITE_FAILED}, which can happen after part of the output was written).
 */
public final class ReplayMain {

    /** No root configured, a root missing or empty, a recording broken, or arguments given. */
    public static final int EXIT_CONFIGURATION = 2;
    /** No recorded run has the card bytes; stderr lists the nearest recorded cards. */
    public static final int EXIT_UNKNOWN_CARD = 3;
    /** The card is recorded, but an input file it read is missing or different in the working directory. */
    public static final int EXIT_INPUTS_DIFFER = 4;
    /** Writing stdout or an output file failed, or the replay was interrupted. */
    public static final int EXIT_WRITE_FAILED = 5;

    static final int NEAREST_LISTED = 5;
    /** The log is written in about this many pieces when the replay takes wall time. */
    static final int LOG_PIECES = 10;

    private static final String PREFIX = "kkr4j-replay: ";

    /** Temporary output files being written, removed by the shutdown hook when the process is terminated. */
    private static final Set<Path> TEMPORARY_FILES = ConcurrentHashMap.newKeySet();

    private ReplayMain() {
    }

    public static void main(String[] args) {
        PrintStream stderr = System.err;
        int code;
        if (args.length > 0) {
            stderr.println(PREFIX + "takes no arguments: the card is read from stdin, the working directory is the run directory");
            code = EXIT_CONFIGURATION;
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread("replay-cleanup") {
                @Override
                public void run() {
                    removeTemporaryFiles();
                }
            });
            OutputStream stdout = new FileOutputStream(FileDescriptor.out);
            code = replay(System.in, stdout, stderr, Path.of("").toAbsolutePath(), ReplayEnv.system());
        }
        System.out.flush();
        stderr.flush();
        // halt, not exit: all output is flushed, temporary files are gone, and exit would first set up
        // the platform logger (it logs Runtime.exit calls), a cost paid on every replayed call
        Runtime.getRuntime().halt(code);
    }

    /**
     * One call of the replay executable.
     *
     * @param stdin  the card
     * @param stdout receives the recorded log
     * @param stderr receives messages about failures of the replay itself
     * @param cwd    the run directory: input files are checked and output files written there
     * @param env    roots and timing
     * @return the recorded exit status, or one of the {@code EXIT_} codes of this class
     */
    public static int replay(InputStream stdin, OutputStream stdout, PrintStream stderr, Path cwd, ReplayEnv env) {
        List<Path> roots;
        Path indexCache;
        ReplayTiming timing;
        try {
            roots = env.roots();
            indexCache = env.indexCache();
            timing = env.timing();
        } catch (ReplayConfigurationException e) {
            stderr.println(PREFIX + e.getMessage());
            return EXIT_CONFIGURATION;
        }
        byte[] card;
        try {
            card = stdin.readAllBytes();
        } catch (IOException e) {
            stderr.println(PREFIX + "cannot read the card from stdin: " + e);
            return EXIT_CONFIGURATION;
        }

        Path workDirectory = cwd.toAbsolutePath().normalize();
        RecordingIndex index;
        CallMatch match;
        try {
            index = RecordingIndex.scan(roots, indexCache);
            match = index.match(card, workDirectory);
        } catch (RecordingRootException | RecordingFormatException e) {
            stderr.println(PREFIX + e.getMessage());
            return EXIT_CONFIGURATION;
        } catch (IOException e) {
            stderr.println(PREFIX + "cannot read the recordings: " + e);
            return EXIT_CONFIGURATION;
        }

        // an instanceof chain rather than a pattern switch: the switch bootstrap costs start-up time on every call
        if (match instanceof CallMatch.UnknownCard unknown) {
            stderr.print(unknownCardMessage(card, index, unknown));
            return EXIT_UNKNOWN_CARD;
        }
        if (match instanceof CallMatch.InputsDiffer differ) {
            stderr.print(inputsDifferMessage(workDirectory, differ));
            return EXIT_INPUTS_DIFFER;
        }
        return serve((CallMatch.Matched) match, stdout, stderr, workDirectory, timing);
    }

    private static int serve(CallMatch.Matched matched, OutputStream stdout, PrintStream stderr, Path workDirectory,
                             ReplayTiming timing) {
        Recording recording = matched.recording();
        Recording.Run run = matched.run();
        // everything is read before anything is written, so a broken recording leaves no trace
        byte[] log;
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        try {
            log = readRecorded(recording, run, "log", run.log());
            for (Map.Entry<String, Path> out : run.filesOut().entrySet()) {
                outputs.put(workDirectory.resolve(out.getKey()),
                        readRecorded(recording, run, "files_out " + out.getKey(), out.getValue()));
            }
        } catch (RecordingFormatException e) {
            stderr.println(PREFIX + e.getMessage());
            return EXIT_CONFIGURATION;
        }

        try {
            writeLog(log, stdout, timing.wallNanos(run));
            for (Map.Entry<Path, byte[]> out : outputs.entrySet()) {
                writeAtomically(out.getKey(), out.getValue());
            }
        } catch (IOException e) {
            stderr.println(PREFIX + "replaying " + run.card() + " failed while writing: " + e);
            return EXIT_WRITE_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println(PREFIX + "interrupted while replaying " + run.card());
            return EXIT_WRITE_FAILED;
        }
        return run.exitCode();
    }

    private static byte[] readRecorded(Recording recording, Recording.Run run, String what, Path file)
            throws RecordingFormatException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw RecordingIndex.missingFile(recording, run, what, file, e);
        }
    }

    /**
     * Writes the log, spread over {@code wallNanos} when that is positive: piece k (cut at line ends) at
     * k/n of the time, returning at the full time. A process killed meanwhile leaves a partial log, as a
     * killed run of the real code would.
     */
    static void writeLog(byte[] log, OutputStream stdout, long wallNanos) throws IOException, InterruptedException {
        if (wallNanos <= 0) {
            stdout.write(log);
            stdout.flush();
            return;
        }
        List<int[]> pieces = pieces(log, LOG_PIECES);
        long start = System.nanoTime();
        for (int k = 0; k < pieces.size(); k++) {
            sleepUntil(start + wallNanos / pieces.size() * k);
            stdout.write(log, pieces.get(k)[0], pieces.get(k)[1] - pieces.get(k)[0]);
            stdout.flush();
        }
        sleepUntil(start + wallNanos);
    }

    /** About {@code count} [from, to) ranges covering {@code bytes}, each ending after a newline where possible. */
    static List<int[]> pieces(byte[] bytes, int count) {
        List<int[]> pieces = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= count && from < bytes.length; k++) {
            int to = (int) ((long) bytes.length * k / count);
            if (k < count) {
                while (to < bytes.length && to > 0 && bytes[to - 1] != '\n') {
                    to++;
                }
            } else {
                to = bytes.length;
            }
            if (to > from) {
                pieces.add(new int[] {from, to});
                from = to;
            }
        }
        return pieces;
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Writes beside the target and renames, so that a reader never sees a partly written output file. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // the clock, not the process id, makes the name unique: ProcessHandle starts a thread pool
        Path temporary = parent.resolve("." + target.getFileName() + ".replay-"
                + Long.toHexString(System.nanoTime()) + ".tmp");
        TEMPORARY_FILES.add(temporary);
        try {
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
            TEMPORARY_FILES.remove(temporary);
        }
    }

    private static void removeTemporaryFiles() {
        for (Path temporary : TEMPORARY_FILES) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the process is terminating; a leftover temporary file is named so that it is recognisable
            }
        }
    }

    static String unknownCardMessage(byte[] card, RecordingIndex index, CallMatch.UnknownCard unknown) {
        StringBuilder m = new StringBuilder(PREFIX).append("no recorded run has this card (").append(card.length)
                .append(" bytes on stdin; ").append(index.runCount()).append(" runs in ")
                .append(index.recordings().size()).append(" recordings under ").append(index.roots())
                .append(").\n");
        if (unknown.nearest().isEmpty()) {
            return m.toString();
        }
        m.append("Nearest recorded cards (differing lines after normalising blanks, first difference):\n");
        for (CardNeighbour n : unknown.nearest()) {
            m.append("  ").append(n.run().card()).append(": ").append(n.differingLines())
                    .append(n.differingLines() == 1 ? " line differs" : " lines differ")
                    .append("; line ").append(n.firstDifferingLine()).append(" recorded ")
                    .append(quoted(n.recordedLine())).append(", given ").append(quoted(n.givenLine())).append('\n');
        }
        return m.toString();
    }

    static String inputsDifferMessage(Path workDirectory, CallMatch.InputsDiffer differ) {
        StringBuilder m = new StringBuilder(PREFIX)
                .append("the card is recorded, but the input files the recorded runs read are not in ")
                .append(workDirectory).append(" as recorded:\n");
        Map<String, List<InputMismatch>> byPath = new LinkedHashMap<>();
        for (InputMismatch x : differ.mismatches()) {
            List<InputMismatch> list = byPath.get(x.path());
            if (list == null) {
                list = new ArrayList<>();
                byPath.put(x.path(), list);
            }
            list.add(x);
        }
        for (List<InputMismatch> list : byPath.values()) {
            InputMismatch first = list.get(0);
            m.append("  ").append(first.path()).append(' ').append(first.problem());
            if (first.foundSha256() != null) {
                m.append(" (sha256 ").append(first.foundSha256()).append(')');
            }
            m.append('\n');
            for (InputMismatch x : list) {
                m.append("    recorded sha256 ").append(x.expectedSha256()).append(" for ").append(x.run().card())
                        .append('\n');
            }
        }
        return m.toString();
    }

    private static String quoted(String line) {
        return line == null ? "<end of card>" : "\"" + line + "\"";
    }
}
