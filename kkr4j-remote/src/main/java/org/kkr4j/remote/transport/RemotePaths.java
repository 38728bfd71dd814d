package org.kkr4j.remote.transport;

import java.util.ArrayList;
import java.util.List;

/** Checks on the paths callers hand to a transport, made before anything reaches a shell. */
final class RemotePaths {
    private RemotePaths() {
    }

    /**
     * A remote directory or file: absolute, "~"-relative or relative to the login directory; not empty,
     * no NUL or line break, not starting with '-' (it would read as an option).
     */
    static String check(String path, String what) {
        if (path == null || path.isEmpty()) {
            throw new UnsafeArgumentException(what + " is empty");
        }
        ShellWords.check(path, what);
        if (path.startsWith("-")) {
            throw new UnsafeArgumentException(what + " starts with '-': \"" + path + "\"");
        }
        return path;
    }

    /**
     * A path inside a transfer root, normalised ("./a//b/" becomes "a/b"): relative, no ".." component,
     * no backslash (GNU tar unquotes backslash escapes in file lists).
     */
    static String relative(String path, String what) {
        if (path == null) {
            throw new UnsafeArgumentException(what + " is null");
        }
        ShellWords.check(path, what);
        if (path.startsWith("/")) {
            throw new UnsafeArgumentException(what + " is absolute: \"" + path + "\"");
        }
        if (path.indexOf('\\') >= 0) {
            throw new UnsafeArgumentException(what + " contains a backslash: \"" + path + "\"");
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new UnsafeArgumentException(what + " leaves its root with \"..\": \"" + path + "\"");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw new UnsafeArgumentException(what + " names the root itself: \"" + path + "\"");
        }
        return String.join("/", parts);
    }

    /** A tree that {@code removeTree} may delete: refuses the filesystem root, "~", "." and anything with "..". */
    static String removable(String path) {
        check(path, "path to remove");
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty() || trimmed.equals("~") || trimmed.equals(".") || trimmed.equals("..")
                || trimmed.equals("~/.") || ("/" + trimmed + "/").contains("/../")) {
            throw new UnsafeArgumentException("refusing to remove \"" + path + "\"");
        }
        // A top-level directory ("/work", "/home") is never a run's tree; refusing it costs nothing.
        if (trimmed.startsWith("/") && trimmed.indexOf('/', 1) < 0) {
            throw new UnsafeArgumentException("refusing to remove top-level directory \"" + path + "\"");
        }
        return path;
    }
}
