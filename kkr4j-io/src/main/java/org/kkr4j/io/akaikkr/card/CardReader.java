package org.kkr4j.io.akaikkr.card;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Reads an AkaiKKR input card exactly as a given specx version tokenizes and reads it
 * ({@code cnsole.f}, {@code xtoken.f}, {@code readin.f}, {@code readk.f}, {@code redata.f}, the option
 * block of 2021+). See {@link CardTokenizer} for the token rules.
 *
 * <p>Numbers are read as Fortran list-directed input: {@code 1d-3}, {@code .5}, {@code 100} are reals,
 * and a {@code /} ends the read, so {@code 1/2} gives 1 (reported as a warning). Atomic positions are
 * read by {@code redata}, which understands one fraction ({@code 1/3a}); k-points understand fractions
 * from cpa2021v01 on, while cpa2002v010 reads {@code 1/2} as 1 (reproduced, with a warning).
 *
 * <p>Bad input raises {@link KkrFormatException} naming the file, the line and the card field, e.g.
 * {@code deck[1].ewidth}; when a data line was swallowed as a column-1 comment, or the stream shifted
 * because of missing commas, the message says so.
 */
public final class CardReader {

    private CardReader() {
    }

    /** Reads a card; warnings are dropped (use {@link #readWithWarnings} to get them). */
    public static CardFile read(SourceText text, AkaiVersion version) {
        return readWithWarnings(text, version).card();
    }

    public static CardFile read(Path file, AkaiVersion version) {
        return read(SourceText.read(file), version);
    }

    /** Reads a card and returns the model with the non-fatal problems and the line of every field. */
    public static CardReading readWithWarnings(SourceText text, AkaiVersion version) {
        return new Parser(text, version).parse();
    }

    /** Whether a column-1 comment line looks like a data line that specx will silently skip. */
    static boolean looksLikeData(String line) {
        if (line.isEmpty() || line.charAt(0) == '#') {
            return false;
        }
        String[] w = line.strip().split("[ ,]+");
        if (w.length < 2) {
            return false;
        }
        String first = w[0];
        if (first.equalsIgnoreCase("cnd")) {
            return true;
        }
        boolean secondIsInteger = FortranNumbers.parseInteger(w[1]) != null;
        if (first.length() == 1) {
            // a lone "c" is the usual comment prefix; a lone "C" followed by a full type line is carbon
            return first.equals("C") && secondIsInteger && w.length >= 5
                    && Arrays.stream(w, 2, w.length).allMatch(s -> FortranNumbers.parseReal(s) != null);
        }
        return first.matches("[cC][A-Za-z][A-Za-z0-9_.]*") && secondIsInteger;
    }

    private static final class Parser {
        private final SourceText source;
        private final AkaiVersion version;
        private final List<CardProblem> problems = new ArrayList<>();
        private final Map<String, Integer> fieldLines = new LinkedHashMap<>();
        private final CardTokenizer tok;
        private final Deque<String> trace = new ArrayDeque<>();
        private int deckNo;
        private String prefix = "";
        private int searchFromLine = 1;
        private String context;
        private String latticeShiftHint;
        private CardDeck previousDeck;

        Parser(SourceText source, AkaiVersion version) {
            this.source = source;
            this.version = version;
            this.tok = new CardTokenizer(source, problems);
        }

        CardReading parse() {
            List<CardDeck> decks = new ArrayList<>();
            CardEnd end = CardEnd.END_OF_FILE;
            while (true) {
                CardToken t = tok.next();
                if (t == null) {
                    break;
                }
                String lower = t.text().toLowerCase(Locale.ROOT);
                if (lower.equals("end") || lower.equals("eof")) {
                    end = lower.equals("end") ? CardEnd.END : CardEnd.EOF;
                    reportIgnoredRest(lower);
                    break;
                }
                deckNo = decks.size() + 1;
                prefix = "deck[" + deckNo + "].";
                trace.clear();
                context = null;
                latticeShiftHint = null;
                if (previousDeck != null && looksNumeric(lower)) {
                    readLeftover(t);
                    break;
                }
                checkDeckStart(t, lower);
                previousDeck = readDeck(t, lower);
                decks.add(previousDeck);
                CardToken lastToken = tok.last();
                searchFromLine = lastToken == null ? 1 : lastToken.line() + 1;
            }
            reportSwallowedComments();
            if (decks.isEmpty()) {
                throw new KkrFormatException(source.name(), 0, "deck[1].go",
                        "the card holds no deck (no data line before " + (end == CardEnd.END_OF_FILE
                                ? "the end of the file" : "'" + end.name().toLowerCase(Locale.ROOT) + "'") + ")");
            }
            return new CardReading(source.name(), new CardFile(decks, end), problems, fieldLines);
        }

        // ---------------------------------------------------------------- leftover data

