package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold split that keeps every group (an alloy system on all its lattices) inside one fold, so that a model is
 * always tested on systems it has not seen. Folds are balanced by rows: groups are shuffled with the seed, then
 * taken from the largest to the smallest (ties in shuffled order) and each put in the fold that has fewest rows so
 * far (ties: the lowest fold).
 *
 * @param folds number of folds (>= 2)
 * @param seed  decides the shuffle
 */
public record GroupKFold(int folds, long seed) {

    public GroupKFold {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** The fold (0 .. folds-1) of each row. */
    public int[] assign(List<String> groups) {
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            rowsOf.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        if (groups.size() < folds) {
            throw new IllegalArgumentException("fewer rows (" + groups.size() + ") than folds (" + folds + ")");
        }
        if (rowsOf.size() < folds) {
            throw new IllegalArgumentException("fewer groups (" + rowsOf.size() + ") than folds (" + folds
                    + "): a group may not be split between folds");
        }
        List<List<Integer>> order = new ArrayList<>(rowsOf.values());
        java.util.Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt(g -> -g.size())); // stable: equal sizes keep the shuffled order
        int[] foldRows = new int[folds];
        int[] fold = new int[groups.size()];
        for (List<Integer> group : order) {
            int target = 0;
            for (int f = 1; f < folds; f++) {
                if (foldRows[f] < foldRows[target]) {
                    target = f;
                }
            }
            for (int row : group) {
                fold[row] = target;
            }
            foldRows[target] += group.size();
        }
        return fold;
    }

    /** Row indices with {@code fold[i] == f} ({@code test}) or {@code != f}. */
    static int[] rowsOf(int[] fold, int f, boolean test) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == test).toArray();
    }
}
