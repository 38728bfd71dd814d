package org.kkr4j.store;

/** AiiDA's two planes in one graph: data, calculations (one per specx run) and workflows. */
public enum NodeKind {
    DATA, CALCULATION, WORKFLOW
}
