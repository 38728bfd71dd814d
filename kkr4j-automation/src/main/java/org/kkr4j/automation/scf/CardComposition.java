package org.kkr4j.automation.scf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kkr4j.elements.Elements;
import org.kkr4j.io.akaikkr.card.Atom;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.Component;

/** The composition of a card's cell: element → atoms per cell (CPA concentrations times site count); no vacancies. */
final class CardComposition {
    private CardComposition() {
    }

    static Map<String, Double> of(CardDeck deck) {
        Map<String, Integer> sites = new LinkedHashMap<>();
        for (Atom a : deck.atoms()) {
            sites.merge(a.typeName(), 1, Integer::sum);
        }
        Map<String, Double> composition = new LinkedHashMap<>();
        for (AtomType type : deck.types()) {
            int n = sites.getOrDefault(type.name(), 0);
            double total = type.components().stream().mapToDouble(Component::conc).sum();
            for (Component c : type.components()) {
                int z = (int) Math.round(c.anclr());
                if (z < 1 || n == 0 || !(total > 0)) {
                    continue;
                }
                composition.merge(Elements.byZ(z).symbol(), n * c.conc() / total, Double::sum);
            }
        }
        if (composition.isEmpty()) {
            throw new IllegalArgumentException("the card has no atoms with elements (only vacancies or no sites)");
        }
        return composition;
    }
}
