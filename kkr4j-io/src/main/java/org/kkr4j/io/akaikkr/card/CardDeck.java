package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.kkr4j.io.akaikkr.GoMode;

/**
 * One deck of an AkaiKKR input card, field by field in the order specx reads them ({@code readin.f}),
 * followed by the trailing data of the deck. A field left empty in the card (comma) holds the specx
 * default ({@link #DEFAULT_EDELT_RY} ...).
 *
 * <p>Keywords ({@code go}, reltyp, sdftyp, magtyp, record, outtyp, bzqlty, the pmix suffix) are held
 * in lower case, as specx lower-cases them; type names and the potential file are case-sensitive.
 * ntyp, ncmp and natm are the sizes of the lists, so they cannot disagree with the data.
 *
 * @param go                 the mode text in lower case, e.g. {@code go}, {@code spc31}, {@code j3.0};
 *                           kept even when no version knows it ({@link #goMode()} is then empty)
 * @param potentialFile      the potential file name, case-sensitive
 * @param lattice            brvtyp and lattice parameters
 * @param edeltRy            imaginary part of the real-axis energies (Ry)
 * @param ewidthRy           energy window width (Ry)
 * @param ewidthSuffix       letters written after the ewidth number (2022.0721: {@code noc}); "" for none
 * @param reltyp             {@code nrl}, {@code sra}, {@code srals} ...
 * @param sdftyp             {@code mjw}, {@code pbeasa} ...
 * @param magtyp             {@code mag}, {@code nmag} ...
 * @param record             {@code init}, {@code 1st}, {@code 2nd}
 * @param outtyp             {@code update} or {@code quit}
 * @param bzqlty             {@code t l m h u} or an integer, possibly with {@code fbz}
 * @param maxitr             maximum number of iterations
 * @param pmix               the mixing parameter (the number part of the pmix token)
 * @param pmixSuffix         the mixing suffix as written in lower case, e.g. {@code ch}; "" for none
 * @param types              the site types (ntyp = size)
 * @param atoms              the atoms of the unit cell (natm = size)
 * @param options            the {@code begin_option} block (2021+)
 * @param fixedSpinMomentMuB fspin of an fsm deck (muB)
 * @param kPath              the k-points of an spc deck
 */
public record CardDeck(String go, String potentialFile, Lattice lattice, double edeltRy, double ewidthRy,
                       String ewidthSuffix, String reltyp, String sdftyp, String magtyp, String record,
                       String outtyp, String bzqlty, int maxitr, double pmix, String pmixSuffix,
                       List<AtomType> types, List<Atom> atoms, Optional<OptionBlock> options,
                       OptionalDouble fixedSpinMomentMuB, Optional<KPath> kPath) {

    public static final String DEFAULT_GO = "go";
    public static final String DEFAULT_FILE = "tmpfile";
    public static final double DEFAULT_EDELT_RY = 1e-3;
    public static final double DEFAULT_EWIDTH_RY = 1.2;
    public static final String DEFAULT_RELTYP = "nrl";
    public static final String DEFAULT_SDFTYP = "mjw";
    public static final String DEFAULT_MAGTYP = "mag";
    public static final String DEFAULT_RECORD = "2nd";
    public static final String DEFAULT_OUTTYP = "update";
    public static final String DEFAULT_BZQLTY = "t";
    public static final int DEFAULT_MAXITR = 40;
    /** readin.f's default pmix token {@code 0.024d0ch}: the number ... */
    public static final double DEFAULT_PMIX = 0.024;
    /** ... and its suffix. */
    public static final String DEFAULT_PMIX_SUFFIX = "ch";
    public static final String DEFAULT_TYPE_NAME = "undef";
    public static final double DEFAULT_RMT = 0;
    public static final double DEFAULT_FIELD = 0;
    public static final int DEFAULT_LMXTYP = 2;
    public static final double DEFAULT_ANCLR = 0;
    public static final double DEFAULT_CONC = 1;

    public CardDeck {
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(potentialFile, "potentialFile");
        Objects.requireNonNull(lattice, "lattice");
        Objects.requireNonNull(ewidthSuffix, "ewidthSuffix");
        Objects.requireNonNull(reltyp, "reltyp");
        Objects.requireNonNull(sdftyp, "sdftyp");
        Objects.requireNonNull(magtyp, "magtyp");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(outtyp, "outtyp");
        Objects.requireNonNull(bzqlty, "bzqlty");
        Objects.requireNonNull(pmixSuffix, "pmixSuffix");
        types = List.copyOf(types);
        atoms = List.copyOf(atoms);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fixedSpinMomentMuB, "fixedSpinMomentMuB");
        Objects.requireNonNull(kPath, "kPath");
    }

    /** The parsed mode, empty when the go text names no mode of any version. */
    public Optional<GoMode> goMode() {
        return GoMode.parse(go);
    }

    public MixingScheme mixingScheme() {
        return MixingScheme.ofSuffix(pmixSuffix);
    }

    /** Whether bzqlty asks for the full Brillouin zone ({@code fbz}). */
    public boolean fullBrillouinZone() {
        return bzqlty.toLowerCase(Locale.ROOT).contains("fbz");
    }

    /** The integer BZ quality, when bzqlty (without {@code fbz}) is a number. */
    public OptionalInt bzqltyNumber() {
        String s = bzqlty.toLowerCase(Locale.ROOT).replace("fbz", "");
        try {
            return OptionalInt.of(Integer.parseInt(s.startsWith("+") ? s.substring(1) : s));
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    public int ntyp() {
        return types.size();
    }

    public int natm() {
        return atoms.size();
    }

    /** The type with exactly this name, if any. */
    public Optional<AtomType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public CardDeck withGo(String newGo) {
        return new CardDeck(newGo, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, options, fixedSpinMomentMuB, kPath);
    }

    public CardDeck withTypesAndAtoms(List<AtomType> newTypes, List<Atom> newAtoms) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, newTypes, newAtoms, options, fixedSpinMomentMuB,
                kPath);
    }

    public CardDeck withOptions(Optional<OptionBlock> newOptions) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, newOptions, fixedSpinMomentMuB,
                kPath);
    }

    public CardDeck withFixedSpinMoment(OptionalDouble fspin) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, options, fspin, kPath);
    }

    public CardDeck withKPath(Optional<KPath> newKPath) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, options, fixedSpinMomentMuB,
                newKPath);
    }
    /** The energy contour: mesh spacing {@code edelt} and bottom {@code ewidth} below E_F (Ry); the suffix is kept. */
    public CardDeck withContour(double newEdeltRy, double newEwidthRy) {
        return new CardDeck(go, potentialFile, lattice, newEdeltRy, newEwidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, options, fixedSpinMomentMuB, kPath);
    }

    /** {@code init} starts from atomic potentials, {@code 2nd} continues from the potential file. */
    public CardDeck withRecord(String newRecord) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                newRecord, outtyp, bzqlty, maxitr, pmix, pmixSuffix, types, atoms, options, fixedSpinMomentMuB, kPath);
    }

    /** The SCF controls: k-point quality, iteration limit and mixing parameter (its suffix is kept). */
    public CardDeck withScfControls(String newBzqlty, int newMaxitr, double newPmix) {
        return new CardDeck(go, potentialFile, lattice, edeltRy, ewidthRy, ewidthSuffix, reltyp, sdftyp, magtyp,
                record, outtyp, newBzqlty, newMaxitr, newPmix, pmixSuffix, types, atoms, options, fixedSpinMomentMuB,
                kPath);
    }
}
