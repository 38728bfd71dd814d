package org.kkr4j.store;

/**
 * AiiDA's six link types. Calculations create data and take data as input; workflows only return
 * existing data and call calculations or other workflows.
 */
public enum LinkType {
    /** data → calculation */
    INPUT_CALC,
    /** data → workflow */
    INPUT_WORK,
    /** calculation → data it produced (a data node has at most one creator) */
    CREATE,
    /** workflow → data it returns */
    RETURN,
    /** workflow → calculation it launched */
    CALL_CALC,
    /** workflow → workflow it launched */
    CALL_WORK;

    /** The lower-case name stored in the database (AiiDA's spelling). */
    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
