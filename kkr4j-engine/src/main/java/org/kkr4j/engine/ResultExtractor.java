package org.kkr4j.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kkr4j.elements.Elements;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.io.akaikkr.output.ComponentResult;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.RunOutcome;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.fortran.FixedField;
import org.kkr4j.store.RunResult;

/**
 * The typed result columns of a run, read from its parsed log (last deck) and, for what the log does not
 * echo, its card. A value the log did not give, or gave as an overflowed field, stays null.
 */
public final class ResultExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultExtractor() {
    }

    public static RunResult extract(SpecxLog log, CardDeck card) {
        Deck deck = log == null ? null : log.lastDeck();
        String system = card == null ? null : systemKey(card.types());
        String mode = card != null ? card.go() : deck != null && deck.input() != null ? deck.input().goText() : null;
        if (deck == null) {
            return new RunResult(system, card == null ? null : lattice(card), mode,
                    card == null ? null : card.ewidthRy(), null, null, null, null, null, null, null, null, null);
        }
        var input = deck.input();
        var summary = deck.summary();
        String lattice = input != null && input.brvtyp() != null ? input.brvtyp()
                : card == null ? null : lattice(card);
        Double ewidth = input != null ? value(input.ewidthRy()) : card == null ? null : card.ewidthRy();
        Boolean converged = isScf(deck) ? deck.outcome() == RunOutcome.CONVERGED : null;
        Integer iterations = deck.iterations().isEmpty() ? null : deck.iterations().size();
        Double totalEnergy = summary == null ? null : value(summary.totalEnergyRy());
        Double fermi = summary == null ? null : value(summary.fermiLevelUpRy());
        Double moment = summary == null ? null : value(summary.spinMomentMuB());
        Double a = deck.lattice() != null ? value(deck.lattice().aBohr()) : input == null ? null : value(input.aBohr());
        Double tc = deck.modes().curie().flatMap(c -> c.curieTemperatureK()).orElse(null);
        Double resistivity = deck.modes().transport().flatMap(t -> t.resistivityMicroOhmCm()).orElse(null);
        return new RunResult(system, lattice, mode, ewidth, converged, iterations, totalEnergy, fermi, moment, a, tc,
                resistivity, moments(deck.components()));
    }

    /** SCF runs are those whose convergence means something: go and fsm (post-processing always says no convergence). */
    private static boolean isScf(Deck deck) {
        RunOutcome o = deck.outcome();
        return o == RunOutcome.CONVERGED || o == RunOutcome.NOT_CONVERGED;
    }

    private static Double value(FixedField field) {
        return field == null ? null : field.value();
    }

    private static String lattice(CardDeck card) {
        return card.lattice().keyword();
    }

    /**
     * A compact, readable key: per type the elements with their percentage (e.g. {@code Fe25Co25Ni25Cu25}),
     * types joined by {@code |}; vacancies (Z=0) are written {@code Va}.
     */
    public static String systemKey(List<AtomType> types) {
        StringBuilder key = new StringBuilder();
        for (AtomType type : types) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            Map<String, Double> byElement = new LinkedHashMap<>();
            for (Component c : type.components()) {
                byElement.merge(symbol(c.anclr()), c.conc(), Double::sum);
            }
            double total = byElement.values().stream().mapToDouble(Double::doubleValue).sum();
            for (var e : byElement.entrySet()) {
                key.append(e.getKey());
                if (byElement.size() > 1) {
                    key.append(percent(e.getValue() / (total == 0 ? 1 : total)));
                }
            }
        }
        return key.toString();
    }

    private static String symbol(double anclr) {
        int z = (int) Math.round(anclr);
        if (z == 0) {
            return "Va";
        }
        return Elements.byZ(z).symbol();
    }

    private static String percent(double fraction) {
        return new BigDecimal(fraction * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static String moments(List<ComponentResult> components) {
        if (components.isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("components");
        for (ComponentResult c : components) {
            ObjectNode o = array.addObject();
            o.put("type", c.typeName());
            o.put("element", c.element());
            Double spin = value(c.spinMomentMuB());
            if (spin == null) {
                o.putNull("spinMomentMuB");
            } else {
                o.put("spinMomentMuB", spin);
            }
        }
        return root.toString();
    }
}
