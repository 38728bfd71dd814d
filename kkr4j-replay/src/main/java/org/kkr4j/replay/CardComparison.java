package org.kkr4j.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How far apart two cards are, for telling a user which recording an unknown card was probably meant to
 * be. Lines are compared after trimming and collapsing blanks, because specx reads cards list-directed
 * and spacing carries no meaning. The distance is the longer card's line count minus the lines the two
 * have in common in order (longest common subsequence): a changed, inserted or deleted line each count 1,
 * and an inserted line does not make every line below it differ.
 */
final class CardComparison {

    /** Result of {@link #compare}: see {@link CardNeighbour} for the fields. */
    record Difference(int differingLines, int firstDifferingLine, String recordedLine, String givenLine) {
    }

    private CardComparison() {
    }

    static Difference compare(byte[] recorded, byte[] given) {
        List<String> recordedRaw = lines(recorded);
        List<String> givenRaw = lines(given);
        List<String> recordedNormal = normalised(recordedRaw);
        List<String> givenNormal = normalised(givenRaw);
        int distance = Math.max(recordedNormal.size(), givenNormal.size())
                - longestCommonSubsequence(recordedNormal, givenNormal);
        int first = firstDifference(recordedNormal, givenNormal);
        if (first < 0) {
            // equal up to blanks: point at the first line whose bytes differ
            first = firstDifference(recordedRaw, givenRaw);
        }
        if (first < 0) {
            // equal lines: only the line terminators differ (CR, missing final newline)
            first = Math.max(0, Math.max(recordedRaw.size(), givenRaw.size()) - 1);
        }
        return new Difference(distance, first + 1, lineOrNull(recordedRaw, first), lineOrNull(givenRaw, first));
    }

    /** Lines without their terminators; a final newline does not start an extra empty line. */
    static List<String> lines(byte[] card) {
        String text = new String(card, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private static List<String> normalised(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (String line : raw) {
            out.add(line.strip().replaceAll("\\s+", " "));
        }
        // trailing blank lines are never read
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = a.get(i - 1).equals(b.get(j - 1))
                        ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** 0-based index of the first position where the lists differ (or one ends); -1 when equal. */
    private static int firstDifference(List<String> a, List<String> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : common;
    }

    private static String lineOrNull(List<String> lines, int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : null;
    }
}
