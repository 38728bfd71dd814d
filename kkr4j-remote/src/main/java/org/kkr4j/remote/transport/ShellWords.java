package org.kkr4j.remote.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns argument vectors into the single command string an SSH exec request carries. Every word is
 * single-quoted (an embedded ' becomes '\'' ), which is literal in sh, bash, dash, ksh, zsh and csh alike;
 * NUL and line breaks are rejected because no quoting makes them safe in every login shell.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** One word, quoted. */
    static String quote(String word) {
        check(word, "argument");
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** An argument vector as one command line, each word quoted. */
    static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new UnsafeArgumentException("empty command");
        }
        List<String> words = new ArrayList<>(argv.size());
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            if (word == null) {
                throw new UnsafeArgumentException("argument " + i + " is null in " + argv);
            }
            check(word, "argument " + i);
            words.add(quote(word));
        }
        return String.join(" ", words);
    }

    /**
     * A remote path as a shell word. A leading "~/" (or "~" alone) means the login directory and becomes
     * "$HOME"/'rest', since quoting would otherwise stop the shell from expanding it.
     */
    static String path(String path) {
        RemotePaths.check(path, "remote path");
        if (path.equals("~")) {
            return "\"$HOME\"";
        }
        if (path.startsWith("~/")) {
            String rest = path.substring(2);
            return rest.isEmpty() ? "\"$HOME\"" : "\"$HOME\"/" + quote(rest);
        }
        return quote(path);
    }

    static void check(String word, String what) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\0' || c == '\n' || c == '\r') {
                throw new UnsafeArgumentException(what + " contains "
                        + (c == '\0' ? "a NUL" : "a line break") + " at index " + i + ": \""
                        + word.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r") + "\"");
            }
        }
    }
}
