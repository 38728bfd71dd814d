package org.kkr4j.automation;

/**
 * Settings of {@link EwidthJudgement}.
 *
 * @param base                     the gap thresholds (scaled with the dos edelt by {@link GapJudge#judge})
 * @param useComponents            AND the DOS of every component with the total; when false only the components
 *                                 of concentration ≤ {@link EwidthJudgement#DILUTE_CONCENTRATION} are AND-ed (a
 *                                 dilute component's states are invisible in the total DOS)
 * @param componentFineStatesPerRy fine threshold for a component's own DOS (per atom of that component, not
 *                                 weighted by its concentration); the coarse threshold keeps the base ratio
 * @param levelClearanceRy         the contour bottom keeps this distance from every core level of the go run
 * @param starredLevelClearanceRy  the same for levels marked {@code *} (moved to the valence; they move by
 *                                 0.05–0.1 Ry with ewidth)
 */
public record JudgementSettings(GapThresholds base, boolean useComponents, double componentFineStatesPerRy,
                                double levelClearanceRy, double starredLevelClearanceRy) {
    public JudgementSettings {
        if (!(componentFineStatesPerRy > 0)) {
            throw new IllegalArgumentException("component fine threshold must be positive");
        }
        if (!(levelClearanceRy >= 0 && starredLevelClearanceRy >= 0)) {
            throw new IllegalArgumentException("level clearances must not be negative");
        }
    }

    /**
     * Method 2 thresholds; components only when dilute; component threshold equal to the total's fine threshold
     * (a component is judged as if it filled the cell); clearances 0.15 / 0.25 Ry (reference/ewidth.md §8.2
     * item 3).
     */
    public static JudgementSettings defaults() {
        GapThresholds t = GapThresholds.method2();
        return new JudgementSettings(t, false, t.fineStatesPerRy(), 0.15, 0.25);
    }

    public JudgementSettings withComponents(boolean use) {
        return new JudgementSettings(base, use, componentFineStatesPerRy, levelClearanceRy, starredLevelClearanceRy);
    }

    public JudgementSettings withBase(GapThresholds t) {
        return new JudgementSettings(t, useComponents, componentFineStatesPerRy, levelClearanceRy,
                starredLevelClearanceRy);
    }
}
