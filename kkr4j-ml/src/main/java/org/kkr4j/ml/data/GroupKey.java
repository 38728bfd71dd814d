package org.kkr4j.ml.data;

/**
 * Which rows belong together in validation (never split between training and test).
 */
@FunctionalInterface
public interface GroupKey {
    String of(Table table, int row, Composition composition, Structure structure);

    /** The canonical composition: the fcc and bcc rows of one alloy are one group (the default). */
    static GroupKey composition() {
        return (t, r, c, s) -> c.toString();
    }

    /** The element set regardless of fractions, e.g. {@code AlCrCoCu}: all compositions of one alloy system. */
    static GroupKey system() {
        return (t, r, c, s) -> c.systemKey();
    }

    /** The text of a column. */
    static GroupKey column(String name) {
        return (t, r, c, s) -> t.cell(r, t.columnIndex(name)).strip();
    }
}