        /**
         * Tokens after a deck that start with a number, so they cannot be a deck. specx's readin takes them as a new deck
         * without looking at the mode; if the file ends before a read error, readin returns "end of
         * input" and the tokens are silently ignored (e.g. a k-list after {@code #end} in a go card).
         * This replays readin's reads: end of file gives a warning, a read error the exception specx
         * would stop with.
         */
        private void readLeftover(CardToken first) {
            String start = first.shown() + " on line " + first.line() + " does not start a deck (no go mode): "
                    + leftoverExplanation();
            List<String> strings = new ArrayList<>(List.of("file", "brvtyp"));
            CardToken t;
            if ((t = tok.next()) == null) {
                ignoredLeftover(first, start);
                return;
            }
            if ((t = tok.next()) == null) {
                ignoredLeftover(first, start);
                return;
            }
            String brvtyp = t.text().toLowerCase(Locale.ROOT);
            List<String> reals = new ArrayList<>();
            if (brvtyp.contains("aux") || brvtyp.contains("prv")) {
                for (int i = 0; i < 9; i++) {
                    reals.add("r");
                }
            }
            if (brvtyp.contains("tlt")) {
                reals.addAll(List.of("tilt", "tilt", "tilt"));
            }
            reals.add("a");
            if (!(brvtyp.contains("aux") || brvtyp.contains("prv"))) {
                reals.addAll(List.of("c/a", "b/a", "alpha", "beta", "gamma"));
            }
            reals.addAll(List.of("edelt", "ewidth"));
            for (String f : reals) {
                if (!replayReal(first, start, f)) {
                    return;
                }
            }
            for (String f : List.of("reltyp", "sdftyp", "magtyp", "record", "outtyp", "bzqlty")) {
                if (tok.next() == null) {
                    ignoredLeftover(first, start);
                    return;
                }
            }
            Integer maxitr = replayInteger(first, start, "maxitr");
            if (maxitr == null || tok.next() == null) {
                if (maxitr != null) {
                    ignoredLeftover(first, start);
                }
                return;
            }
            Integer ntyp = replayInteger(first, start, "ntyp");
            if (ntyp == null) {
                return;
            }
            for (int i = 0; i < ntyp; i++) {
                if (tok.next() == null) {
                    ignoredLeftover(first, start);
                    return;
                }
                Integer ncmp = replayInteger(first, start, "ncmp");
                if (ncmp == null || !replayReal(first, start, "rmt") || !replayReal(first, start, "field")
                        || replayInteger(first, start, "lmxtyp") == null) {
                    return;
                }
                for (int j = 0; j < ncmp; j++) {
                    int n = version.hasDisplacementColumns() ? 5 : 2;
                    for (int k = 0; k < n; k++) {
                        if (!replayReal(first, start, "anclr/conc")) {
                            return;
                        }
                    }
                }
            }
            Integer natm = replayInteger(first, start, "natm");
            if (natm == null) {
                return;
            }
            for (int i = 0; i < 4 * natm; i++) {
                if (tok.next() == null) {
                    ignoredLeftover(first, start);
                    return;
                }
            }
            fail(first, prefix + "go", start + "; specx reads them as a complete deck with the unknown mode "
                    + first.shown());
        }

        /** Replays one list-directed real read; false when the replay ended (end of file or error thrown). */
        private boolean replayReal(CardToken first, String start, String field) {
            CardToken t = tok.next();
            if (t == null) {
                ignoredLeftover(first, start);
                return false;
            }
            if (t.isEmpty()) {
                return true;
            }
            String text = t.text();
            String head = text.indexOf('/') >= 0 ? text.substring(0, text.indexOf('/')) : text;
            boolean ok = head.isEmpty() || FortranNumbers.parseReal(head) != null
                    || (field.equals("ewidth") && version != AkaiVersion.CPA2002V010
                    && NumberWithSuffix.split(text) != null);
            if (!ok) {
                fail(t, prefix + field, start + "; specx reads them as a new deck and stops with 'Bad real number'"
                        + " at " + field + " = " + t.shown());
            }
            return true;
        }

        /** Replays one list-directed integer read; null when the replay ended. */
        private Integer replayInteger(CardToken first, String start, String field) {
            CardToken t = tok.next();
            if (t == null) {
                ignoredLeftover(first, start);
                return null;
            }
            if (t.isEmpty()) {
                return field.equals("maxitr") ? CardDeck.DEFAULT_MAXITR : 1;
            }
            String text = t.text();
            String head = text.indexOf('/') >= 0 ? text.substring(0, text.indexOf('/')) : text;
            Integer v = head.isEmpty() ? Integer.valueOf(1) : FortranNumbers.parseInteger(head);
            if (v == null) {
                fail(t, prefix + field, start + "; specx reads them as a new deck and stops with 'Bad integer'"
                        + " at " + field + " = " + t.shown());
            }
            return v;
        }

        private void ignoredLeftover(CardToken first, String start) {
            CardToken last = tok.last();
            problems.add(new CardProblem(CardProblem.Severity.WARNING, first.line(), prefix + "go",
                    "the data on lines " + first.line() + "-" + last.line() + " is ignored by specx: " + start
                            + "; specx reads it as a new deck, reaches the end of the file and stops without running"
                            + " it"));
        }

        // ---------------------------------------------------------------- deck

        private void checkDeckStart(CardToken t, String lower) {
            String field = prefix + "go";
            if (lower.equals("begin_option")) {
                if (!version.supportsOptionBlocks()) {
                    fail(t, field, "option block (begin_option) on " + version.id() + ", which has no option"
                            + " support: specx reads 'begin_option' as the go mode of a new deck and aborts with a"
                            + " read error; option blocks need " + versionsWithOptions());
                }
                fail(t, field, "an option block must follow the atoms of a deck (at most one per deck)");
            }
            if (looksNumeric(t.text())) {
                fail(t, field, t.shown() + " cannot start a deck (a go mode is expected here): "
                        + leftoverExplanation());
            }
        }

