package org.kkr4j.structure;

import org.kkr4j.io.KkrFormatException;

/**
 * A structure file (CIF, POSCAR) that cannot be read as a crystal. It is a {@link KkrFormatException}
 * (file, 1-based line, field) with a {@link Kind} so that callers and tests can tell the causes apart.
 */
public class StructureFormatException extends KkrFormatException {

    public enum Kind {
        /** Nothing but blanks and comments, or no data block. */
        EMPTY_FILE,
        /** Broken syntax: unterminated string, loop without values, values not a multiple of the tags. */
        SYNTAX,
        /** A cell length or angle is missing. */
        MISSING_CELL,
        /** A required item other than the cell (coordinates, counts, species) is missing. */
        MISSING_FIELD,
        /** A field that must be a number is not one. */
        NON_NUMERIC,
        /** A species that is neither an element of the table nor an empty-sphere marker. */
        UNKNOWN_ELEMENT,
        /** Occupancies on one position sum to more than 1 beyond the tolerance. */
        OCCUPANCY_ABOVE_ONE,
        /** Symmetry operators that are not a group, or that put atoms of different rows onto each other. */
        CONTRADICTORY_OPERATORS,
        /** A space-group symbol or number that is not in the table, or that is ambiguous. */
        UNKNOWN_SPACE_GROUP,
        /** Something the file may legitimately say but kkr4j does not handle (e.g. Cartesian CIF sites). */
        NOT_SUPPORTED,
        /** A value that is a number but not an acceptable one (negative count, zero scale, ...). */
        INVALID_VALUE,
        /** A structure that the target format cannot express (partial occupancy in POSCAR). */
        NOT_REPRESENTABLE
    }

    private final Kind kind;

    public StructureFormatException(Kind kind, String source, int line, String field, String problem) {
        super(source, line, field, problem);
        this.kind = kind;
    }

    public StructureFormatException(Kind kind, String source, int line, String field, String problem, Throwable cause) {
        super(source, line, field, problem, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
