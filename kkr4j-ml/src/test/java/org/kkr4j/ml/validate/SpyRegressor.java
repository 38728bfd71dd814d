package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;

/**
 * Records, for every fit, the row numbers (column 0) it was trained on and the row numbers it was then asked to
 * predict; predicts the mean training target (any prediction would do).
 */
final class SpyRegressor implements Regressor {
    record Call(Set<Integer> trained, Set<Integer> predicted, String name) {
    }

    private final String name;
    private final List<Call> log;

    SpyRegressor(String name, List<Call> log) {
        this.name = name;
        this.log = log;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Set<Integer> trained = new HashSet<>();
        for (double[] row : x) {
            trained.add((int) row[0]);
        }
        Call call = new Call(trained, new HashSet<>(), name);
        log.add(call);
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        return row -> {
            call.predicted().add((int) row[0]);
            return mean;
        };
    }

    static List<Call> newLog() {
        return new ArrayList<>();
    }
}