        private String leftoverExplanation() {
            if (previousDeck == null) {
                return "the card must start with the go mode";
            }
            String prev = "deck " + (deckNo - 1) + " (go=" + previousDeck.go() + ")";
            Optional<GoMode> mode = previousDeck.goMode();
            if (mode.isPresent() && mode.get().kind() == GoMode.Kind.SPC) {
                int n = previousDeck.kPath().map(p -> p.points().size()).orElse(0);
                if (mode.get().spcRead() != 1 && n >= KPath.MAX_SYMMETRY_POINTS) {
                    return "specx reads at most " + KPath.MAX_SYMMETRY_POINTS + " symmetry points after " + prev
                            + "; the rest of the k-list is taken as a new deck";
                }
                return "the k-list of " + prev + " does not fit read format (" + (char) ('a' + mode.get().spcRead() - 1)
                        + ") of the mode, or natm is smaller than the number of atom lines";
            }
            if (mode.isPresent() && mode.get().kind() == GoMode.Kind.FSM) {
                return "only one number (fspin) follows the atoms of " + prev
                        + "; or natm is smaller than the number of atom lines";
            }
            return "data follows the atoms of " + prev + ", which reads nothing after its atoms:"
                    + " a k-path needs an spc mode, a fixed spin moment the fsm mode; or natm ("
                    + previousDeck.natm() + ") is smaller than the number of atom lines";
        }

        private CardDeck readDeck(CardToken goToken, String goLower) {
            note(prefix + "go", goToken);
            String go = goToken.isEmpty() ? CardDeck.DEFAULT_GO : goLower;
            checkMode(goToken, go);

            CardToken fileToken = need(prefix + "file");
            String file = fileToken.isEmpty() ? CardDeck.DEFAULT_FILE : fileToken.text();
            if (file.length() > 256) {
                warn(fileToken, prefix + "file", "potential file name longer than 256 characters is truncated by specx");
            }
            Lattice lattice = readLattice();
            double edelt = real(prefix + "edelt", CardDeck.DEFAULT_EDELT_RY);
            CardToken ewToken = need(prefix + "ewidth");
            double ewidth;
            String ewidthSuffix = "";
            if (ewToken.isEmpty()) {
                ewidth = CardDeck.DEFAULT_EWIDTH_RY;
            } else if (version == AkaiVersion.CPA2002V010) {
                NumberWithSuffix ns = NumberWithSuffix.split(ewToken.text());
                if (ns != null && !ns.suffix().isEmpty()) {
                    fail(ewToken, prefix + "ewidth", "Bad real number " + ewToken.shown() + ": the ewidth suffix '"
                            + ns.suffix() + "' is understood only by 2022.0721; cpa2002v010 reads ewidth as a plain"
                            + " number");
                }
                ewidth = realOf(ewToken, prefix + "ewidth", CardDeck.DEFAULT_EWIDTH_RY);
            } else {
                NumberWithSuffix ns = NumberWithSuffix.split(ewToken.text());
                if (ns == null) {
                    fail(ewToken, prefix + "ewidth", "Bad real number " + ewToken.shown());
                }
                ewidth = ns.value();
                ewidthSuffix = ns.suffix().toLowerCase(Locale.ROOT);
            }
            String reltyp = keyword(prefix + "reltyp", CardDeck.DEFAULT_RELTYP);
            String sdftyp = keyword(prefix + "sdftyp", CardDeck.DEFAULT_SDFTYP);
            String magtyp = keyword(prefix + "magtyp", CardDeck.DEFAULT_MAGTYP);
            String record = keyword(prefix + "record", CardDeck.DEFAULT_RECORD);
            String outtyp = keyword(prefix + "outtyp", CardDeck.DEFAULT_OUTTYP);
            String bzqlty = keyword(prefix + "bzqlty", CardDeck.DEFAULT_BZQLTY);
            int maxitr = integer(prefix + "maxitr", CardDeck.DEFAULT_MAXITR);
            CardToken pmixToken = need(prefix + "pmix");
            double pmix = CardDeck.DEFAULT_PMIX;
            String pmixSuffix = CardDeck.DEFAULT_PMIX_SUFFIX;
            if (!pmixToken.isEmpty()) {
                NumberWithSuffix ns = NumberWithSuffix.split(pmixToken.text().toLowerCase(Locale.ROOT));
                if (ns == null) {
                    fail(pmixToken, prefix + "pmix", "Bad real number " + pmixToken.shown()
                            + " (a number with an optional mixing suffix such as 0.02ch is expected)");
                }
                pmix = ns.value();
                pmixSuffix = ns.suffix();
            }
            List<AtomType> types = readTypes();
            List<Atom> atoms = readAtoms();
            checkAtomTypes(types, atoms);
            CardDeck deck = new CardDeck(go, file, lattice, edelt, ewidth, ewidthSuffix, reltyp, sdftyp, magtyp,
                    record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, Optional.empty(),
                    OptionalDouble.empty(), Optional.empty());
            checkKeywords(deck);
            context = null;
            deck = deck.withOptions(readOptions());
            GoMode mode = deck.goMode().orElseThrow();
            if (mode.kind() == GoMode.Kind.FSM) {
                deck = deck.withFixedSpinMoment(OptionalDouble.of(readFspin()));
            } else if (mode.kind() == GoMode.Kind.SPC) {
                deck = deck.withKPath(readKPath(mode));
            }
            return deck;
        }

