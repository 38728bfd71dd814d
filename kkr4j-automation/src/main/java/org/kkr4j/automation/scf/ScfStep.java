package org.kkr4j.automation.scf;

import java.util.Objects;

/**
 * One entry of the decision trail: a specx run, a judgement, an action chosen and why, or the final status.
 *
 * @param index   1-based position in the trail
 * @param kind    what the entry records
 * @param message the human-readable line printed by {@code kkr4j scf}
 * @param runId   the specx run the entry is about, or null
 */
public record ScfStep(int index, Kind kind, String message, Long runId) {
    public enum Kind { PLAN, GO, DOS, JUDGEMENT, ACTION, STATUS }

    public ScfStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%3d %-9s %s%s", index, kind, message,
                runId == null ? "" : "  [run " + runId + "]");
    }
}
