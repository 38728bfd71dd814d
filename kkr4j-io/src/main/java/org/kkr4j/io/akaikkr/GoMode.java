package org.kkr4j.io.akaikkr;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * The value of the {@code go} field of a card: the kind of calculation plus its parameters
 * ({@code spcXY} read and write formats, the J_ij distance limit of {@code j3.0}).
 *
 * @param kind      what specx does
 * @param text      the mode as written (lower case), e.g. {@code spc31}, {@code j3.0}
 * @param spcRead   k-point read format 1..3 ((a),(b),(c)) for SPC, else 0
 * @param spcWrite  spectral-function write format 1..3 for SPC, else 0
 * @param jDistanceLimit the distance limit in units of a for {@code jX.Y}; NaN when absent
 */
public record GoMode(Kind kind, String text, int spcRead, int spcWrite, double jDistanceLimit) {

    /** The calculations specx can be asked for. */
    public enum Kind {
        GO, DSP, DOS, LOG, MCD, XMD, SPC, FSM, TC, J, CND, SBK, GEOM;

        /** Modes that run a single non-self-consistent iteration (maxitr forced to 1). */
        public boolean isSingleIteration() {
            return this == DSP || this == DOS || this == SPC || this == TC || this == J
                    || this == CND || this == SBK;
        }
    }

    /** The {@code go} field holds at most six characters in every version. */
    public static final int MAX_LENGTH = 6;

    public static GoMode go() {
        return new GoMode(Kind.GO, "go", 0, 0, Double.NaN);
    }

    /**
     * Parses a mode token as specx does. {@code spc} alone means read (c) write (a), {@code spcN}
     * means {@code spcNN}, out-of-range digits become 3. Returns empty for an unknown mode (which
     * cpa2002v010 silently skips) and for {@code end}/{@code eof}.
     */
    public static Optional<GoMode> parse(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return switch (t) {
            case "go" -> Optional.of(go());
            case "dsp" -> simple(Kind.DSP, t);
            case "dos" -> simple(Kind.DOS, t);
            case "log" -> simple(Kind.LOG, t);
            case "mcd" -> simple(Kind.MCD, t);
            case "xmd" -> simple(Kind.XMD, t);
            case "fsm" -> simple(Kind.FSM, t);
            case "tc" -> simple(Kind.TC, t);
            case "cnd" -> simple(Kind.CND, t);
            case "sbk" -> simple(Kind.SBK, t);
            case "geom" -> simple(Kind.GEOM, t);
            default -> parseParameterised(t);
        };
    }

    private static Optional<GoMode> simple(Kind kind, String text) {
        return Optional.of(new GoMode(kind, text, 0, 0, Double.NaN));
    }

    private static Optional<GoMode> parseParameterised(String t) {
        if (t.startsWith("spc")) {
            String digits = t.substring(3);
            if (digits.isEmpty()) {
                return Optional.of(new GoMode(Kind.SPC, t, 3, 1, Double.NaN));
            }
            if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 2) {
                return Optional.empty();
            }
            int r = digitOrThree(digits.charAt(0));
            int w = digits.length() == 1 ? r : digitOrThree(digits.charAt(1));
            return Optional.of(new GoMode(Kind.SPC, t, r, w, Double.NaN));
        }
        if (t.startsWith("j")) {
            String rest = t.substring(1);
            if (rest.isEmpty()) {
                return Optional.of(new GoMode(Kind.J, t, 0, 0, Double.NaN));
            }
            Double d = FortranNumbers.parseReal(rest);
            if (d == null || d <= 0) {
                return Optional.empty();
            }
            return Optional.of(new GoMode(Kind.J, t, 0, 0, d));
        }
        return Optional.empty();
    }

    private static int digitOrThree(char c) {
        int d = c - '0';
        return d >= 1 && d <= 3 ? d : 3;
    }

    public OptionalDouble distanceLimit() {
        return Double.isNaN(jDistanceLimit) ? OptionalDouble.empty() : OptionalDouble.of(jDistanceLimit);
    }

    @Override
    public String toString() {
        return text;
    }
}
