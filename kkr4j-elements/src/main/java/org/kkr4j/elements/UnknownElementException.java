package org.kkr4j.elements;

/** A symbol or atomic number that names no element of the table. */
public class UnknownElementException extends IllegalArgumentException {

    public UnknownElementException(String message) {
        super(message);
    }
}
