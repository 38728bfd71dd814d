package org.kkr4j.remote;

import java.util.Locale;

/**
 * What happens to a run's directory on the computer once its files are stored here. Keeping the directories of
 * runs that failed lets the user look at them where they ran (scratch file systems, core files, the scheduler's
 * own output), without filling the work root with the many runs that went well.
 */
public enum CleanupPolicy {
    /** Remove every run directory once its files are stored. */
    ALWAYS,
    /** Keep the directories of runs that did not end as the code meant them to (crashed, killed, timed out, ...). */
    KEEP_FAILED,
    /** Keep every run directory (the user cleans the work root). */
    NEVER;

    /** Whether the directory of a run goes; {@code endedAsMeant} is false for crashes, kills, timeouts, errors. */
    public boolean removes(boolean endedAsMeant) {
        return switch (this) {
            case ALWAYS -> true;
            case KEEP_FAILED -> endedAsMeant;
            case NEVER -> false;
        };
    }

    /** The command-line spelling: {@code always}, {@code keep-failed}, {@code never}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the command-line spelling (case-insensitive, '-' or '_'). */
    public static CleanupPolicy parse(String text) {
        for (CleanupPolicy p : values()) {
            if (p.label().equalsIgnoreCase(text.replace('_', '-'))) {
                return p;
            }
        }
        throw new IllegalArgumentException("cleanup policy must be always, keep-failed or never, not '" + text + "'");
    }
}
