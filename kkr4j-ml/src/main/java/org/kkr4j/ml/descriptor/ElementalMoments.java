package org.kkr4j.ml.descriptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;

/**
 * Net magnetic moment per atom of each element's ground state (μB/atom), from the resource
 * {@code elemental-moments.csv} (its header names the source and the rule): listed ferromagnets have their
 * saturation moment, listed "unknown" elements and every element above Bi (Z 83) have none, all others 0.
 */
public final class ElementalMoments {
    public static final String RESOURCE = "org/kkr4j/ml/descriptor/elemental-moments.csv";
    /** Above this Z nothing is assumed. */
    public static final int LAST_Z_ASSUMED_ZERO = 83;
    private static final Map<String, OptionalDouble> LISTED = load();

    private ElementalMoments() {
    }

    public static OptionalDouble of(Element element) {
        OptionalDouble listed = LISTED.get(element.symbol());
        if (listed != null) {
            return listed;
        }
        return element.z() <= LAST_Z_ASSUMED_ZERO ? OptionalDouble.of(0) : OptionalDouble.empty();
    }

    private static Map<String, OptionalDouble> load() {
        InputStream in = ElementalMoments.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        Map<String, OptionalDouble> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                Elements.bySymbol(f[0]);
                m.put(f[0], f[1].equals("unknown") ? OptionalDouble.empty()
                        : OptionalDouble.of(Double.parseDouble(f[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
