package org.kkr4j.store;

/** A provenance edge {@code source → target}; the label names the role (e.g. the file path it is staged at). */
public record Link(long sourceId, long targetId, LinkType type, String label) {
}
