package org.kkr4j.ml.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a table reader's text comes from: a UTF-8 file (named in errors) or a string. */
final class TableText {
    /** A reader of one table format. */
    @FunctionalInterface
    interface Format {
        Table read(Reader in, String source) throws IOException;
    }

    private TableText() {
    }

    static Table fromFile(Path file, Format format) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return format.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Table fromString(String text, String source, Format format) {
        try {
            return format.read(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
