package org.kkr4j.replay;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the replay executable: a POSIX sh script that runs {@link ReplayMain} on a given JVM and class
 * path, so that callers can use it wherever they would use the path of the real code
 * ({@code EXE < card > log}).
 */
public final class ReplayLauncher {

    /**
     * JVM options for a short-lived process: C1 only and the serial collector start fastest; no perf-data
     * file; JVM log messages go to stderr, because stdout must carry exactly the recorded log.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
            "-Xlog:disable", "-Xlog:all=warning:stderr");

    /** Names the repository hooks reject, kept out of launcher names so a launcher is never mistaken for the real code. */
    private static final Pattern FORBIDDEN_NAME = Pattern.compile("cpa20\\d\\d|specx|fmg|\\.f$");

    private ReplayLauncher() {
    }

    /**
     * Writes {@code directory/name}, executable (mode 755), replacing an existing file atomically.
     *
     * @param directory where to put the script (created if missing)
     * @param name      file name of the script
     * @param javaHome  a Java 21+ installation; {@code javaHome/bin/java} runs the replay
     * @param classpath class path holding this module and jackson-core (e.g. the shaded application jar,
     *                  or {@code System.getProperty("java.class.path")} in tests)
     * @param roots     recording roots exported as {@value ReplayEnv#ROOTS_VARIABLE} unless the caller's
     *                  environment already sets it non-empty. The script also exports
     *                  {@value ReplayEnv#INDEX_CACHE_VARIABLE} as {@code directory/.name.index} unless the
     *                  caller's environment sets it (empty: no cache)
     * @return the script's absolute path
     */
    public static Path writeLauncher(Path directory, String name, Path javaHome, String classpath, List<Path> roots)
            throws IOException {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("launcher name must be a plain file name: \"" + name + "\"");
        }
        if (FORBIDDEN_NAME.matcher(name.toLowerCase(Locale.ROOT)).find()) {
            throw new IllegalArgumentException("launcher name \"" + name
                    + "\" looks like the name of the real code; choose another");
        }
        Path java = javaHome.toAbsolutePath().resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no executable java in " + javaHome + " (looked for " + java + ")");
        }
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("empty class path");
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no recording root given");
        }

        Path dir = Files.createDirectories(directory.toAbsolutePath().normalize());
        Path script = dir.resolve(name);
        Path temporary = dir.resolve("." + name + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(temporary, script(java, classpath, roots, dir.resolve("." + name + ".index")),
                    StandardCharsets.UTF_8);
            makeExecutable(temporary);
            Files.move(temporary, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return script;
    }

    static String script(Path java, String classpath, List<Path> roots, Path indexCache) {
        StringBuilder rootList = new StringBuilder();
        for (Path root : roots) {
            if (!rootList.isEmpty()) {
                rootList.append(File.pathSeparator);
            }
            rootList.append(root.toAbsolutePath().normalize());
        }
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# kkr4j replay executable: serves recorded runs of AkaiKKR for tests and the demo.\n");
        s.append("# It computes nothing; see the README of the kkr4j-replay module.\n");
        s.append("if [ -z \"${").append(ReplayEnv.ROOTS_VARIABLE).append(":-}\" ]; then\n");
        s.append("  ").append(ReplayEnv.ROOTS_VARIABLE).append('=').append(shellQuoted(rootList.toString())).append('\n');
        s.append("  export ").append(ReplayEnv.ROOTS_VARIABLE).append('\n');
        s.append("fi\n");
        s.append("if [ -z \"${").append(ReplayEnv.INDEX_CACHE_VARIABLE).append("+set}\" ]; then\n");
        s.append("  ").append(ReplayEnv.INDEX_CACHE_VARIABLE).append('=').append(shellQuoted(indexCache.toString())).append('\n');
        s.append("  export ").append(ReplayEnv.INDEX_CACHE_VARIABLE).append('\n');
        s.append("fi\n");
        s.append("exec ").append(shellQuoted(java.toString()));
        for (String option : JVM_OPTIONS) {
            s.append(' ').append(option);
        }
        s.append(" -cp ").append(shellQuoted(classpath)).append(' ').append(ReplayMain.class.getName()).append(" \"$@\"\n");
        return s.toString();
    }

    /** Single-quoted for sh: nothing inside is expanded; a quote becomes {@code '\''}. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot make " + file + " executable: the file system has no POSIX permissions", e);
        }
    }
}