        private void checkMode(CardToken goToken, String go) {
            String field = prefix + "go";
            Optional<GoMode> mode = GoMode.parse(go);
            if (mode.isEmpty()) {
                fail(goToken, field, "unknown go mode " + goToken.shown() + "; known modes: go dsp dos log mcd xmd"
                        + " spc[XY] fsm tc j<dlimit> cnd sbk geom (by version)");
            }
            GoMode.Kind kind = mode.get().kind();
            if (!version.supports(kind)) {
                fail(goToken, field, "go mode '" + go + "' is not supported by " + version.id()
                        + " (supported by " + versionsSupporting(kind) + ")"
                        + (version == AkaiVersion.CPA2002V010 ? "; cpa2002v010 silently skips such a deck" : ""));
            }
            if (go.length() > GoMode.MAX_LENGTH) {
                warn(goToken, field, "go mode '" + go + "' is longer than " + GoMode.MAX_LENGTH
                        + " characters; specx keeps only '" + go.substring(0, GoMode.MAX_LENGTH) + "'");
            }
        }

        private Lattice readLattice() {
            String field = prefix + "brvtyp";
            CardToken bt = need(field);
            if (bt.isEmpty()) {
                fail(bt, field, "brvtyp is empty: specx would then choose the lattice of the dominant element"
                        + " itself, which kkr4j does not support; give the lattice explicitly");
            }
            String lower = bt.text().toLowerCase(Locale.ROOT);
            boolean tilted = lower.endsWith("tlt") && lower.length() > 3;
            String base = tilted ? lower.substring(0, lower.length() - 3) : lower;
            Optional<BravaisLattice> bravais = BravaisLattice.fromKeyword(base);
            if (bravais.isEmpty()) {
                fail(bt, field, "unknown brvtyp " + bt.shown() + " (specx would silently pick the lattice of the"
                        + " dominant element); known: fcc bcc hcp hex sc bct st fco bco bso so bsm sm trc rhb trg fct"
                        + " aux prv, optionally with the suffix tlt");
            }
            Optional<PrimitiveVectors> vectors = Optional.empty();
            if (bravais.get().hasPrimitiveVectors()) {
                Vector3[] v = new Vector3[3];
                Vector3[] defaults = {PrimitiveVectors.IDENTITY.a(), PrimitiveVectors.IDENTITY.b(),
                    PrimitiveVectors.IDENTITY.c()};
                for (int j = 0; j < 3; j++) {
                    String vf = prefix + "r" + (j + 1);
                    double x = real(vf + ".x", defaults[j].x());
                    double y = real(vf + ".y", defaults[j].y());
                    double z = real(vf + ".z", defaults[j].z());
                    v[j] = new Vector3(x, y, z);
                }
                vectors = Optional.of(new PrimitiveVectors(v[0], v[1], v[2]));
            }
            Optional<EulerAngles> tilt = Optional.empty();
            if (tilted) {
                double first = real(prefix + "tilt[1]", 0);
                double second = real(prefix + "tilt[2]", 0);
                double third = real(prefix + "tilt[3]", 0);
                tilt = Optional.of(new EulerAngles(first, second, third));
            }
            CardToken aToken = need(prefix + "a");
            double a = realOf(aToken, prefix + "a", 0);
            double[] shape = new double[5];
            if (!bravais.get().hasPrimitiveVectors()) {
                String[] names = {"c/a", "b/a", "alpha", "beta", "gamma"};
                boolean commas = aToken.isEmpty();
                for (int i = 0; i < 5; i++) {
                    CardToken t = need(prefix + names[i]);
                    commas |= t.isEmpty();
                    shape[i] = realOf(t, prefix + names[i], 0);
                    if (latticeShiftHint == null && commas && !t.isEmpty() && t.line() > aToken.line()
                            && aToken.line() == bt.line()) {
                        latticeShiftHint = names[i] + " took " + t.shown() + " from line " + t.line()
                                + ", below the lattice line " + bt.line() + ": the lattice line may lack commas"
                                + " (after a, each defaulted field of c/a b/a alpha beta gamma needs its own"
                                + " comma, e.g. 'fcc 6.83 , , , , , ,')";
                    }
                }
            }
            return new Lattice(bravais.get(), base, tilt, vectors, a, shape[0], shape[1], shape[2], shape[3],
                    shape[4]);
        }

        private List<AtomType> readTypes() {
            CardToken ntypToken = need(prefix + "ntyp");
            int ntyp = integerOf(ntypToken, prefix + "ntyp", 1);
            if (ntyp < 1) {
                fail(ntypToken, prefix + "ntyp", "ntyp must be at least 1, got " + ntyp);
            }
            List<AtomType> types = new ArrayList<>();
            for (int i = 1; i <= ntyp; i++) {
                String f = prefix + "type[" + i + "].";
                context = "reading type " + i + " of ntyp=" + ntyp + " (ntyp on line " + ntypToken.line() + ")";
                CardToken nameToken = need(f + "name");
                String name = nameToken.isEmpty() ? CardDeck.DEFAULT_TYPE_NAME : nameToken.text();
                CardToken ncmpToken = need(f + "ncmp");
                int ncmp = integerOf(ncmpToken, f + "ncmp", 1);
                if (ncmp < 1) {
                    fail(ncmpToken, f + "ncmp", "ncmp must be at least 1, got " + ncmp);
                }
                double rmt = real(f + "rmt", CardDeck.DEFAULT_RMT);
                double field = real(f + "field", CardDeck.DEFAULT_FIELD);
                int lmxtyp = integer(f + "lmxtyp", CardDeck.DEFAULT_LMXTYP);
                List<Component> components = new ArrayList<>();
                for (int j = 1; j <= ncmp; j++) {
                    String cf = f + "component[" + j + "].";
                    context = "reading component " + j + " of ncmp=" + ncmp + " of type '" + name + "' (type " + i
                            + " of ntyp=" + ntyp + ")";
                    Vector3 displacement = Vector3.ZERO;
                    if (version.hasDisplacementColumns()) {
                        displacement = new Vector3(real(cf + "dx", 0), real(cf + "dy", 0), real(cf + "dz", 0));
                    }
                    double anclr = real(cf + "anclr", CardDeck.DEFAULT_ANCLR);
                    double conc = real(cf + "conc", CardDeck.DEFAULT_CONC);
                    components.add(new Component(displacement, anclr, conc));
                }
                types.add(new AtomType(name, rmt, field, lmxtyp, components));
                checkTypeName(nameToken, f + "name", name);
                if (components.stream().allMatch(c -> c.conc() == 0)) {
                    warn(nameToken, f + "conc", "all concentrations of type '" + name
                            + "' are zero: specx stops with 'illegal conc'");
                }
            }
            return types;
        }

