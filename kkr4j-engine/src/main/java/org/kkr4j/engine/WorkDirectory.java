package org.kkr4j.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The directory one run executes in, and the small files through which the run survives the engine:
 * the wrapper claims the directory (so a second launch cannot start the code again), writes its pid and,
 * when the code ends, its exit status. These are in {@code .kkr4j/}; everything else is the code's.
 */
public final class WorkDirectory {
    public static final String CARD = "inputcard";
    public static final String STDOUT = "stdout.log";
    public static final String STDERR = "stderr.log";
    static final String META = ".kkr4j";
    /** The wrapper's exit status when the directory was already claimed by another launch. */
    static final int ALREADY_CLAIMED = 99;

    private final Path dir;

    public WorkDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    Path meta(String name) {
        return dir.resolve(META).resolve(name);
    }

    public boolean claimed() {
        return Files.isDirectory(meta("claim"));
    }

    public OptionalLong pid() {
        return readLong(meta("pid"));
    }

    /** The exit status the wrapper recorded, if the code has ended. */
    public Optional<Integer> exitStatus() {
        OptionalLong v = readLong(meta("exit"));
        return v.isPresent() ? Optional.of((int) v.getAsLong()) : Optional.empty();
    }

    public Termination termination() {
        try {
            return Termination.valueOf(Files.readString(meta("terminated")).strip());
        } catch (NoSuchFileException e) {
            return Termination.NONE;
        } catch (IOException | IllegalArgumentException e) {
            return Termination.NONE;
        }
    }

    /** Written before the engine signals the code, so that whoever collects the run knows why it stopped. */
    public void markTermination(Termination why) throws IOException {
        Files.createDirectories(meta("x").getParent());
        Files.writeString(meta("terminated"), why.name());
    }

    /** Creates the directory with the card, the input files and the directories the card's files need. */
    public void stage(byte[] card, List<StagedFile> inputs, List<String> directories, Path executable, int threads)
            throws IOException {
        if (Files.exists(dir)) {
            deleteRecursively();
        }
        Files.createDirectories(dir.resolve(META));
        Files.write(dir.resolve(CARD), card);
        for (String d : directories) {
            Files.createDirectories(dir.resolve(d));
        }
        for (StagedFile in : inputs) {
            Path target = dir.resolve(in.path());
            Files.createDirectories(target.getParent());
            in.writer().writeTo(target);
        }
        Path script = meta("run.sh");
        Files.writeString(script, wrapperScript(executable, threads), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A file to place in the work directory; the writer verifies content while copying. */
    public record StagedFile(String path, FileWriter writer) {
    }

    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path target) throws IOException;
    }

    /**
     * The wrapper runs the code once. {@code mkdir} is atomic, so of two launches of the same directory
     * (an engine restarted while the first wrapper was starting) only one proceeds. The status is written
     * to a temporary name and renamed, so a reader never sees half of it.
     */
    static String wrapperScript(Path executable, int threads) {
        return "#!/bin/sh\n"
                + "# written by kkr4j: runs the code once in this directory and records its exit status\n"
                + "mkdir " + META + "/claim 2>/dev/null || exit " + ALREADY_CLAIMED + "\n"
                + "echo $$ > " + META + "/pid.tmp && mv " + META + "/pid.tmp " + META + "/pid\n"
                + "OMP_NUM_THREADS=" + threads + "\n"
                + "export OMP_NUM_THREADS\n"
                + "ulimit -s unlimited 2>/dev/null\n"
                + shellQuote(executable.toString()) + " < " + CARD + " > " + STDOUT + " 2> " + STDERR + "\n"
                + "status=$?\n"
                + "echo $status > " + META + "/exit.tmp && mv " + META + "/exit.tmp " + META + "/exit\n";
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Starts the wrapper in its own session, detached from the engine's terminal and streams. */
    public Process launch() throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // a Ctrl-C aimed at `kkr4j run --wait` must not reach specx
            command.add("/usr/bin/setsid");
        }
        command.add("/bin/sh");
        command.add(META + "/run.sh");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(meta("wrapper.out").toFile());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    public byte[] readOutput(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }

    /** Every regular file the code may have written: all but the engine's own files and the card. */
    public List<String> codeFiles() throws IOException {
        List<String> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(dir.resolve(META)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !rel.equals(CARD)) {
                    files.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(String::compareTo);
        return files;
    }

    public void deleteRecursively() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static OptionalLong readLong(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
