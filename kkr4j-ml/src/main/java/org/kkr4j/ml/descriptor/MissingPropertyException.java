package org.kkr4j.ml.descriptor;

import org.kkr4j.elements.Element;

/** A descriptor needs an elemental property the element table does not give for this element. */
public class MissingPropertyException extends IllegalArgumentException {
    private final Element element;
    private final String property;

    public MissingPropertyException(Element element, String property) {
        super(element.symbol() + " has no value of " + property + " in the element table; leave the descriptors of "
                + property + " out (a featurizer without them) or leave the rows with " + element.symbol() + " out");
        this.element = element;
        this.property = property;
    }

    public Element element() {
        return element;
    }

    public String property() {
        return property;
    }
}