        private void checkTypeName(CardToken t, String field, String name) {
            if (name.length() > version.typeNameLength()) {
                warn(t, field, "type name '" + name + "' is longer than the " + version.typeNameLength()
                        + " characters " + version.id() + " keeps: specx uses '"
                        + name.substring(0, version.typeNameLength()) + "'");
            }
            if (name.contains("-")) {
                warn(t, field, "type name '" + name + "' contains '-', which makes the type1-type2 labels of the"
                        + " J_ij table ambiguous");
            }
        }

        private List<Atom> readAtoms() {
            CardToken natmToken = need(prefix + "natm");
            int natm = integerOf(natmToken, prefix + "natm", 1);
            if (natm < 1) {
                fail(natmToken, prefix + "natm", "natm must be at least 1, got " + natm);
            }
            List<Atom> atoms = new ArrayList<>();
            String[] axes = {"x", "y", "z"};
            for (int i = 1; i <= natm; i++) {
                String f = prefix + "atom[" + i + "].";
                context = "reading atom " + i + " of natm=" + natm + " (natm on line " + natmToken.line() + ")";
                Coordinate[] c = new Coordinate[3];
                for (int k = 0; k < 3; k++) {
                    CardToken t = need(f + axes[k]);
                    c[k] = position(t, f + axes[k]);
                }
                CardToken typeToken = need(f + "type");
                String type = typeToken.isEmpty() ? CardDeck.DEFAULT_TYPE_NAME : typeToken.text();
                atoms.add(new Atom(c[0], c[1], c[2], type));
            }
            return atoms;
        }

        private void checkAtomTypes(List<AtomType> types, List<Atom> atoms) {
            int limit = version.typeNameLength();
            Map<String, String> firstByTruncated = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                String name = types.get(i).name();
                String f = prefix + "type[" + (i + 1) + "].name";
                String truncated = truncate(name, limit);
                String earlier = firstByTruncated.putIfAbsent(truncated, name);
                if (earlier != null) {
                    warn(lineOf(f), f, earlier.equals(name)
                            ? "type '" + name + "' is defined twice: specx binds atoms to the first definition"
                            : "type names '" + earlier + "' and '" + name + "' are the same after truncation to "
                            + limit + " characters ('" + truncated + "'): specx binds atoms to the first");
                }
            }
            for (int i = 0; i < atoms.size(); i++) {
                String name = atoms.get(i).typeName();
                String f = prefix + "atom[" + (i + 1) + "].type";
                if (types.stream().anyMatch(t -> t.name().equals(name))) {
                    continue;
                }
                String truncated = truncate(name, limit);
                if (firstByTruncated.containsKey(truncated)) {
                    warn(lineOf(f), f, "atom type '" + name + "' matches type '" + firstByTruncated.get(truncated)
                            + "' only after truncation to " + limit + " characters");
                    continue;
                }
                context = "atom " + (i + 1) + " of natm=" + atoms.size() + "; the types of deck " + deckNo + " are "
                        + types.stream().map(AtomType::name).collect(Collectors.joining(", "));
                fail(lineOf(f), f, "atom " + (i + 1) + " refers to type '" + name + "', which is not defined"
                        + " (specx stops in ty2ity: type not defined)");
            }
        }

        private void checkKeywords(CardDeck deck) {
            if (!deck.reltyp().contains("nrl") && !deck.reltyp().contains("sra")) {
                warn(lineOf(prefix + "reltyp"), prefix + "reltyp", "illegal reltyp '" + deck.reltyp()
                        + "' (needs nrl or sra): specx stops with 'illegal reltyp'");
            }
            if (!List.of("init", "1st", "2nd").contains(deck.record())) {
                warn(lineOf(prefix + "record"), prefix + "record", "record '" + deck.record()
                        + "' is none of init, 1st, 2nd: specx stops with 'illegal token'");
            }
            if (!List.of("update", "quit").contains(deck.outtyp())) {
                warn(lineOf(prefix + "outtyp"), prefix + "outtyp", "outtyp '" + deck.outtyp()
                        + "' is neither update nor quit");
            }
            if (!CardChecker.isKnownMagtyp(deck.magtyp())) {
                warn(lineOf(prefix + "magtyp"), prefix + "magtyp", "magtyp '" + deck.magtyp()
                        + "' is none of mag nmag rvrs -mag kick lmd");
            }
            if (!CardChecker.isValidBzqlty(deck.bzqlty())) {
                warn(lineOf(prefix + "bzqlty"), prefix + "bzqlty", "bzqlty '" + deck.bzqlty()
                        + "' is neither t l m h u nor an integer (optionally with fbz)");
            }
            if (deck.mixingScheme() == MixingScheme.UNKNOWN) {
                warn(lineOf(prefix + "pmix"), prefix + "pmix", "unknown mixing suffix '" + deck.pmixSuffix()
                        + "' (known: ch tch tchebyshev br bry broyden)");
            }
        }

