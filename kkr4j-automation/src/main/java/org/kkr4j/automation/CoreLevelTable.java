package org.kkr4j.automation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Semicore levels known before any run, per element: table A (levels of converged alloys, E − E_F) where it
 * has the element, otherwise table B (atomic levels, absolute Ry, turned into an E − E_F range with the
 * E_F assumption of the published stage-0 rule). Bundled as a resource; a drift test compares it with the
 * shared data files.
 */
public final class CoreLevelTable {
    public static final String RESOURCE = "org/kkr4j/automation/core-levels.csv";
    /** Table B: E_F of the elemental runs is assumed between these values. */
    static final double ASSUMED_FERMI_LOW_RY = 0.5;
    static final double ASSUMED_FERMI_HIGH_RY = 0.7;
    /** Table B levels lie 0.2–0.5 Ry deeper than converged alloy levels: the range is widened upwards by this. */
    static final double ATOMIC_DEPTH_CORRECTION_RY = 0.3;

    /** One level as an E − E_F range; {@code table} is A or B. */
    public record Level(String element, String orbital, char table, double medianRy, double minRy, double maxRy,
                        double valenceFraction) {
    }

    private static volatile CoreLevelTable bundled;
    private final Map<String, List<Level>> byElement;

    private CoreLevelTable(Map<String, List<Level>> byElement) {
        this.byElement = byElement;
    }

    public static CoreLevelTable bundled() {
        CoreLevelTable t = bundled;
        if (t == null) {
            try (InputStream in = CoreLevelTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
                }
                t = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = t;
        }
        return t;
    }

    static CoreLevelTable parse(InputStream in) throws IOException {
        Map<String, List<Level>> a = new TreeMap<>();
        Map<String, List<Level>> b = new TreeMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            char table = f[2].charAt(0);
            double median = Double.parseDouble(f[3]);
            double valence = Double.parseDouble(f[6]);
            if (table == 'A') {
                a.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Level(f[0], f[1], 'A', median,
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), valence));
            } else {
                double lo = median - ASSUMED_FERMI_HIGH_RY;
                double hi = median - ASSUMED_FERMI_LOW_RY + ATOMIC_DEPTH_CORRECTION_RY;
                b.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Level(f[0], f[1], 'B',
                        median - (ASSUMED_FERMI_LOW_RY + ASSUMED_FERMI_HIGH_RY) / 2, lo, hi, valence));
            }
        }
        Map<String, List<Level>> merged = new TreeMap<>(b);
        merged.putAll(a);
        return new CoreLevelTable(merged);
    }

    /** The levels of an element (table A if it has the element, else table B); empty when none is shallow. */
    public List<Level> levels(String element) {
        return List.copyOf(byElement.getOrDefault(element, List.of()));
    }

    /**
     * This table with the levels seen in go logs of the build that will run (table {@code S}, for "stored"): per
     * element and orbital the range of E − E_F over every component and spin observed. An element with
     * observations takes them instead of its table A/B rows; published levels of another build can sit 0.6 Ry away
     * (Hf 4f, ewidth.md §5), so the same build's own evidence wins. Levels deeper than {@code shallowerThanRy} are
     * left out (they never reach a contour).
     */
    public CoreLevelTable withObserved(java.util.Collection<GoEvidence> runs, double shallowerThanRy) {
        Map<String, Map<String, double[]>> seen = new TreeMap<>();
        Map<String, Map<String, int[]>> starred = new TreeMap<>();
        for (GoEvidence g : runs) {
            for (ComponentCoreLevels c : g.components()) {
                for (CoreLevelEvidence l : c.levels()) {
                    double e = l.relativeToFermiRy();
                    if (!(e > shallowerThanRy)) {
                        continue;
                    }
                    seen.computeIfAbsent(c.element(), k -> new TreeMap<>()).merge(l.state(), new double[] {e, e, e, 1},
                            (x, y) -> new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1]), x[2] + y[2],
                                    x[3] + y[3]});
                    starred.computeIfAbsent(c.element(), k -> new TreeMap<>()).merge(l.state(),
                            new int[] {l.movedToValence() ? 1 : 0, 1}, (x, y) -> new int[] {x[0] + y[0], x[1] + y[1]});
                }
            }
        }
        Map<String, List<Level>> merged = new TreeMap<>(byElement);
        seen.forEach((element, orbitals) -> {
            List<Level> levels = new ArrayList<>();
            orbitals.forEach((orbital, r) -> {
                int[] star = starred.get(element).get(orbital);
                levels.add(new Level(element, orbital, 'S', r[2] / r[3], r[0], r[1], (double) star[0] / star[1]));
            });
            merged.put(element, List.copyOf(levels));
        });
        return new CoreLevelTable(merged);
    }
}
