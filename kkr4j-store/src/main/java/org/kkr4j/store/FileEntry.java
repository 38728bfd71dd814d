package org.kkr4j.store;

/**
 * One file of a data node: its path relative to the run's work directory (e.g. {@code data/pot},
 * {@code inputcard}, {@code stdout.log}) and the blob holding its bytes.
 */
public record FileEntry(String path, BlobRef blob) {
}
