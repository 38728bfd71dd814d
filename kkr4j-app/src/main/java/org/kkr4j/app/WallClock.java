package org.kkr4j.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads wall-clock limits as users write them: {@code 3600}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, {@code 12:00:00}. */
final class WallClock {
    private static final Pattern UNIT = Pattern.compile("(\\d+)([smhd]?)");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2}):(\\d{1,2})");

    private WallClock() {
    }

    static long seconds(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher clock = CLOCK.matcher(t);
        if (clock.matches()) {
            return Long.parseLong(clock.group(1)) * 3600 + Long.parseLong(clock.group(2)) * 60
                    + Long.parseLong(clock.group(3));
        }
        Matcher m = UNIT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("wall-clock limit '" + text + "': write seconds (3600), 90s, 30m, 2h, 1d"
                    + " or HH:MM:SS");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }
}
