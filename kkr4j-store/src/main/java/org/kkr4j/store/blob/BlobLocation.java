package org.kkr4j.store.blob;

/** Where a blob's entry sits: pack number and byte offset of its header, plus the sizes its row records. */
record BlobLocation(String sha256, long size, long storedSize, String codec, int pack, long offset) {
}
