package org.kkr4j.store.sql;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** File entries are named by relative paths inside a run's work directory. */
final class FilePaths {
    private FilePaths() {
    }

    static String requireRelative(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(what + ": empty file path");
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IllegalArgumentException(what + ": not a relative path: " + path);
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(what + ": path must be normalised (no empty, . or .. parts): " + path);
            }
        }
        return path;
    }

    static void requireUnique(Collection<String> paths, String what) {
        Set<String> seen = new HashSet<>();
        for (String path : paths) {
            if (!seen.add(path)) {
                throw new IllegalArgumentException(what + ": file path " + path + " given twice");
            }
        }
    }
}
