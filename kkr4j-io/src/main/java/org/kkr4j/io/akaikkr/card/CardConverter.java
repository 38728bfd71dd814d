package org.kkr4j.io.akaikkr.card;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;

/**
 * Rewrites a card read for one AkaiKKR version so that another version computes the same thing,
 * or refuses with {@link CardNotSupportedException} when that cannot be expressed.
 *
 * <p>What it changes:
 * <ul>
 *   <li>type names longer than the target keeps are shortened (truncated, or truncated with a
 *       number when that would collide) in the types and the atoms;</li>
 *   <li>displacements: all-zero displacements are dropped going to a build without displacement
 *       columns (the writer simply omits them), and zero columns are added going to the cnd build;</li>
 *   <li>an empty option block is dropped for cpa2002v010.</li>
 * </ul>
 * What it refuses: modes the target lacks ({@code tc}, {@code j}, {@code geom} to cpa2002v010 ...),
 * non-zero displacements to a build without them, a non-empty option block to cpa2002v010
 * (the option defaults are not documented reliably, so kkr4j cannot prove that dropping a key keeps
 * the meaning; remove the block yourself if you know it is a no-op), cnd-only option keys to other
 * builds, an ewidth suffix to cpa2002v010, spc with aux to cpa2002v010, and anything else
 * {@link CardChecker} reports as an ERROR for the target.
 *
 * <p>It does not move energy windows: the dos/spc window is [-0.75W, +0.25W] around E_F in
 * cpa2002v010 and 2022.0721 but [-0.5W, +0.5W] in cpa2021v01 and the cnd build; such a difference is
 * reported as a {@code note:} entry.
 */
public final class CardConverter {

    private CardConverter() {
    }

    public static CardConversion convert(CardFile card, AkaiVersion from, AkaiVersion to) {
        List<String> changes = new ArrayList<>();
        List<CardProblem> refusals = new ArrayList<>();
        List<CardDeck> decks = new ArrayList<>();
        for (int i = 0; i < card.decks().size(); i++) {
            decks.add(convertDeck(card.decks().get(i), "deck[" + (i + 1) + "].", from, to, changes, refusals));
        }
        if (!refusals.isEmpty()) {
            throw new CardNotSupportedException("the card cannot be converted from " + from.id() + " to " + to.id(),
                    refusals);
        }
        CardFile out = new CardFile(decks, CardEnd.END);
        List<CardProblem> errors = CardChecker.errors(out, to);
        if (!errors.isEmpty()) {
            throw new CardNotSupportedException("the card cannot be converted from " + from.id() + " to " + to.id(),
                    errors);
        }
        return new CardConversion(out, changes);
    }

    private static CardDeck convertDeck(CardDeck d, String p, AkaiVersion from, AkaiVersion to, List<String> changes,
                                        List<CardProblem> refusals) {
        Optional<GoMode> mode = d.goMode();
        if (mode.isPresent() && !to.supports(mode.get().kind())) {
            refuse(refusals, p + "go", "go mode '" + d.go() + "' does not exist in " + to.id() + " (supported by "
                    + CardReader.versionsSupporting(mode.get().kind()) + ")");
        }
        if (!d.ewidthSuffix().isEmpty() && to == AkaiVersion.CPA2002V010) {
            refuse(refusals, p + "ewidth", "the ewidth suffix '" + d.ewidthSuffix()
                    + "' has no equivalent in cpa2002v010");
        }
        if (to == AkaiVersion.CPA2002V010 && d.lattice().bravais().hasPrimitiveVectors() && mode.isPresent()
                && mode.get().kind() == GoMode.Kind.SPC) {
            refuse(refusals, p + "brvtyp", "spc with an aux lattice cannot run on cpa2002v010 (NaN k distances);"
                    + " describe the lattice with a named brvtyp");
        }
        if (mode.isPresent() && (mode.get().kind() == GoMode.Kind.DOS || mode.get().kind() == GoMode.Kind.SPC)
                && from.dosWindowReference() != to.dosWindowReference()) {
            changes.add("note: " + p + "go: the " + d.go() + " energy window with ewidth W is [E_F-"
                    + from.dosWindowReference() + "W, E_F+" + (1 - from.dosWindowReference()) + "W] in " + from.id()
                    + " but [E_F-" + to.dosWindowReference() + "W, E_F+" + (1 - to.dosWindowReference()) + "W] in "
                    + to.id() + "; the card is not changed");
        }
        if (mode.isPresent() && mode.get().kind() == GoMode.Kind.SPC && d.lattice().bravais().hasPrimitiveVectors()
                && from != to && to != AkaiVersion.CPA2002V010) {
            changes.add("note: " + p + "kpath: k-points of an aux lattice are copied unchanged; 2022.0721 reads them"
                    + " as fractional reciprocal coordinates, the convention of " + (from == AkaiVersion.CPA2021V01
                    || to == AkaiVersion.CPA2021V01 ? "cpa2021v01 is not documented" : "both builds is the same"));
        }
        d = convertDisplacements(d, p, from, to, changes, refusals);
        d = convertOptions(d, p, to, changes, refusals);
        d = convertNames(d, p, to, changes);
        return d;
    }

