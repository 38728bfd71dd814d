package org.kkr4j.remote.hpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Local run directories for a stand-in of the KKR program: a small shell script that reads its input card
 * on stdin, echoes it into a log on stdout and writes a "potential" file named by the card. The card also
 * says how long to pause and which exit code to return. Each run carries a scratch file the engine does
 * not need back.
 */
final class StandInRuns {
    static final String PROGRAM = "kkr-standin.sh";
    static final String CARD = "in.card";
    static final String LOG = "out.log";
    static final String SCRATCH = "scratch.dat";

    private static final String PROGRAM_TEXT = """
            #!/bin/sh
            # stand-in for the KKR program: input card on stdin, log on stdout, a potential file
            name="" code=0 pause=0 n=0
            while IFS= read -r line; do
              n=$((n + 1))
              echo "card: $line"
              case "$line" in
                "potential "*) name=${line#potential } ;;
                "exit "*) code=${line#exit } ;;
                "sleep "*) pause=${line#sleep } ;;
              esac
            done
            echo "read $n card lines"
            [ -n "$name" ] || { echo "no potential name in the card" >&2; exit 9; }
            sleep "$pause"
            printf 'potential %s written on %s\\n' "$name" "$(hostname)" > "$name.pot"
            echo "done"
            exit "$code"
            """;

    private StandInRuns() {
    }

    /** The command line of every stand-in run (run in its run directory). */
    static List<String> commandLines() {
        return List.of("sh ./" + PROGRAM + " < " + CARD + " > " + LOG + " 2>&1");
    }

    /** A run directory {@code parent/name} whose card names the potential {@code name}. */
    static Path create(Path parent, String name, int exitCode, int pauseSeconds) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(dir.resolve(PROGRAM), PROGRAM_TEXT);
        Files.writeString(dir.resolve(CARD), "c kkr4j stand-in card\npotential " + name + "\nexit " + exitCode
                + "\nsleep " + pauseSeconds + "\n");
        byte[] scratch = new byte[32 * 1024];
        new Random(name.hashCode()).nextBytes(scratch);
        Files.write(dir.resolve(SCRATCH), scratch);
        return dir;
    }

    /** The files the engine fetches back from a finished run. */
    static List<String> neededFiles(String name) {
        return List.of(name + "/" + LOG, name + "/" + name + ".pot", name + "/.kkr4j/exit");
    }
}
