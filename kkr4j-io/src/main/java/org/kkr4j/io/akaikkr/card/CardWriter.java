package org.kkr4j.io.akaikkr.card;

import java.util.List;
import org.kkr4j.io.akaikkr.AkaiVersion;

/**
 * Writes a card that the target version reads back as exactly the same model.
 *
 * <p>Rules: every data line is indented by one blank (so it can never start with {@code c}, {@code C}
 * or {@code #}); every field is written with its value (no commas at all, no reliance on comma
 * defaults); numbers are the shortest decimal that reads back as the same double (never fractions);
 * the option block is written only for versions that have it, with {@code key=} and the value as
 * separate tokens; the file ends with {@code " end"} and a newline (needed after an spc k-list on
 * cpa2002v010/gfortran, harmless elsewhere). Lines starting with {@code c ---} are comments that label
 * the groups.
 *
 * <p>A card with any ERROR from {@link CardChecker} for the target version is refused with
 * {@link CardNotSupportedException}.
 */
public final class CardWriter {

    private CardWriter() {
    }

    public static String write(CardFile card, AkaiVersion version) {
        List<CardProblem> errors = CardChecker.errors(card, version);
        if (!errors.isEmpty()) {
            throw new CardNotSupportedException("the card cannot be written for " + version.id(), errors);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < card.decks().size(); i++) {
            if (card.decks().size() > 1) {
                sb.append("c --- deck ").append(i + 1).append('\n');
            }
            writeDeck(sb, card.decks().get(i), version);
        }
        sb.append(" end\n");
        return sb.toString();
    }

    /** The token written for an atomic position: number plus basis suffix. */
    static String positionToken(Coordinate c) {
        return CardNumbers.format(c.value()) + c.basis().suffix();
    }

    private static void writeDeck(StringBuilder sb, CardDeck d, AkaiVersion version) {
        Lattice l = d.lattice();
        comment(sb, "go potentialfile");
        line(sb, d.go(), d.potentialFile());
        if (l.bravais().hasPrimitiveVectors()) {
            comment(sb, "brvtyp | primitive vectors (units of a)" + (l.tilt().isPresent() ? " | Euler angles" : "")
                    + " | a (bohr)");
            line(sb, l.brvtypToken());
            PrimitiveVectors v = l.primitiveVectors().orElseThrow();
            for (Vector3 r : List.of(v.a(), v.b(), v.c())) {
                line(sb, num(r.x()), num(r.y()), num(r.z()));
            }
            l.tilt().ifPresent(t -> line(sb, num(t.first()), num(t.second()), num(t.third())));
            line(sb, num(l.aBohr()));
        } else {
            comment(sb, "brvtyp" + (l.tilt().isPresent() ? " | Euler angles" : "")
                    + " | a (bohr) c/a b/a alpha beta gamma");
            line(sb, l.brvtypToken());
            l.tilt().ifPresent(t -> line(sb, num(t.first()), num(t.second()), num(t.third())));
            line(sb, num(l.aBohr()), num(l.cOverA()), num(l.bOverA()), num(l.alphaDeg()), num(l.betaDeg()),
                    num(l.gammaDeg()));
        }
        comment(sb, "edelt ewidth reltyp sdftyp magtyp record");
        line(sb, num(d.edeltRy()), num(d.ewidthRy()) + d.ewidthSuffix(), d.reltyp(), d.sdftyp(), d.magtyp(),
                d.record());
        comment(sb, "outtyp bzqlty maxitr pmix");
        line(sb, d.outtyp(), d.bzqlty(), Integer.toString(d.maxitr()), num(d.pmix()) + d.pmixSuffix());
        comment(sb, "ntyp");
        line(sb, Integer.toString(d.ntyp()));
        comment(sb, "type ncmp rmt field lmxtyp | per component "
                + (version.hasDisplacementColumns() ? "dx dy dz anclr conc" : "anclr conc"));
        for (AtomType t : d.types()) {
            line(sb, t.name(), Integer.toString(t.ncmp()), num(t.rmt()), num(t.field()), Integer.toString(t.lmxtyp()));
            for (Component c : t.components()) {
                if (version.hasDisplacementColumns()) {
                    Vector3 u = c.displacement();
                    line(sb, " " + num(u.x()), num(u.y()), num(u.z()), num(c.anclr()), num(c.conc()));
                } else {
                    line(sb, " " + num(c.anclr()), num(c.conc()));
                }
            }
        }
        comment(sb, "natm");
        line(sb, Integer.toString(d.natm()));
        comment(sb, "atmicx atmtyp");
        for (Atom a : d.atoms()) {
            line(sb, positionToken(a.x()), positionToken(a.y()), positionToken(a.z()), a.typeName());
        }
        d.options().ifPresent(o -> writeOptions(sb, o));
        d.fixedSpinMomentMuB().ifPresent(f -> {
            comment(sb, "fixed spin moment (muB)");
            line(sb, num(f));
        });
        d.kPath().ifPresent(p -> writeKPath(sb, p));
    }

    private static void writeOptions(StringBuilder sb, OptionBlock o) {
        comment(sb, "options");
        line(sb, "begin_option");
        for (OptionEntry e : o.entries()) {
            switch (e) {
                case OptionEntry.Value v -> line(sb, " " + v.key() + "=", v.value());
                case OptionEntry.Array a -> {
                    line(sb, " begin_" + a.key());
                    if (!a.values().isEmpty()) {
                        line(sb, "  " + String.join(" ", a.values()));
                    }
                    line(sb, " end_" + a.key());
                }
            }
        }
        line(sb, "end_option");
    }

    private static void writeKPath(StringBuilder sb, KPath p) {
        switch (p.format()) {
            case EXPLICIT -> comment(sb, "k-points in read format (a): kx ky kz");
            case DIVISIONS -> comment(sb, "k-path in read format (b): kx ky kz ndiv");
            case TOTAL_COUNT -> comment(sb, "k-path in read format (c): number of k-points | kx ky kz");
        }
        p.totalPoints().ifPresent(n -> line(sb, Integer.toString(n)));
        for (KPoint k : p.points()) {
            Vector3 v = k.k();
            if (k.divisions().isPresent()) {
                line(sb, num(v.x()), num(v.y()), num(v.z()), Integer.toString(k.divisions().getAsInt()));
            } else {
                line(sb, num(v.x()), num(v.y()), num(v.z()));
            }
        }
    }

    private static String num(double v) {
        return CardNumbers.format(v);
    }

    private static void comment(StringBuilder sb, String text) {
        if (text.indexOf(',') >= 0) {
            throw new IllegalStateException("comment labels must not contain commas: " + text);
        }
        sb.append("c --- ").append(text).append('\n');
    }

    private static void line(StringBuilder sb, String... tokens) {
        sb.append(' ').append(String.join(" ", tokens)).append('\n');
    }
}
