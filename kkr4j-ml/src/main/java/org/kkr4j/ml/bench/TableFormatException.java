package org.kkr4j.ml.bench;

import java.nio.file.Path;

/** A table that cannot be read as asked: names the file, the line (1-based, header = 1) and the column. */
public final class TableFormatException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String column;

    public TableFormatException(Path file, int line, String column, String message) {
        super(file + ":" + line + (column == null ? "" : " column " + column) + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String column() {
        return column;
    }
}
