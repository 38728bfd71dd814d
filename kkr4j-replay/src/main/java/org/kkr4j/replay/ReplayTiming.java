package org.kkr4j.replay;

/**
 * How long a replayed run takes on the wall clock: {@code seconds × timeScale}, where {@code seconds} is
 * the override when given, else the run's recorded time. A scale of 0 replays at once.
 *
 * @param timeScale       factor on the seconds, >= 0
 * @param secondsOverride seconds used for every run instead of the recorded ones; null for the recorded
 */
public record ReplayTiming(double timeScale, Double secondsOverride) {

    /** Replays at once. */
    public static final ReplayTiming IMMEDIATE = new ReplayTiming(0, null);

    public ReplayTiming {
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be finite and >= 0: " + timeScale);
        }
        if (secondsOverride != null && (!(secondsOverride >= 0) || secondsOverride.isInfinite())) {
            throw new IllegalArgumentException("seconds must be finite and >= 0: " + secondsOverride);
        }
    }

    /** Wall-clock nanoseconds the replay of {@code run} is spread over. */
    public long wallNanos(Recording.Run run) {
        double seconds = secondsOverride != null ? secondsOverride : run.seconds();
        return (long) Math.min(Long.MAX_VALUE / 2.0, seconds * timeScale * 1e9);
    }
}