    private static CardDeck convertDisplacements(CardDeck d, String p, AkaiVersion from, AkaiVersion to,
                                                 List<String> changes, List<CardProblem> refusals) {
        if (to.hasDisplacementColumns()) {
            if (!from.hasDisplacementColumns()) {
                changes.add(p + "type: component lines get the displacement columns dx dy dz = 0 0 0 of the cnd build");
            }
            return d;
        }
        boolean any = false;
        for (int i = 0; i < d.types().size(); i++) {
            AtomType t = d.types().get(i);
            for (int j = 0; j < t.components().size(); j++) {
                Component c = t.components().get(j);
                if (!c.displacement().isZero()) {
                    refuse(refusals, p + "type[" + (i + 1) + "].component[" + (j + 1) + "].dx", "displacement "
                            + c.displacement() + " of type '" + t.name() + "' cannot be expressed in " + to.id());
                }
                any = true;
            }
        }
        if (any && from.hasDisplacementColumns()) {
            changes.add(p + "type: the all-zero displacement columns of the cnd build are dropped");
        }
        return d;
    }

    private static CardDeck convertOptions(CardDeck d, String p, AkaiVersion to, List<String> changes,
                                           List<CardProblem> refusals) {
        if (d.options().isEmpty()) {
            return d;
        }
        OptionBlock block = d.options().get();
        if (!to.supportsOptionBlocks()) {
            if (block.entries().isEmpty()) {
                changes.add(p + "option: the empty option block is dropped (" + to.id() + " has no option blocks)");
                return d.withOptions(Optional.empty());
            }
            for (OptionEntry e : block.entries()) {
                refuse(refusals, p + "option." + e.key(), "option '" + e.key() + "' cannot be expressed in " + to.id()
                        + ", which has no option blocks (kkr4j does not drop options: it cannot prove that a value"
                        + " equals the default)");
            }
            return d;
        }
        if (!to.hasDisplacementColumns()) {
            for (OptionEntry e : block.entries()) {
                if (CardChecker.CND_OPTION_KEYS.contains(e.key().toLowerCase(Locale.ROOT))) {
                    refuse(refusals, p + "option." + e.key(), "option '" + e.key() + "' exists only in the cnd build");
                }
            }
        }
        return d;
    }

    private static CardDeck convertNames(CardDeck d, String p, AkaiVersion to, List<String> changes) {
        int limit = to.typeNameLength();
        if (d.types().stream().allMatch(t -> t.name().length() <= limit)) {
            return d;
        }
        Set<String> used = new HashSet<>();
        d.types().stream().map(AtomType::name).filter(n -> n.length() <= limit).forEach(used::add);
        Map<String, String> renamed = new LinkedHashMap<>();
        for (AtomType t : d.types()) {
            String name = t.name();
            if (name.length() <= limit || renamed.containsKey(name)) {
                continue;
            }
            String candidate = name.substring(0, limit);
            for (int k = 1; used.contains(candidate); k++) {
                String suffix = Integer.toString(k);
                candidate = name.substring(0, limit - suffix.length()) + suffix;
            }
            used.add(candidate);
            renamed.put(name, candidate);
            changes.add(p + "type: '" + name + "' renamed '" + candidate + "' (" + to.id() + " keeps " + limit
                    + " characters)");
        }
        List<AtomType> types = d.types().stream()
                .map(t -> new AtomType(renamed.getOrDefault(t.name(), t.name()), t.rmt(), t.field(), t.lmxtyp(),
                        t.components()))
                .toList();
        List<Atom> atoms = d.atoms().stream()
                .map(a -> new Atom(a.x(), a.y(), a.z(), renamed.getOrDefault(a.typeName(), a.typeName())))
                .toList();
        return d.withTypesAndAtoms(types, atoms);
    }

    private static void refuse(List<CardProblem> refusals, String field, String message) {
        refusals.add(new CardProblem(CardProblem.Severity.ERROR, 0, field, message));
    }
}
