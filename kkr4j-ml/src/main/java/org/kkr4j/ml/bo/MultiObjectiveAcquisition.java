package org.kkr4j.ml.bo;

/** What multi-objective BO maximises. */
public sealed interface MultiObjectiveAcquisition {

    String describe();

    /**
     * Expected hypervolume improvement over the observed front, with the reference point in the objectives' own
     * units and signs (the least acceptable value of each objective). Exact in 2-D; with more objectives a
     * Monte-Carlo mean over {@code monteCarloSamples} draws (common random numbers for all candidates).
     */
    record ExpectedHypervolumeImprovement(double[] referencePoint, int monteCarloSamples)
            implements MultiObjectiveAcquisition {
        public ExpectedHypervolumeImprovement {
            referencePoint = referencePoint.clone();
            if (monteCarloSamples < 1) {
                throw new IllegalArgumentException("monteCarloSamples must be >= 1, got " + monteCarloSamples);
            }
        }

        public String describe() {
            return "EHVI";
        }
    }

    /** Probability that every objective lands in its interval (independent models). */
    record TargetRegionProbability(TargetRegion region) implements MultiObjectiveAcquisition {
        public String describe() {
            return "P(target region)";
        }
    }
}
