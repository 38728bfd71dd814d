package org.kkr4j.automation;

/** A log cannot serve as evidence for an ewidth decision (wrong mode, missing block, unknown version). */
public class EvidenceException extends RuntimeException {
    public EvidenceException(String message) {
        super(message);
    }
}
