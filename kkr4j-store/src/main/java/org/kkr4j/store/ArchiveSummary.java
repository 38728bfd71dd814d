package org.kkr4j.store;

/** What an export or import moved: node, link, event and blob counts (import: newly added ones). */
public record ArchiveSummary(int runs, int nodes, int links, int events, int blobs, long blobBytes) {
}
