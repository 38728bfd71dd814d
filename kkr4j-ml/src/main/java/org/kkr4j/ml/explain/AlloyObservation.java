package org.kkr4j.ml.explain;

import java.util.List;
import java.util.Objects;
import org.kkr4j.elements.Elements;

/**
 * One alloy as the rule view sees it: which elements it contains, on which structure, and the target value.
 *
 * @param id        row id
 * @param elements  element symbols present (distinct; an unknown symbol is refused)
 * @param structure structure label ({@code fcc}, {@code bcc}, ...), or empty
 * @param value     target value (finite)
 */
public record AlloyObservation(String id, List<String> elements, String structure, double value) {
    public AlloyObservation {
        Objects.requireNonNull(id, "id");
        elements = List.copyOf(elements);
        Objects.requireNonNull(structure, "structure");
        if (elements.isEmpty() || elements.stream().distinct().count() != elements.size()) {
            throw new IllegalArgumentException("alloy " + id + ": elements must be distinct and not empty, got "
                    + elements);
        }
        elements.forEach(Elements::bySymbol);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("alloy " + id + ": target is " + value);
        }
    }

    /** One observation per row of a built dataset: its composition's elements, its structure, its target. */
    public static java.util.List<AlloyObservation> of(org.kkr4j.ml.data.BuiltDataset built) {
        var data = built.dataset();
        java.util.List<AlloyObservation> out = new java.util.ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            var structure = built.structures().get(i);
            out.add(new AlloyObservation(data.rowIds().get(i),
                    built.compositions().get(i).elements().stream().map(org.kkr4j.elements.Element::symbol).toList(),
                    structure == null ? "" : structure.toString(), data.y()[i]));
        }
        return out;
    }

    /** IUPAC group of an element as a label; elements without one (La..Lu, Ac..Lr) are {@code f}. */
    static String groupOf(String symbol) {
        var g = Elements.bySymbol(symbol).group();
        return g.isPresent() ? Integer.toString(g.getAsInt()) : "f";
    }
}
