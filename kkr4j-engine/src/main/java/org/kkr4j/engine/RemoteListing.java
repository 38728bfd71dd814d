package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kkr4j.remote.scheduler.RunLayout;

/**
 * The files of remote run directories with their sizes and modification times (one {@code find -printf} for
 * all of them), and which of them are worth bringing home: what the run wrote or changed, and the markers of
 * how it ended. The card and the input files the engine uploaded and the run left alone stay where they are:
 * their copies are here already (a potential given to a dos run can be most of the bytes).
 */
final class RemoteListing {
    /**
     * A remote file.
     *
     * @param path          relative to its run directory
     * @param mtimeSeconds  whole seconds of its modification time
     * @param mtimeNanos    the fraction, in nanoseconds (0 when {@code tar} restored the time)
     */
    record RemoteFile(String path, long sizeBytes, long mtimeSeconds, int mtimeNanos) {
    }

    private RemoteListing() {
    }

    /** Lists the regular files under every directory: size, modification time (fractional seconds), path. */
    static List<String> command(List<String> runDirectories) {
        List<String> argv = new ArrayList<>(List.of("find"));
        argv.addAll(runDirectories);
        argv.addAll(List.of("-type", "f", "-printf", "%s %T@ %p\\n"));
        return argv;
    }

    /**
     * Reads the listing, by run directory (every asked directory is a key, with no files when it is absent).
     * Lines that do not have the expected form (a name with a newline in it) are left out: such a file is not one
     * the engine or specx writes.
     */
    static Map<String, List<RemoteFile>> parse(String stdout, List<String> runDirectories) {
        Map<String, List<RemoteFile>> byDir = new LinkedHashMap<>();
        runDirectories.forEach(d -> byDir.put(d, new ArrayList<>()));
        for (String line : stdout.split("\n")) {
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) {
                continue;
            }
            String path = line.substring(b + 1);
            String dir = owner(path, runDirectories);
            Optional<long[]> time = seconds(line.substring(a + 1, b));
            if (dir == null || time.isEmpty()) {
                continue;
            }
            long size;
            try {
                size = Long.parseLong(line.substring(0, a));
            } catch (NumberFormatException e) {
                continue;
            }
            String prefix = dir.endsWith("/") ? dir : dir + "/";
            byDir.get(dir).add(new RemoteFile(path.substring(prefix.length()), size, time.get()[0],
                    (int) time.get()[1]));
        }
        return byDir;
    }

    private static String owner(String path, List<String> runDirectories) {
        for (String d : runDirectories) {
            String prefix = d.endsWith("/") ? d : d + "/";
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                return d;
            }
        }
        return null;
    }

    /** {@code 1732500000.1234567890} as whole seconds and nanoseconds. */
    private static Optional<long[]> seconds(String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        fraction = fraction.length() >= 9 ? fraction.substring(0, 9) : fraction + "0".repeat(9 - fraction.length());
        try {
            return Optional.of(new long[] {Long.parseLong(whole), Long.parseLong(fraction)});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The files of one run directory to bring home into {@code local} (its work directory, holding the card and
     * the inputs exactly as they were uploaded). An uploaded file is left out only when its size and modification
     * time are still the uploaded ones (to the nanosecond, or to the second when {@code tar} restored whole seconds)
     * and that time lies in a second before the job's start marker: whatever the run wrote has a time at or after
     * its start, even on file systems that keep whole seconds only. Without a start marker (the job never ran)
     * there is nothing of the run's to tell apart, so everything comes.
     */
    static List<String> toFetch(List<RemoteFile> files, Path local) throws IOException {
        Optional<Long> started = files.stream().filter(f -> f.path().equals(RunLayout.START))
                .map(RemoteFile::mtimeSeconds).findFirst();
        List<String> fetch = new ArrayList<>();
        for (RemoteFile f : files) {
            String rel = f.path();
            if (rel.equals(WorkDirectory.CARD)) {
                continue;
            }
            if (rel.startsWith(RunLayout.DIR + "/")) {
                if (rel.equals(RunLayout.EXIT) || rel.equals(RunLayout.END) || rel.equals(RunLayout.START)) {
                    fetch.add(rel);
                }
                continue;
            }
            if (started.isPresent() && unchangedUpload(f, local.resolve(rel), started.get())) {
                continue;
            }
            fetch.add(rel);
        }
        return fetch;
    }

    private static boolean unchangedUpload(RemoteFile f, Path here, long startedSeconds) throws IOException {
        if (!Files.isRegularFile(here)) {
            return false;
        }
        BasicFileAttributes a = Files.readAttributes(here, BasicFileAttributes.class);
        java.time.Instant uploaded = a.lastModifiedTime().toInstant();
        boolean sameTime = f.mtimeSeconds() == uploaded.getEpochSecond()
                && (f.mtimeNanos() == 0 || f.mtimeNanos() == uploaded.getNano());
        return sameTime && f.sizeBytes() == a.size() && uploaded.getEpochSecond() < startedSeconds;
    }
}