        // ---------------------------------------------------------------- trailing data

        private Optional<OptionBlock> readOptions() {
            CardToken t = tok.next();
            if (t == null) {
                return Optional.empty();
            }
            if (!t.text().equalsIgnoreCase("begin_option") || !version.supportsOptionBlocks()) {
                tok.pushBack(t);
                return Optional.empty();
            }
            String f = prefix + "option";
            note(f, t);
            context = "reading the option block that starts on line " + t.line();
            List<OptionEntry> entries = new ArrayList<>();
            while (true) {
                CardToken k = tok.next();
                if (k == null) {
                    fail(null, f, "failed to read \"end_option\": the option block that starts on line " + t.line()
                            + " is not terminated");
                }
                String lower = k.text().toLowerCase(Locale.ROOT);
                if (lower.equals("end_option")) {
                    break;
                }
                if (k.text().length() > 1 && k.text().endsWith("=")) {
                    String key = k.text().substring(0, k.text().length() - 1);
                    CardToken v = tok.next();
                    if (v == null) {
                        fail(null, f + "." + key, "failed to read \"end_option\": the file ends after '" + k.text()
                                + "'");
                    }
                    note(f + "." + key, k);
                    if (v.isEmpty() || v.text().equalsIgnoreCase("end_option")) {
                        fail(v, f + "." + key, "option '" + k.text() + "' has no value");
                    }
                    entries.add(new OptionEntry.Value(key, v.text()));
                } else if (lower.startsWith("begin_") && lower.length() > 6) {
                    String name = k.text().substring(6);
                    note(f + "." + name, k);
                    List<String> values = new ArrayList<>();
                    while (true) {
                        CardToken v = tok.next();
                        if (v == null) {
                            fail(null, f + "." + name, "failed to read \"end_" + name + "\": the array that starts on"
                                    + " line " + k.line() + " is not terminated");
                        }
                        if (v.text().equalsIgnoreCase("end_" + name)) {
                            break;
                        }
                        if (v.text().equalsIgnoreCase("end_option")) {
                            fail(v, f + "." + name, "end_option inside the array begin_" + name);
                        }
                        if (!v.isEmpty()) {
                            values.add(v.text());
                        }
                    }
                    entries.add(new OptionEntry.Array(name, values));
                } else {
                    String hint = k.text().contains("=")
                            ? ": 'key=' and its value must be separate tokens (write '"
                            + k.text().substring(0, k.text().indexOf('=') + 1) + " "
                            + k.text().substring(k.text().indexOf('=') + 1) + "')"
                            : ": a key must be written 'key=' followed by its value";
                    fail(k, f, "unknown token: " + k.shown() + " (specx stops with code 100)" + hint);
                }
            }
            return Optional.of(new OptionBlock(entries));
        }

        private double readFspin() {
            String f = prefix + "fspin";
            CardToken t = tok.next();
            if (t == null) {
                fail(null, f, "fspin data not found: an fsm deck needs the fixed spin moment after its atoms");
            }
            note(f, t);
            if (t.text().equalsIgnoreCase("begin_option") && !version.supportsOptionBlocks()) {
                fail(t, f, "option block on " + version.id() + ", which has no option support (found where fspin"
                        + " belongs); option blocks need " + versionsWithOptions());
            }
            if (t.isEmpty() || t.startsWithLetter()) {
                fail(t, f, "fspin (the fixed spin moment in muB) expected after the atoms of an fsm deck, found "
                        + t.shown());
            }
            return realOf(t, f, 0);
        }

        private Optional<KPath> readKPath(GoMode mode) {
            KPath.Format format = KPath.Format.ofCode(mode.spcRead());
            String f = prefix + "kpath";
            context = "reading the k-path of mode " + mode.text() + " (read format (" + (char) ('a' + format.code() - 1)
                    + "))";
            OptionalInt total = OptionalInt.empty();
            int maxPoints = Integer.MAX_VALUE;
            if (format == KPath.Format.TOTAL_COUNT) {
                CardToken t = tok.next();
                if (t == null || t.startsWithLetter()) {
                    if (t != null) {
                        tok.pushBack(t);
                    }
                    warn(tok.currentLine(), f, "spc deck without k-points");
                    return Optional.empty();
                }
                note(f + ".nk", t);
                total = OptionalInt.of(integerOf(t, f + ".nk", 0));
            }
            if (format != KPath.Format.EXPLICIT) {
                maxPoints = KPath.MAX_SYMMETRY_POINTS;
            }
            List<KPoint> points = new ArrayList<>();
            while (points.size() < maxPoints) {
                CardToken t = tok.next();
                if (t == null) {
                    break;
                }
                if (t.startsWithLetter()) {
                    tok.pushBack(t);
                    break;
                }
                String pf = f + ".point[" + (points.size() + 1) + "]";
                note(pf, t);
                double x = kValue(t, pf + ".x");
                double y = kValue(kToken(pf + ".y", "illegal k-value read"), pf + ".y");
                double z = kValue(kToken(pf + ".z", "illegal k-value read"), pf + ".z");
                OptionalInt div = OptionalInt.empty();
                if (format == KPath.Format.DIVISIONS) {
                    CardToken d = kToken(pf + ".ndiv", "illegal division number read");
                    Integer n = d.text().length() <= 5 ? FortranNumbers.parseInteger(d.text()) : null;
                    if (n == null) {
                        fail(d, pf + ".ndiv", "Bad integer " + d.shown() + " for the number of divisions (read with"
                                + " format i5)");
                    }
                    div = OptionalInt.of(n);
                }
                points.add(new KPoint(new Vector3(x, y, z), div));
            }
            if (points.isEmpty()) {
                warn(tok.currentLine(), f, "spc deck without k-points");
            } else if (format == KPath.Format.TOTAL_COUNT && points.size() < 2) {
                warn(lineOf(f + ".point[1]"), f, "read format (c) needs at least two symmetry points");
            }
            if (points.isEmpty() && total.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new KPath(format, total, points));
        }

