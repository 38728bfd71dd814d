package org.kkr4j.remote.scheduler;

import java.time.Instant;
import java.util.Optional;

/**
 * The run's own account of how its command ended, read from {@code .kkr4j/exit} (and {@code .kkr4j/end}).
 *
 * @param exitCode the command's exit status (128+n when it was killed by signal n)
 * @param endedAt  when it ended, if the end file was read
 */
public record ExitFile(int exitCode, Optional<Instant> endedAt) {

    /**
     * Parses the contents of the exit file and, optionally, the end file.
     *
     * @throws IllegalArgumentException naming the file if the text is not what the job script writes
     */
    public static ExitFile parse(String exitText, Optional<String> endText) {
        String t = exitText.strip();
        if (!t.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException(RunLayout.EXIT + ": expected an integer exit code, found \""
                    + SchedulerResponseException.firstLines(exitText) + "\"");
        }
        Optional<Instant> end = endText.map(e -> {
            String s = e.strip();
            if (!s.matches("\\d{1,12}")) {
                throw new IllegalArgumentException(RunLayout.END + ": expected epoch seconds, found \""
                        + SchedulerResponseException.firstLines(e) + "\"");
            }
            return Instant.ofEpochSecond(Long.parseLong(s));
        });
        return new ExitFile(Integer.parseInt(t), end);
    }

    /** Exit status 128+n: the command was killed by signal n (how bash reports it). */
    public boolean killedBySignal() {
        return exitCode > 128 && exitCode < 128 + 65;
    }
}
