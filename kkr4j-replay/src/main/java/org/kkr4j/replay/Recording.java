package org.kkr4j.replay;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recording directory: the manifest {@code recording.json} and the runs it lists, in the order they
 * were executed in one working directory. All paths are absolute.
 *
 * @param directory the directory holding {@code recording.json}
 * @param manifest  the {@code recording.json} file itself
 * @param code      the code that produced the recording
 * @param runs      the runs in execution order
 */
public record Recording(Path directory, Path manifest, Code code, List<Run> runs) {

    public Recording {
        runs = List.copyOf(runs);
    }

    /**
     * The code that was recorded.
     *
     * @param version the declared AkaiKKR version (e.g. {@code cpa2002v010})
     * @param build   free text about the build (compiler, flags); empty when not recorded
     * @param threads OpenMP threads of the recorded runs; 0 when not recorded
     */
    public record Code(String version, String build, int threads) {
    }

    /**
     * One recorded call of the code.
     *
     * @param index          0-based position in {@link Recording#runs()}
     * @param card           the exact bytes fed on stdin
     * @param log            the exact stdout of the run
     * @param exitCode       the recorded process exit status
     * @param seconds        wall time of the real run
     * @param filesInSha256  files (relative to the working directory) the run read, with the lowercase hex
     *                       SHA-256 they had
     * @param filesOut       files (relative to the working directory) the run wrote, mapped to the file in
     *                       the recording that holds their content
     */
    public record Run(int index, Path card, Path log, int exitCode, double seconds,
                      Map<String, String> filesInSha256, Map<String, Path> filesOut) {

        public Run {
            // sorted so that messages and the order files are written in do not vary between calls
            filesInSha256 = Collections.unmodifiableMap(new TreeMap<>(filesInSha256));
            filesOut = Collections.unmodifiableMap(new TreeMap<>(filesOut));
        }
    }
}