        private CardToken kToken(String field, String letterProblem) {
            CardToken t = tok.next();
            if (t == null) {
                fail(null, field, "the card ends in the middle of a k-point");
            }
            note(field, t);
            if (t.startsWithLetter()) {
                fail(t, field, letterProblem + ": " + t.shown() + " (readk)");
            }
            return t;
        }

        private double kValue(CardToken t, String field) {
            if (t.isEmpty()) {
                fail(t, field, "empty field in a k-point (specx cannot read a blank k-value)");
            }
            String text = t.text();
            int slash = text.indexOf('/');
            if (slash >= 0 && version != AkaiVersion.CPA2002V010) {
                Double v = fraction(text);
                if (v == null) {
                    fail(t, field, "Bad real number " + t.shown() + " in a k-point");
                }
                return v;
            }
            if (slash >= 0) {
                Double head = FortranNumbers.parseReal(text.substring(0, slash));
                if (head == null) {
                    fail(t, field, "Bad real number " + t.shown() + " in a k-point");
                }
                warn(t, field, "cpa2002v010 reads the k-value " + t.shown() + " as " + CardNumbers.format(head)
                        + " ('/' ends a list-directed read; fractions in k-points need a newer version): write"
                        + " decimals");
                return head;
            }
            return realOf(t, field, 0);
        }

        // ---------------------------------------------------------------- values

        private Coordinate position(CardToken t, String field) {
            if (t.isEmpty()) {
                return Coordinate.cartesian(0);
            }
            String text = t.text().toLowerCase(Locale.ROOT);
            if (text.length() > 24) {
                fail(t, field, "position token " + t.shown() + " is longer than the 24 characters specx keeps");
            }
            char last = text.charAt(text.length() - 1);
            Coordinate.Basis basis = Coordinate.Basis.CARTESIAN;
            String number = text;
            if (last >= 'a' && last <= 'z') {
                basis = switch (last) {
                    case 'a' -> Coordinate.Basis.A;
                    case 'b' -> Coordinate.Basis.B;
                    case 'c' -> Coordinate.Basis.C;
                    case 'x' -> Coordinate.Basis.X;
                    case 'y' -> Coordinate.Basis.Y;
                    case 'z' -> Coordinate.Basis.Z;
                    default -> {
                        fail(t, field, "illegal character '" + last + "' at the end of the position " + t.shown()
                                + " (allowed suffixes: a b c x y z; specx stops in chklat)");
                        yield null;
                    }
                };
                number = text.substring(0, text.length() - 1);
                if (number.isEmpty()) {
                    return new Coordinate(1, basis);
                }
            }
            Double v = number.indexOf('/') >= 0 ? fraction(number) : FortranNumbers.parseReal(number);
            if (v == null) {
                fail(t, field, "Bad real number " + t.shown() + " in an atomic position (a number, a fraction p/q,"
                        + " optionally followed by a b c x y z is expected)");
            }
            return new Coordinate(v, basis);
        }

        /** {@code redata.f}: exactly one '/' divides two list-directed reals. */
        private static Double fraction(String text) {
            int slash = text.indexOf('/');
            if (slash != text.lastIndexOf('/')) {
                return null;
            }
            Double p = FortranNumbers.parseReal(text.substring(0, slash));
            Double q = FortranNumbers.parseReal(text.substring(slash + 1));
            if (p == null || q == null) {
                return null;
            }
            return p / q;
        }

        private double real(String field, double dflt) {
            return realOf(need(field), field, dflt);
        }

        private double realOf(CardToken t, String field, double dflt) {
            return listDirected(t, field, dflt, FortranNumbers::parseReal, "Bad real number", CardNumbers::format);
        }

        private int integer(String field, int dflt) {
            return integerOf(need(field), field, dflt);
        }

        private int integerOf(CardToken t, String field, int dflt) {
            return listDirected(t, field, dflt, FortranNumbers::parseInteger, "Bad integer", String::valueOf);
        }

