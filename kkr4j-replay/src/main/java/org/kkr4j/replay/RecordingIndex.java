package org.kkr4j.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All recordings under one or more roots, and the matching of a call against them
 * (RECORDINGS.md, "How a replay matches a call").
 *
 * <p>Card files are read lazily: a call first compares its length with the size of each card file and
 * reads only the cards of equal length, so the cost of a call is one scan of the manifests plus a few small
 * reads. Card sizes and contents are remembered for the life of the index (recordings are immutable
 * fixtures), which keeps repeated in-process matching cheap.
 */
public final class RecordingIndex {

    // Comparators are classes, not lambdas: the first lambda of a process costs tens of milliseconds of
    // bootstrap, paid on every replayed call.
    private static final Comparator<Recording> BY_DIRECTORY = new Comparator<>() {
        @Override
        public int compare(Recording a, Recording b) {
            return a.directory().compareTo(b.directory());
        }
    };

    private static final Comparator<Candidate> MOST_SPECIFIC_FIRST = new Comparator<>() {
        @Override
        public int compare(Candidate a, Candidate b) {
            int byInputs = Integer.compare(b.run().filesInSha256().size(), a.run().filesInSha256().size());
            if (byInputs != 0) {
                return byInputs;
            }
            int byDirectory = a.recording().directory().compareTo(b.recording().directory());
            return byDirectory != 0 ? byDirectory : Integer.compare(a.run().index(), b.run().index());
        }
    };

    private static final Comparator<CardNeighbour> NEAREST_FIRST = new Comparator<>() {
        @Override
        public int compare(CardNeighbour a, CardNeighbour b) {
            int byDistance = Integer.compare(a.differingLines(), b.differingLines());
            return byDistance != 0 ? byDistance : a.run().card().compareTo(b.run().card());
        }
    };

    private final List<Path> roots;
    private final List<Recording> recordings;
    private final Map<Path, Long> cardSizes = new ConcurrentHashMap<>();
    private final Map<Path, byte[]> cardBytes = new ConcurrentHashMap<>();

    private RecordingIndex(List<Path> roots, List<Recording> recordings) {
        this.roots = List.copyOf(roots);
        this.recordings = List.copyOf(recordings);
    }

    /**
     * Finds every {@code recording.json} below each root (symbolic links to directories are not followed)
     * and reads it.
     *
     * @throws RecordingRootException   a root is missing, not a directory, or holds no recording
     * @throws RecordingFormatException a manifest cannot be used
     */
    public static RecordingIndex scan(List<Path> roots) throws IOException {
        return scan(roots, null);
    }

