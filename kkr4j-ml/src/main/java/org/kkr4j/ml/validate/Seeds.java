package org.kkr4j.ml.validate;

/**
 * Derived seeds: one master seed gives independent-looking seeds per repeat, fold and purpose (SplitMix64
 * finaliser), so that changing the number of repeats never changes the folds of the first ones.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
