package org.kkr4j.ml.descriptor;

/**
 * A statistic of one elemental property over the components of a composition, weighted by the fractions c_i:
 * mean = Σ c_i p_i; average deviation = Σ c_i |p_i − mean| (Magpie's "avg_dev"); min, max and range over the
 * components present; distinct = the number of different values among the components (e.g. distinct groups).
 */
public enum Statistic {
    MEAN("mean"), AVERAGE_DEVIATION("avgdev"), MIN("min"), MAX("max"), RANGE("range"), DISTINCT("distinct");

    private final String key;

    Statistic(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The five of the issue, without {@link #DISTINCT}. */
    public static Statistic[] basic() {
        return new Statistic[] {MEAN, AVERAGE_DEVIATION, MIN, MAX, RANGE};
    }

    double compute(double[] fractions, double[] values) {
        switch (this) {
            case MEAN:
                return mean(fractions, values);
            case AVERAGE_DEVIATION: {
                double m = mean(fractions, values);
                double s = 0;
                for (int i = 0; i < values.length; i++) {
                    s += fractions[i] * Math.abs(values[i] - m);
                }
                return s;
            }
            case MIN: {
                double m = Double.POSITIVE_INFINITY;
                for (double v : values) {
                    m = Math.min(m, v);
                }
                return m;
            }
            case MAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (double v : values) {
                    m = Math.max(m, v);
                }
                return m;
            }
            case RANGE:
                return MAX.compute(fractions, values) - MIN.compute(fractions, values);
            case DISTINCT: {
                int distinct = 0;
                for (int i = 0; i < values.length; i++) {
                    boolean seen = false;
                    for (int j = 0; j < i && !seen; j++) {
                        seen = values[j] == values[i];
                    }
                    distinct += seen ? 0 : 1;
                }
                return distinct;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    static double mean(double[] fractions, double[] values) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += fractions[i] * values[i];
        }
        return s;
    }
}