    /**
     * As {@link #scan(List)}, reusing the manifests parsed by earlier calls from {@code cacheFile} when
     * they are unchanged, and updating that file (see the README: "Index cache"). A null cache file, or one
     * that cannot be read or written, only costs time.
     */
    public static RecordingIndex scan(List<Path> roots, Path cacheFile) throws IOException {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no recording root given");
        }
        List<Path> absoluteRoots = new ArrayList<>();
        Map<Path, BasicFileAttributes> manifests = new LinkedHashMap<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            absoluteRoots.add(absolute);
            if (!Files.exists(absolute)) {
                throw new RecordingRootException(absolute, "does not exist");
            }
            if (!Files.isDirectory(absolute)) {
                throw new RecordingRootException(absolute, "is not a directory");
            }
            Map<Path, BasicFileAttributes> found = findManifests(absolute);
            if (found.isEmpty()) {
                throw new RecordingRootException(absolute, "holds no " + RecordingManifestReader.MANIFEST_NAME);
            }
            manifests.putAll(found); // overlapping roots list a recording once
        }

        Map<Path, IndexCache.Entry> cached = cacheFile != null ? IndexCache.read(cacheFile, absoluteRoots) : Map.of();
        RecordingManifestReader reader = null; // created only when a manifest has to be parsed
        List<IndexCache.Entry> entries = new ArrayList<>(manifests.size());
        boolean parsedAny = false;
        for (Map.Entry<Path, BasicFileAttributes> m : manifests.entrySet()) {
            long size = m.getValue().size();
            long modified = IndexCache.nanos(m.getValue().lastModifiedTime());
            IndexCache.Entry entry = cached.get(m.getKey());
            if (entry == null || entry.sizeBytes() != size || entry.modifiedNanos() != modified) {
                if (reader == null) {
                    reader = new RecordingManifestReader();
                }
                entry = new IndexCache.Entry(m.getKey(), size, modified, reader.read(m.getKey()));
                parsedAny = true;
            }
            entries.add(entry);
        }
        if (cacheFile != null && (parsedAny || cached.size() != entries.size())) {
            IndexCache.write(cacheFile, absoluteRoots, entries);
        }

        List<Recording> recordings = new ArrayList<>(entries.size());
        for (IndexCache.Entry entry : entries) {
            recordings.add(entry.recording());
        }
        recordings.sort(BY_DIRECTORY);
        return new RecordingIndex(absoluteRoots, recordings);
    }

    private static Map<Path, BasicFileAttributes> findManifests(Path root) throws IOException {
        Map<Path, BasicFileAttributes> found = new LinkedHashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()
                        && file.getFileName().toString().equals(RecordingManifestReader.MANIFEST_NAME)) {
                    found.put(file, attributes);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** The roots as absolute paths. */
    public List<Path> roots() {
        return roots;
    }

    /** The recordings, sorted by directory. */
    public List<Recording> recordings() {
        return recordings;
    }

    /** Number of runs over all recordings. */
    public int runCount() {
        int n = 0;
        for (Recording r : recordings) {
            n += r.runs().size();
        }
        return n;
    }

    /** The exact bytes of a run's card (read once, then remembered). */
    public byte[] card(Recording recording, Recording.Run run) throws RecordingFormatException {
        return cardBytesShared(recording, run).clone();
    }

    /**
     * Matches a call: the run whose card file has exactly the bytes {@code card} and whose {@code files_in}
     * all exist in {@code workDirectory} with the recorded SHA-256. When several runs qualify, the one
     * checking more input files wins (it is the more specific recording), then the first by directory and
     * position.
     *
     * @throws RecordingFormatException a card file of a recording is missing
     */
    public CallMatch match(byte[] card, Path workDirectory) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (Recording recording : recordings) {
            for (Recording.Run run : recording.runs()) {
                if (cardSize(recording, run) == card.length && Arrays.equals(cardBytesShared(recording, run), card)) {
                    candidates.add(new Candidate(recording, run));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new CallMatch.UnknownCard(nearest(card, 5));
        }
        candidates.sort(MOST_SPECIFIC_FIRST);

        Map<String, FoundFile> found = new HashMap<>();
        List<InputMismatch> mismatches = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<InputMismatch> own = new ArrayList<>();
            for (Map.Entry<String, String> input : candidate.run().filesInSha256().entrySet()) {
                FoundFile file = found.get(input.getKey());
                if (file == null) {
                    file = FoundFile.inspect(workDirectory.resolve(input.getKey()));
                    found.put(input.getKey(), file);
                }
                if (!input.getValue().equals(file.sha256())) {
                    own.add(new InputMismatch(candidate.recording(), candidate.run(), input.getKey(),
                            input.getValue(), file.sha256(), file.problem()));
                }
            }
            if (own.isEmpty()) {
                return new CallMatch.Matched(candidate.recording(), candidate.run());
            }
            mismatches.addAll(own);
        }
        return new CallMatch.InputsDiffer(mismatches);
    }

    /**
     * The {@code limit} recorded cards nearest to {@code card} (see {@link CardNeighbour}), nearest first,
     * ties by card path.
     */
    public List<CardNeighbour> nearest(byte[] card, int limit) throws IOException {
        List<CardNeighbour> all = new ArrayList<>();
        for (Recording recording : recordings) {
            for (Recording.Run run : recording.runs()) {
                CardComparison.Difference d = CardComparison.compare(cardBytesShared(recording, run), card);
                all.add(new CardNeighbour(recording, run, d.differingLines(), d.firstDifferingLine(),
                        d.recordedLine(), d.givenLine()));
            }
        }
        all.sort(NEAREST_FIRST);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private long cardSize(Recording recording, Recording.Run run) throws RecordingFormatException {
        Long size = cardSizes.get(run.card());
        if (size == null) {
            try {
                size = Files.size(run.card());
            } catch (IOException e) {
                throw missingFile(recording, run, "card", run.card(), e);
            }
            cardSizes.put(run.card(), size);
        }
        return size;
    }

    private byte[] cardBytesShared(Recording recording, Recording.Run run) throws RecordingFormatException {
        byte[] bytes = cardBytes.get(run.card());
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(run.card());
            } catch (IOException e) {
                throw missingFile(recording, run, "card", run.card(), e);
            }
            cardBytes.put(run.card(), bytes);
        }
        return bytes;
    }

    static RecordingFormatException missingFile(Recording recording, Recording.Run run, String what, Path file,
                                                IOException cause) {
        String problem = cause instanceof NoSuchFileException ? "does not exist" : "cannot be read (" + cause + ")";
        return new RecordingFormatException(recording.manifest(),
                what + " file " + file + " of runs[" + run.index() + "] " + problem, cause);
    }

    private record Candidate(Recording recording, Recording.Run run) {
    }

    /** An input file as found in the working directory: its hash, or why there is none. */
    private record FoundFile(String sha256, String problem) {

        static FoundFile inspect(Path file) {
            if (!Files.exists(file)) {
                return new FoundFile(null, "is missing");
            }
            if (!Files.isRegularFile(file)) {
                return new FoundFile(null, "is not a regular file");
            }
            try {
                return new FoundFile(RecordingIndex.sha256(file), "has a different content");
            } catch (IOException e) {
                return new FoundFile(null, "cannot be read (" + e + ")");
            }
        }
    }

    /** Lowercase hex SHA-256 of a file's content. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
