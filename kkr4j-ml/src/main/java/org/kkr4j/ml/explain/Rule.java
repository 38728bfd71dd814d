package org.kkr4j.ml.explain;

import java.util.Locale;

/**
 * A split of the alloys read from the data: the mean target of those meeting a condition against the rest, with
 * the support of each side and Welch's t statistic of the difference (descriptive: many conditions are tried, so
 * |t| ranks rules, it is not a test).
 *
 * @param condition      plain-text condition, e.g. {@code the elements span >= 3 groups}
 * @param meanWhen       mean target of the alloys meeting it
 * @param countWhen      how many meet it
 * @param meanOtherwise  mean target of the others
 * @param countOtherwise how many do not
 * @param difference     meanWhen - meanOtherwise
 * @param welchT         difference / sqrt(s1^2/n1 + s2^2/n2)
 */
public record Rule(String condition, double meanWhen, int countWhen, double meanOtherwise, int countOtherwise,
                   double difference, double welchT) {

    /** One line: "mean T is X when C (n = a), Y otherwise (n = b); difference Z (Welch t = t)". */
    public String sentence(String target, String unit) {
        String u = unit == null || unit.isBlank() || unit.equals("1") ? "" : " " + unit;
        return String.format(Locale.ROOT, "mean %s is %.4g%s when %s (n = %d), %.4g%s otherwise (n = %d); "
                        + "difference %+.4g%s (Welch t = %.2f)", target, meanWhen, u, condition, countWhen,
                meanOtherwise, u, countOtherwise, difference, u, welchT);
    }
}
