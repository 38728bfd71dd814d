package org.kkr4j.io.akaikkr.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Finds everything in a card that a given AkaiKKR version cannot do or would misread. ERROR problems
 * make {@link CardWriter} refuse the card; WARNING and INFO problems do not.
 *
 * <p>What is an ERROR (per target version):
 * <ul>
 *   <li>a go mode the version does not have ({@code tc}, {@code j...}, {@code geom}, {@code cnd},
 *       {@code sbk} per {@link AkaiVersion#supports}), an unknown mode, a mode longer than 6 characters;</li>
 *   <li>an option block on cpa2002v010; an option key the version does not know (stop 100 in specx),
 *       cnd-only keys on other builds; an empty value;</li>
 *   <li>spc with an aux lattice on cpa2002v010 (k distances become NaN);</li>
 *   <li>an ewidth suffix on cpa2002v010 (read error);</li>
 *   <li>type names longer than the version keeps (8/16/40), equal after truncation, duplicated, empty
 *       or containing blanks/commas/non-ASCII; an atom referring to an undefined type; no type; no atom;
 *       a type without components or with all concentrations zero;</li>
 *   <li>non-zero displacements on a version without displacement columns;</li>
 *   <li>fsm without fspin, fspin on another mode, spc without k-path, a k-path on another mode, a
 *       k-path whose format differs from the mode's read format, more than 25 symmetry points,
 *       format (c) with fewer than 2 points or without the total;</li>
 *   <li>c/a..gamma other than 0 for aux/prv (the card has no such fields); numbers that are not finite;</li>
 *   <li>an illegal reltyp or record (specx stops).</li>
 * </ul>
 * Fractions in k-points cannot occur in the model (they are numbers); the reader reports them.
 */
public final class CardChecker {

    /** Option keys of the 2022.0721 {@code m_optn.f} (with aliases). */
    static final Set<String> OPTION_KEYS = Set.of("mse", "number_emesh", "tol", "thresh_scf", "thresh_go", "ng",
            "ndegree_cheb", "dex", "rkick", "critic", "cemesr_ref", "spmain_bnd2", "spckkr_dmpc0", "spckkr_itrmx");
    /** Option keys only the {@code akaikkr_cnd} build knows. */
    static final Set<String> CND_OPTION_KEYS = Set.of("ie", "ndirection_cnd", "cpaitr_show", "cpaitr_tol", "ddos",
            "tempmu");
    /** The only option array specx uses; others are ignored with a message. */
    static final Set<String> OPTION_ARRAYS = Set.of("klabel");

    private CardChecker() {
    }

    /** Checks a model; problems carry line 0 (a model has no lines). */
    public static List<CardProblem> check(CardFile card, AkaiVersion version) {
        return new Run(version, field -> 0).check(card);
    }

    /**
     * Checks a card that was read from a file: the reader's own warnings first, then the model checks,
     * with the line of each field.
     */
    public static List<CardProblem> check(CardReading reading, AkaiVersion version) {
        List<CardProblem> out = new ArrayList<>(reading.warnings());
        out.addAll(new Run(version, reading::lineOf).check(reading.card()));
        return out;
    }

    /** Only the ERROR problems of {@link #check(CardFile, AkaiVersion)}. */
    public static List<CardProblem> errors(CardFile card, AkaiVersion version) {
        return check(card, version).stream().filter(CardProblem::isError).toList();
    }

    static boolean isKnownMagtyp(String magtyp) {
        return Set.of("mag", "nmag", "rvrs", "-mag", "kick", "lmd").contains(magtyp) || magtyp.matches("kick[0-9]+");
    }

    static boolean isValidBzqlty(String bzqlty) {
        String s = bzqlty.toLowerCase(Locale.ROOT).replace("fbz", "");
        return Set.of("t", "l", "m", "h", "u").contains(s) || FortranNumbers.parseInteger(s) != null;
    }

    /** Whether a string can be written as one card token (no blanks, commas, control or non-ASCII chars). */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static final class Run {
        private final AkaiVersion version;
        private final ToIntFunction<String> lineOf;
        private final List<CardProblem> out = new ArrayList<>();

        Run(AkaiVersion version, ToIntFunction<String> lineOf) {
            this.version = version;
            this.lineOf = lineOf;
        }

        List<CardProblem> check(CardFile card) {
            if (card.decks().isEmpty()) {
                error("card", "the card has no deck");
            }
            for (int i = 0; i < card.decks().size(); i++) {
                checkDeck(card.decks().get(i), "deck[" + (i + 1) + "].");
            }
            return out;
        }

        private void checkDeck(CardDeck d, String p) {
            Optional<GoMode> mode = checkMode(d, p);
            if (!isToken(d.potentialFile()) || d.potentialFile().length() > 256) {
                error(p + "file", "potential file name '" + d.potentialFile()
                        + "' must be one token of at most 256 printable characters without blanks or commas");
            }
            checkLattice(d, p, mode);
            finite(p + "edelt", d.edeltRy());
            finite(p + "ewidth", d.ewidthRy());
            finite(p + "pmix", d.pmix());
            if (!d.ewidthSuffix().isEmpty()) {
                if (version == AkaiVersion.CPA2002V010) {
                    error(p + "ewidth", "the ewidth suffix '" + d.ewidthSuffix() + "' is a read error on cpa2002v010");
                } else if (version == AkaiVersion.CPA2021V01) {
                    warning(p + "ewidth", "the ewidth suffix '" + d.ewidthSuffix() + "' is documented for 2022.0721"
                            + " only");
                }
                if (!d.ewidthSuffix().chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    error(p + "ewidth", "the ewidth suffix must be lower-case letters: '" + d.ewidthSuffix() + "'");
                }
            }
            checkKeyword(p + "reltyp", d.reltyp());
            checkKeyword(p + "sdftyp", d.sdftyp());
            checkKeyword(p + "magtyp", d.magtyp());
            checkKeyword(p + "record", d.record());
            checkKeyword(p + "outtyp", d.outtyp());
            checkKeyword(p + "bzqlty", d.bzqlty());
            if (!d.reltyp().contains("nrl") && !d.reltyp().contains("sra")) {
                error(p + "reltyp", "illegal reltyp '" + d.reltyp() + "' (needs nrl or sra): specx stops");
            }
            if (!List.of("init", "1st", "2nd").contains(d.record())) {
                error(p + "record", "record '" + d.record() + "' is none of init, 1st, 2nd: specx stops");
            }
            if (!List.of("update", "quit").contains(d.outtyp())) {
                warning(p + "outtyp", "outtyp '" + d.outtyp() + "' is neither update nor quit");
            }
            if (!isKnownMagtyp(d.magtyp())) {
                warning(p + "magtyp", "magtyp '" + d.magtyp() + "' is none of mag nmag rvrs -mag kick lmd");
            } else if (version == AkaiVersion.CPA2002V010 && d.magtyp().length() > 4) {
                warning(p + "magtyp", "cpa2002v010 keeps 4 characters of magtyp: '" + d.magtyp().substring(0, 4) + "'");
            }
            if (!isValidBzqlty(d.bzqlty())) {
                warning(p + "bzqlty", "bzqlty '" + d.bzqlty() + "' is neither t l m h u nor an integer (with optional"
                        + " fbz)");
            }
            if (!d.pmixSuffix().isEmpty() && !d.pmixSuffix().chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                error(p + "pmix", "the pmix suffix must be lower-case letters: '" + d.pmixSuffix() + "'");
            } else if (d.mixingScheme() == MixingScheme.UNKNOWN) {
                warning(p + "pmix", "unknown mixing suffix '" + d.pmixSuffix() + "'");
            } else if (version == AkaiVersion.CPA2002V010 && !d.pmixSuffix().isEmpty()) {
                info(p + "pmix", "cpa2002v010 ignores the mixing suffix '" + d.pmixSuffix() + "'");
            }
            checkTypes(d, p);
            checkAtoms(d, p);
            checkTrailing(d, p, mode);
            checkOptions(d, p);
        }

        private Optional<GoMode> checkMode(CardDeck d, String p) {
            String f = p + "go";
            Optional<GoMode> mode = d.goMode();
            if (!isToken(d.go()) || !d.go().equals(d.go().toLowerCase(Locale.ROOT))) {
                error(f, "go mode '" + d.go() + "' must be one lower-case token");
            }
            if (mode.isEmpty()) {
                error(f, "unknown go mode '" + d.go() + "'");
                return mode;
            }
            if (!version.supports(mode.get().kind())) {
                error(f, "go mode '" + d.go() + "' is not supported by " + version.id() + " (supported by "
                        + CardReader.versionsSupporting(mode.get().kind()) + ")");
            }
            if (d.go().length() > GoMode.MAX_LENGTH) {
                error(f, "go mode '" + d.go() + "' is longer than " + GoMode.MAX_LENGTH + " characters; specx keeps '"
                        + d.go().substring(0, GoMode.MAX_LENGTH) + "'");
            }
            return mode;
        }

        private void checkLattice(CardDeck d, String p, Optional<GoMode> mode) {
            Lattice l = d.lattice();
            finite(p + "a", l.aBohr());
            if (l.bravais().hasPrimitiveVectors()) {
                if (l.cOverA() != 0 || l.bOverA() != 0 || l.alphaDeg() != 0 || l.betaDeg() != 0 || l.gammaDeg() != 0) {
                    error(p + "brvtyp", "c/a, b/a, alpha, beta, gamma are not read for " + l.keyword()
                            + "; they must be 0 in the model");
                }
                PrimitiveVectors v = l.primitiveVectors().orElseThrow();
                for (Vector3 r : List.of(v.a(), v.b(), v.c())) {
                    if (!r.isFinite()) {
                        error(p + "r1", "primitive vector with a non-finite component: " + r);
                    }
                }
                if (version == AkaiVersion.CPA2002V010 && mode.isPresent()
                        && mode.get().kind() == GoMode.Kind.SPC) {
                    error(p + "brvtyp", "spc with an " + l.keyword() + " lattice on cpa2002v010: the k-points are"
                            + " divided by b/a = c/a = 0 and the k distances become NaN; use a named lattice");
                }
            } else {
                finite(p + "c/a", l.cOverA());
                finite(p + "b/a", l.bOverA());
                finite(p + "alpha", l.alphaDeg());
                finite(p + "beta", l.betaDeg());
                finite(p + "gamma", l.gammaDeg());
            }
            l.tilt().ifPresent(t -> {
                finite(p + "tilt[1]", t.first());
                finite(p + "tilt[2]", t.second());
                finite(p + "tilt[3]", t.third());
            });
        }

        private void checkTypes(CardDeck d, String p) {
            if (d.types().isEmpty()) {
                error(p + "ntyp", "the deck has no type (ntyp must be at least 1)");
            }
            int limit = version.typeNameLength();
            Map<String, String> byTruncated = new HashMap<>();
            for (int i = 0; i < d.types().size(); i++) {
                AtomType t = d.types().get(i);
                String f = p + "type[" + (i + 1) + "]";
                if (!isToken(t.name())) {
                    error(f + ".name", "type name '" + t.name() + "' must be one token of printable ASCII without"
                            + " blanks or commas");
                }
                if (t.name().length() > limit) {
                    error(f + ".name", "type name '" + t.name() + "' is longer than the " + limit + " characters "
                            + version.id() + " keeps (it would be truncated to '" + t.name().substring(0, limit) + "')");
                }
                String truncated = t.name().length() > limit ? t.name().substring(0, limit) : t.name();
                String earlier = byTruncated.putIfAbsent(truncated, t.name());
                if (earlier != null) {
                    error(f + ".name", earlier.equals(t.name()) ? "type '" + t.name() + "' is defined twice"
                            : "type names '" + earlier + "' and '" + t.name() + "' collide after truncation to "
                            + limit + " characters");
                }
                if (t.name().contains("-")) {
                    warning(f + ".name", "type name '" + t.name() + "' contains '-', which makes the type1-type2"
                            + " labels of the J_ij table ambiguous");
                }
                finite(f + ".rmt", t.rmt());
                finite(f + ".field", t.field());
                if (t.lmxtyp() < 0) {
                    error(f + ".lmxtyp", "lmxtyp must not be negative: " + t.lmxtyp());
                }
                if (t.components().isEmpty()) {
                    error(f + ".ncmp", "type '" + t.name() + "' has no component (ncmp must be at least 1)");
                } else if (t.components().stream().allMatch(c -> c.conc() == 0)) {
                    error(f + ".conc", "all concentrations of type '" + t.name() + "' are zero: specx stops with"
                            + " 'illegal conc'");
                }
                for (int j = 0; j < t.components().size(); j++) {
                    Component c = t.components().get(j);
                    String cf = f + ".component[" + (j + 1) + "]";
                    finite(cf + ".anclr", c.anclr());
                    finite(cf + ".conc", c.conc());
                    if (!c.displacement().isFinite()) {
                        error(cf + ".dx", "displacement with a non-finite component");
                    }
                    if (!version.hasDisplacementColumns() && !c.displacement().isZero()) {
                        error(cf + ".dx", "component displacement " + c.displacement() + " of type '" + t.name()
                                + "': only the 2022.0721-cnd build reads displacements");
                    }
                }
            }
        }

        private void checkAtoms(CardDeck d, String p) {
            if (d.atoms().isEmpty()) {
                error(p + "natm", "the deck has no atom (natm must be at least 1)");
            }
            for (int i = 0; i < d.atoms().size(); i++) {
                Atom a = d.atoms().get(i);
                String f = p + "atom[" + (i + 1) + "]";
                if (d.type(a.typeName()).isEmpty()) {
                    error(f + ".type", "atom " + (i + 1) + " refers to type '" + a.typeName() + "', which is not"
                            + " defined");
                }
                String[] axes = {"x", "y", "z"};
                Coordinate[] cs = {a.x(), a.y(), a.z()};
                for (int k = 0; k < 3; k++) {
                    if (!Double.isFinite(cs[k].value())) {
                        error(f + "." + axes[k], "position is not a finite number");
                    } else if (CardWriter.positionToken(cs[k]).length() > 24) {
                        error(f + "." + axes[k], "position token '" + CardWriter.positionToken(cs[k])
                                + "' is longer than the 24 characters specx keeps");
                    }
                }
            }
        }

        private void checkTrailing(CardDeck d, String p, Optional<GoMode> mode) {
            GoMode.Kind kind = mode.map(GoMode::kind).orElse(null);
            if (kind == GoMode.Kind.FSM && d.fixedSpinMomentMuB().isEmpty()) {
                error(p + "fspin", "an fsm deck needs fspin (specx stops: fspin data not found)");
            }
            if (kind != GoMode.Kind.FSM && d.fixedSpinMomentMuB().isPresent()) {
                error(p + "fspin", "fspin is only read by the fsm mode; with go=" + d.go()
                        + " it would be read as the go mode of a new deck");
            }
            d.fixedSpinMomentMuB().ifPresent(v -> finite(p + "fspin", v));
            if (kind == GoMode.Kind.SPC && d.kPath().isEmpty()) {
                error(p + "kpath", "an spc deck needs a k-path");
            }
            if (kind != GoMode.Kind.SPC && d.kPath().isPresent()) {
                error(p + "kpath", "a k-path is only read by the spc mode; with go=" + d.go()
                        + " it would be read as a new deck");
            }
            if (kind != GoMode.Kind.SPC || d.kPath().isEmpty()) {
                return;
            }
            KPath path = d.kPath().get();
            int expected = mode.get().spcRead();
            if (path.format().code() != expected) {
                error(p + "kpath", "the k-path has read format (" + (char) ('a' + path.format().code() - 1)
                        + ") but go=" + d.go() + " reads format (" + (char) ('a' + expected - 1) + ")");
            }
            if (path.format() != KPath.Format.EXPLICIT && path.points().size() > KPath.MAX_SYMMETRY_POINTS) {
                error(p + "kpath", path.points().size() + " symmetry points: specx reads at most "
                        + KPath.MAX_SYMMETRY_POINTS + " and takes the rest as a new deck");
            }
            if (path.format() == KPath.Format.TOTAL_COUNT) {
                if (path.totalPoints().isEmpty()) {
                    error(p + "kpath.nk", "read format (c) needs the total number of k-points");
                } else if (path.totalPoints().getAsInt() < path.points().size()) {
                    error(p + "kpath.nk", "the total number of k-points (" + path.totalPoints().getAsInt()
                            + ") is smaller than the number of symmetry points (" + path.points().size()
                            + "): readk would divide by zero");
                }
                if (path.points().size() < 2) {
                    error(p + "kpath", "read format (c) needs at least two symmetry points");
                }
            } else if (path.totalPoints().isPresent()) {
                error(p + "kpath.nk", "only read format (c) has a total number of k-points");
            }
            if (path.points().isEmpty()) {
                error(p + "kpath", "the k-path has no point");
            }
            for (int i = 0; i < path.points().size(); i++) {
                KPoint k = path.points().get(i);
                String f = p + "kpath.point[" + (i + 1) + "]";
                if (!k.k().isFinite()) {
                    error(f, "k-point with a non-finite component");
                }
                if ((path.format() == KPath.Format.DIVISIONS) != k.divisions().isPresent()) {
                    error(f + ".ndiv", path.format() == KPath.Format.DIVISIONS
                            ? "read format (b) needs the number of divisions of every point"
                            : "only read format (b) has numbers of divisions");
                }
                if (k.divisions().isPresent() && Integer.toString(k.divisions().getAsInt()).length() > 5) {
                    error(f + ".ndiv", "the number of divisions is read with format i5 (at most 5 characters)");
                }
            }
        }

        private void checkOptions(CardDeck d, String p) {
            if (d.options().isEmpty()) {
                return;
            }
            String f = p + "option";
            if (!version.supportsOptionBlocks()) {
                error(f, "option block (begin_option) on " + version.id() + ", which has no option support (needs "
                        + CardReader.versionsWithOptions() + ")");
                return;
            }
            if (version == AkaiVersion.CPA2021V01) {
                info(f, "the option keys of cpa2021v01 are not documented; they are checked against the 2022.0721"
                        + " list");
            }
            for (OptionEntry e : d.options().get().entries()) {
                String key = e.key().toLowerCase(Locale.ROOT);
                String ef = f + "." + e.key();
                if (!isToken(e.key()) || e.key().contains("=")) {
                    error(ef, "option key '" + e.key() + "' must be one token without '='");
                    continue;
                }
                switch (e) {
                    case OptionEntry.Value v -> {
                        if (CND_OPTION_KEYS.contains(key) && !version.hasDisplacementColumns()) {
                            error(ef, "option '" + e.key() + "' is known only to the 2022.0721-cnd build; "
                                    + version.id() + " stops with 'unknown token' (code 100)");
                        } else if (!OPTION_KEYS.contains(key) && !CND_OPTION_KEYS.contains(key)) {
                            error(ef, "unknown option '" + e.key() + "': specx stops with 'unknown token' (code 100)");
                        }
                        if (!isToken(v.value())) {
                            error(ef, "option value '" + v.value() + "' must be one token");
                        }
                    }
                    case OptionEntry.Array a -> {
                        if (!OPTION_ARRAYS.contains(key)) {
                            warning(ef, "unknown option array '" + e.key() + "': specx ignores it");
                        }
                        for (String v : a.values()) {
                            if (!isToken(v) || v.toLowerCase(Locale.ROOT).equals("end_" + key)) {
                                error(ef, "array value '" + v + "' must be one token");
                            }
                        }
                    }
                }
            }
        }

        private void checkKeyword(String field, String value) {
            if (!isToken(value) || !value.equals(value.toLowerCase(Locale.ROOT))) {
                error(field, "'" + value + "' must be one lower-case token");
            }
        }

        private void finite(String field, double v) {
            if (!Double.isFinite(v)) {
                error(field, "not a finite number: " + v);
            }
        }

        private void error(String field, String message) {
            out.add(new CardProblem(CardProblem.Severity.ERROR, lineOf.applyAsInt(field), field, message));
        }

        private void warning(String field, String message) {
            out.add(new CardProblem(CardProblem.Severity.WARNING, lineOf.applyAsInt(field), field, message));
        }

        private void info(String field, String message) {
            out.add(new CardProblem(CardProblem.Severity.INFO, lineOf.applyAsInt(field), field, message));
        }
    }
}
