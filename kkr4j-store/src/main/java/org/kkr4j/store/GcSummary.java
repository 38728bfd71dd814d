package org.kkr4j.store;

/** What a garbage collection removed and what is left. */
public record GcSummary(int blobsRemoved, long bytesFreed, int packsRewritten, int blobsKept) {
}