        /**
         * One list-directed number: an empty token keeps the default, and a '/' ends the read, so that
         * '1/2' is read as 1 and '/2' reads nothing (both with a warning, as specx says nothing).
         */
        private <T> T listDirected(CardToken t, String field, T dflt, Function<String, T> parse, String failure,
                Function<T, String> show) {
            if (t.isEmpty()) {
                return dflt;
            }
            String text = t.text();
            int slash = text.indexOf('/');
            String head = slash >= 0 ? text.substring(0, slash) : text;
            if (slash >= 0 && head.isEmpty()) {
                warn(t, field, t.shown() + " reads nothing ('/' ends a list-directed read): the default "
                        + show.apply(dflt) + " is kept");
                return dflt;
            }
            T v = parse.apply(head);
            if (v == null) {
                fail(t, field, failure + " " + t.shown());
            }
            if (slash >= 0) {
                warn(t, field, t.shown() + " is read as " + show.apply(v) + " ('/' ends a list-directed read)");
            }
            return v;
        }

        private String keyword(String field, String dflt) {
            CardToken t = need(field);
            return t.isEmpty() ? dflt : t.text().toLowerCase(Locale.ROOT);
        }

        private CardToken need(String field) {
            CardToken t = tok.next();
            if (t == null) {
                fail(null, field, "the card ends in the middle of deck " + deckNo + ": " + field + " and the fields"
                        + " after it are missing");
            }
            note(field, t);
            return t;
        }

        private void note(String field, CardToken t) {
            fieldLines.putIfAbsent(field, t.line());
            trace.addLast(field.substring(Math.min(prefix.length(), field.length())) + "=" + t.shown() + " (line "
                    + t.line() + ")");
            while (trace.size() > 4) {
                trace.removeFirst();
            }
        }

        private int lineOf(String field) {
            return fieldLines.getOrDefault(field, 0);
        }

        // ---------------------------------------------------------------- problems

        private void warn(CardToken t, String field, String message) {
            warn(t == null ? 0 : t.line(), field, message);
        }

        private void warn(int line, String field, String message) {
            problems.add(new CardProblem(CardProblem.Severity.WARNING, line, field, message));
        }

        private void fail(CardToken t, String field, String problem) {
            if (t == null) {
                fail(lastLine(), field, problem);
            }
            fail(t.line(), field, problem + " (column " + t.column() + ")");
        }

        private void fail(int line, String field, String problem) {
            StringBuilder sb = new StringBuilder(problem);
            List<CardTokenizer.CommentLine> swallowed = tok.comments().stream()
                    .filter(c -> c.line() >= searchFromLine && c.line() <= Math.max(line, searchFromLine))
                    .filter(c -> looksLikeData(c.text()))
                    .toList();
            for (CardTokenizer.CommentLine c : swallowed) {
                sb.append("; line ").append(c.line()).append(" '").append(c.text().strip())
                        .append("' starts with '").append(c.text().charAt(0))
                        .append("' in column 1 and was skipped as a comment: indent it by one blank if it is data");
            }
            if (latticeShiftHint != null) {
                sb.append("; ").append(latticeShiftHint);
            }
            if (context != null) {
                sb.append("; while ").append(context);
            }
            if (!trace.isEmpty()) {
                sb.append("; fields read just before: ").append(String.join(", ", trace));
            }
            throw new KkrFormatException(source.name(), line, field, sb.toString());
        }

        /** The line of the last token read: where a truncated card stops. */
        private int lastLine() {
            CardToken last = tok.last();
            return last == null ? source.lineCount() : last.line();
        }

        private void reportSwallowedComments() {
            for (CardTokenizer.CommentLine c : tok.comments()) {
                if (looksLikeData(c.text())) {
                    problems.add(new CardProblem(CardProblem.Severity.WARNING, c.line(), "line",
                            "'" + c.text().strip() + "' starts with '" + c.text().charAt(0) + "' in column 1, so specx"
                                    + " skips it as a comment, but it looks like data: indent it by one blank if"
                                    + " it is data"));
                }
            }
        }

        private void reportIgnoredRest(String keyword) {
            CardToken endToken = tok.last();
            List<CardToken> rest = tok.drain();
            if (!rest.isEmpty()) {
                problems.add(new CardProblem(CardProblem.Severity.INFO, rest.get(0).line(), "after-end",
                        rest.size() + " token(s) after '" + keyword + "' on line " + endToken.line() + " (lines "
                                + rest.get(0).line() + "-" + rest.get(rest.size() - 1).line()
                                + ") are ignored by specx"));
            }
        }

        private static boolean looksNumeric(String text) {
            if (text.isEmpty()) {
                return false;
            }
            char c = text.charAt(0);
            return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        }

        private static String truncate(String name, int limit) {
            return name.length() <= limit ? name : name.substring(0, limit);
        }
    }

    static String versionsSupporting(GoMode.Kind kind) {
        return Arrays.stream(AkaiVersion.values()).filter(v -> v.supports(kind)).map(AkaiVersion::id)
                .collect(Collectors.joining(", "));
    }

    static String versionsWithOptions() {
        return Arrays.stream(AkaiVersion.values()).filter(AkaiVersion::supportsOptionBlocks).map(AkaiVersion::id)
                .collect(Collectors.joining(", "));
    }

    /** A number followed by letters, as in {@code 1.7noc} or {@code 0.024d0ch}. */
    record NumberWithSuffix(double value, String suffix) {

        /** Splits at the longest prefix that is a Fortran real; null when there is none or the rest is not letters. */
        static NumberWithSuffix split(String text) {
            for (int end = text.length(); end > 0; end--) {
                Double v = FortranNumbers.parseReal(text.substring(0, end));
                if (v != null) {
                    String suffix = text.substring(end);
                    if (!suffix.chars().allMatch(Character::isLetter)) {
                        return null;
                    }
                    return new NumberWithSuffix(v, suffix);
                }
            }
            return null;
        }
    }
}
