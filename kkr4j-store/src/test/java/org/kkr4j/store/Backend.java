package org.kkr4j.store;

/** The two databases every store test runs against. */
public enum Backend {
    SQLITE, POSTGRESQL
}
