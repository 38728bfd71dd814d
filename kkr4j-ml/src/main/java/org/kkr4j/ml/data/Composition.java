package org.kkr4j.ml.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.elements.UnknownElementException;

/**
 * An alloy composition: elements with fractions that sum to 1, in canonical order (by atomic number), each element
 * once, no zero fractions.
 *
 * <p>Accepted text forms ({@link #parse}), whitespace between parts allowed:
 * <ul>
 *   <li>fractions, {@code Fe0.25Co0.25Ni0.25Cu0.25}: every element has a number written with a decimal point and
 *       below 1; they must sum to 1 within {@value #SUM_TOLERANCE} (then they are rescaled to exactly 1);</li>
 *   <li>amounts, {@code Al2CoCrFe}, {@code Fe25Co25Ni25Cu25}: any other use of numbers; an element without a
 *       number counts 1; the amounts are divided by their sum;</li>
 *   <li>element list, {@code FeCoNiCu}: no numbers at all, equiatomic (the amounts rule with every count 1).</li>
 * </ul>
 * Per-element columns are read by {@link #fromFractions}. The order of the input does not matter.
 */
public record Composition(List<Part> parts) {
    /** How far fractions may sum from 1 (rounded values such as 0.333 three times pass). */
    public static final double SUM_TOLERANCE = 1e-3;

    /** One element and its fraction. */
    public record Part(Element element, double fraction) {
        public Part {
            Objects.requireNonNull(element, "element");
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException(element.symbol() + ": fraction must be in (0, 1]: " + fraction);
            }
        }
    }

    public Composition {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new CompositionFormatException("a composition needs at least one element");
        }
        double sum = 0;
        for (int i = 0; i < parts.size(); i++) {
            sum += parts.get(i).fraction();
            if (i > 0 && parts.get(i - 1).element().z() >= parts.get(i).element().z()) {
                throw new IllegalArgumentException("parts must be in increasing atomic number, each element once: "
                        + parts);
            }
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("fractions sum to " + sum + ", not 1: " + parts);
        }
    }

    /**
     * From amounts (any positive scale: counts, percentages, fractions), divided by their sum; zero amounts are
     * dropped; a negative or non-finite amount is refused.
     */
    public static Composition ofAmounts(Map<Element, Double> amounts) {
        double total = 0;
        for (Map.Entry<Element, Double> e : amounts.entrySet()) {
            double a = e.getValue();
            if (!Double.isFinite(a) || a < 0) {
                throw new CompositionFormatException(e.getKey().symbol() + ": amount must be a finite number >= 0, not "
                        + a);
            }
            total += a;
        }
        if (!(total > 0)) {
            throw new CompositionFormatException("all amounts are zero");
        }
        List<Part> parts = new ArrayList<>();
        List<Map.Entry<Element, Double>> sorted = new ArrayList<>(amounts.entrySet());
        sorted.sort(Comparator.comparingInt(e -> e.getKey().z()));
        double written = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).getValue() > 0) {
                written += sorted.get(i).getValue() / total;
            }
        }
        for (Map.Entry<Element, Double> e : sorted) {
            if (e.getValue() > 0) {
                // divide by the sum of the quotients too, so that rounding cannot leave the total off 1
                parts.add(new Part(e.getKey(), e.getValue() / total / written));
            }
        }
        return new Composition(parts);
    }

    /** From fractions that must already sum to 1 within {@link #SUM_TOLERANCE}. */
    public static Composition fromFractions(Map<Element, Double> fractions) {
        double sum = 0;
        for (double f : fractions.values()) {
            sum += f;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new CompositionFormatException("fractions sum to " + round(sum) + ", not 1");
        }
        return ofAmounts(fractions);
    }

    /** Equal fractions of the given elements. */
    public static Composition equiatomic(Element... elements) {
        Map<Element, Double> m = new LinkedHashMap<>();
        for (Element e : elements) {
            if (m.put(e, 1.0) != null) {
                throw new CompositionFormatException(e.symbol() + " given twice");
            }
        }
        return ofAmounts(m);
    }

    /** Reads one of the text forms of the class comment. */
    public static Composition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CompositionFormatException("empty composition");
        }
        String s = text.strip();
        Map<Element, Double> amounts = new LinkedHashMap<>();
        int numbered = 0;
        boolean allFractions = true;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c < 'A' || c > 'Z') {
                throw new CompositionFormatException("'" + text + "': expected an element symbol at position " + (i + 1)
                        + ", found '" + c + "'");
            }
            int start = i++;
            while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                i++;
            }
            String symbol = s.substring(start, i);
            Element element;
            try {
                element = Elements.bySymbol(symbol);
            } catch (UnknownElementException e) {
                throw new CompositionFormatException("'" + text + "': " + e.getMessage());
            }
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            double amount = 1;
            if (i > numberStart) {
                String number = s.substring(numberStart, i);
                try {
                    amount = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw new CompositionFormatException("'" + text + "': '" + number + "' after " + symbol
                            + " is not a number");
                }
                numbered++;
                allFractions &= number.contains(".") && amount < 1;
            } else {
                allFractions = false;
            }
            if (amounts.put(element, amount) != null) {
                throw new CompositionFormatException("'" + text + "': " + symbol + " appears twice");
            }
        }
        if (numbered > 0 && allFractions) {
            return fromFractions(amounts);
        }
        return ofAmounts(amounts);
    }

    public int size() {
        return parts.size();
    }

    public List<Element> elements() {
        return parts.stream().map(Part::element).toList();
    }

    /** The fraction of {@code element}, 0 when absent. */
    public double fraction(Element element) {
        for (Part p : parts) {
            if (p.element().z() == element.z()) {
                return p.fraction();
            }
        }
        return 0;
    }

    public double fraction(String symbol) {
        return fraction(Elements.bySymbol(symbol));
    }

    public boolean isEquiatomic() {
        return parts.stream().allMatch(p -> Math.abs(p.fraction() - 1.0 / parts.size()) < 1e-12);
    }

    /** The elements in canonical order without fractions, e.g. {@code AlCrCoCu}: names the alloy system. */
    public String systemKey() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            s.append(p.element().symbol());
        }
        return s.toString();
    }

    /** Canonical text with fractions to 6 significant digits, e.g. {@code Al0.25Cr0.25Co0.25Cu0.25}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            s.append(p.element().symbol()).append(round(p.fraction()));
        }
        return s.toString();
    }

    private static String round(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
