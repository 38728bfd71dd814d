package org.kkr4j.ml.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.kkr4j.elements.Elements;

/**
 * Finds the strongest simple rules in the data (the rule view's plain-text summary): every condition of these
 * kinds is tried, and those with at least {@code minSupport} alloys on each side are ranked by |Welch t|:
 * <ul>
 *   <li>the elements span at least t distinct periodic-table groups (t = 2 .. the most seen), likewise periods;</li>
 *   <li>the alloy contains element E; contains both E1 and E2;</li>
 *   <li>it contains elements from groups g1 and g2 (two different elements);</li>
 *   <li>its structure is s.</li>
 * </ul>
 * Nothing is assumed: every number in a rule is a mean or count over the given alloys.
 *
 * @param minSupport the fewest alloys allowed on either side of a rule (>= 2)
 */
public record RuleFinder(int minSupport) {

    public RuleFinder {
        if (minSupport < 2) {
            throw new IllegalArgumentException("rules need a support of at least 2 on each side, got " + minSupport);
        }
    }

    /** All rules with enough support, strongest (largest |t|) first. */
    public List<Rule> find(List<AlloyObservation> alloys) {
        Map<String, Predicate<AlloyObservation>> conditions = new LinkedHashMap<>();
        int maxGroups = alloys.stream().mapToInt(RuleFinder::distinctGroups).max().orElse(0);
        for (int t = 2; t <= maxGroups; t++) {
            final int tt = t;
            conditions.put("the elements span >= " + t + " groups", a -> distinctGroups(a) >= tt);
        }
        int maxPeriods = alloys.stream().mapToInt(RuleFinder::distinctPeriods).max().orElse(0);
        for (int t = 2; t <= maxPeriods; t++) {
            final int tt = t;
            conditions.put("the elements span >= " + t + " periods", a -> distinctPeriods(a) >= tt);
        }
        TreeSet<String> elements = new TreeSet<>(Comparator.comparingInt(s -> Elements.bySymbol(s).z()));
        alloys.forEach(a -> elements.addAll(a.elements()));
        List<String> els = new ArrayList<>(elements);
        for (String e : els) {
            conditions.put("it contains " + e, a -> a.elements().contains(e));
        }
        for (int i = 0; i < els.size(); i++) {
            for (int j = i + 1; j < els.size(); j++) {
                String e1 = els.get(i);
                String e2 = els.get(j);
                conditions.put("it contains both " + e1 + " and " + e2,
                        a -> a.elements().contains(e1) && a.elements().contains(e2));
            }
        }
        PairMap groupMap = PairMap.groups(alloys, "");
        List<String> groups = groupMap.labels();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i; j < groups.size(); j++) {
                String g1 = groups.get(i);
                String g2 = groups.get(j);
                conditions.put("it contains elements of groups " + g1 + " and " + g2, a -> hasGroupPair(a, g1, g2));
            }
        }
        new TreeSet<>(alloys.stream().map(AlloyObservation::structure).filter(s -> !s.isEmpty()).toList())
                .forEach(s -> conditions.put("the structure is " + s, a -> a.structure().equals(s)));

        List<Rule> rules = new ArrayList<>();
        Set<String> splitsSeen = new HashSet<>();
        conditions.forEach((text, condition) -> {
            StringBuilder key = new StringBuilder();
            List<Double> in = new ArrayList<>();
            List<Double> out = new ArrayList<>();
            for (AlloyObservation a : alloys) {
                boolean meets = condition.test(a);
                key.append(meets ? '1' : '0');
                (meets ? in : out).add(a.value());
            }
            // a condition that splits the alloys exactly like an earlier one says nothing new
            if (in.size() >= minSupport && out.size() >= minSupport && splitsSeen.add(key.toString())) {
                rules.add(rule(text, in, out));
            }
        });
        rules.sort(Comparator.comparingDouble((Rule r) -> -Math.abs(r.welchT())));
        return rules;
    }

    /** A plain-text summary: the {@code top} strongest rules, one sentence each. */
    public String summary(List<AlloyObservation> alloys, String target, String unit, int top) {
        List<Rule> rules = find(alloys);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT,
                "Strongest rules for %s over %d alloys (at least %d alloys on each side; ranked by |Welch t|, "
                        + "which describes, it does not test):%n", target, alloys.size(), minSupport));
        for (int i = 0; i < Math.min(top, rules.size()); i++) {
            sb.append(i + 1).append(". ").append(rules.get(i).sentence(target, unit)).append(System.lineSeparator());
        }
        if (rules.isEmpty()) {
            sb.append("no condition has enough alloys on both sides").append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static Rule rule(String text, List<Double> in, List<Double> out) {
        double m1 = mean(in);
        double m2 = mean(out);
        double v1 = variance(in, m1);
        double v2 = variance(out, m2);
        double se = Math.sqrt(v1 / in.size() + v2 / out.size());
        double t = se > 0 ? (m1 - m2) / se : (m1 == m2 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, m1 - m2));
        return new Rule(text, m1, in.size(), m2, out.size(), m1 - m2, t);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double variance(List<Double> v, double mean) {
        return v.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (v.size() - 1);
    }

    static int distinctGroups(AlloyObservation a) {
        return (int) a.elements().stream().map(AlloyObservation::groupOf).distinct().count();
    }

    static int distinctPeriods(AlloyObservation a) {
        return (int) a.elements().stream().mapToInt(e -> Elements.bySymbol(e).period()).distinct().count();
    }

    private static boolean hasGroupPair(AlloyObservation a, String g1, String g2) {
        List<String> els = a.elements();
        for (int i = 0; i < els.size(); i++) {
            for (int j = 0; j < els.size(); j++) {
                if (i != j && AlloyObservation.groupOf(els.get(i)).equals(g1)
                        && AlloyObservation.groupOf(els.get(j)).equals(g2)) {
                    return true;
                }
            }
        }
        return false;
    }
}
