package org.kkr4j.automation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SCF signature of a core or semicore level pinned at the contour bottom (reference/ewidth.md §2.3 item 3,
 * §8.2 item 3): now and then the level drops out of the valence count for one or two iterations, so neu jumps
 * to about −1.2 … −3.6 while the total energy jumps by 13–60 Ry, and the SCF then relaxes back, recurring every
 * ~6–16 iterations. An ordinary slow SCF shows large neu only in its first iterations and total-energy
 * changes of a few Ry at most (≤ 3.8 Ry in the 154 recorded cpa2002v010 go runs), so the two are told apart by
 * the size of the energy jump against the surrounding iterations and by recurrence.
 *
 * <p>An iteration is a spike when its total energy differs by more than {@value #MIN_JUMP_RY} Ry from the
 * median of the {@value #NEIGHBOURS} iterations on each side and its neu is below {@value #MAX_NEU}; adjacent
 * spike iterations are one event (reported by its first iteration). The signature needs at least
 * {@value #MIN_EVENTS} events.
 *
 * @param spikeIterations         the first iteration of every event
 * @param typicalPeriodIterations median spacing of the events
 * @param neuMin                  most negative neu of the spike iterations
 * @param neuMax                  least negative neu of the spike iterations
 * @param largestEnergyJumpRy     largest |total energy − neighbours' median| of the spike iterations
 */
public record PinnedLevelSignature(List<Integer> spikeIterations, double typicalPeriodIterations, double neuMin,
                                   double neuMax, double largestEnergyJumpRy) {
    static final double MIN_JUMP_RY = 5.0;
    static final double MAX_NEU = -1.0;
    static final int NEIGHBOURS = 4;
    static final int MIN_EVENTS = 3;

    public PinnedLevelSignature {
        spikeIterations = List.copyOf(spikeIterations);
    }

    public static Optional<PinnedLevelSignature> detect(List<IterationRecord> history) {
        int n = history.size();
        List<Integer> events = new ArrayList<>();
        double neuMin = Double.POSITIVE_INFINITY;
        double neuMax = Double.NEGATIVE_INFINITY;
        double jumpMax = 0;
        int previousSpike = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            IterationRecord h = history.get(i);
            double jump = Math.abs(h.totalEnergyRy() - neighbourMedian(history, i));
            if (!(jump > MIN_JUMP_RY && h.neu() < MAX_NEU)) {
                continue;
            }
            if (i != previousSpike + 1) {
                events.add(h.iteration());
            }
            previousSpike = i;
            neuMin = Math.min(neuMin, h.neu());
            neuMax = Math.max(neuMax, h.neu());
            jumpMax = Math.max(jumpMax, jump);
        }
        if (events.size() < MIN_EVENTS) {
            return Optional.empty();
        }
        double[] gaps = new double[events.size() - 1];
        for (int k = 1; k < events.size(); k++) {
            gaps[k - 1] = events.get(k) - events.get(k - 1);
        }
        return Optional.of(new PinnedLevelSignature(events, ScfTrend.median(gaps), neuMin, neuMax, jumpMax));
    }

    private static double neighbourMedian(List<IterationRecord> history, int i) {
        int lo = Math.max(0, i - NEIGHBOURS);
        int hi = Math.min(history.size() - 1, i + NEIGHBOURS);
        double[] v = new double[hi - lo];
        int k = 0;
        for (int j = lo; j <= hi; j++) {
            if (j != i) {
                v[k++] = history.get(j).totalEnergyRy();
            }
        }
        return v.length == 0 ? history.get(i).totalEnergyRy() : ScfTrend.median(Arrays.copyOf(v, k));
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d neu spikes (%.2f .. %.2f) with total-energy jumps up to %.1f Ry, "
                        + "every ~%.0f iterations (first at %s): a level pinned at the contour bottom",
                spikeIterations.size(), neuMin, neuMax, largestEnergyJumpRy, typicalPeriodIterations,
                spikeIterations.subList(0, Math.min(7, spikeIterations.size())));
    }
}
