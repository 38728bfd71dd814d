package org.kkr4j.ml.active;

import java.util.List;

/**
 * What an AL campaign recorded after each model fit.
 *
 * @param points     one per fit, in order
 * @param stopReason why the campaign ended
 * @param labelled   candidates labelled, in the order they were labelled
 * @param failed     candidates that got no label
 */
public record LearningCurve(List<Point> points, String stopReason, List<Integer> labelled, List<Integer> failed) {
    public LearningCurve {
        points = List.copyOf(points);
        labelled = List.copyOf(labelled);
        failed = List.copyOf(failed);
    }

    /**
     * @param labelled    number of labelled candidates the model was fitted on
     * @param requests    oracle requests so far (labelled + failed)
     * @param meanPoolStd mean predicted std over the unlabelled candidates (the stopping statistic)
     * @param rmse        RMSE over the unlabelled candidates when the truth is known (benchmarks), else NaN
     * @param mae         MAE likewise
     */
    public record Point(int labelled, int requests, double meanPoolStd, double rmse, double mae) {
    }

    public Point last() {
        return points.get(points.size() - 1);
    }
}
