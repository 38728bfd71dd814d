package org.kkr4j.ml.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated text as in RFC 4180: the first record is the header; a field may be quoted with {@code "},
 * a quote inside a quoted field is written {@code ""}, and a quoted field may span lines. Records end with LF or
 * CRLF. Lines that are entirely empty are skipped (files often end with one). Cells are kept as written (no
 * trimming): interpreting them is the caller's business. A UTF-8 byte-order mark before the header is dropped.
 */
public final class CsvTableReader {
    private CsvTableReader() {
    }

    public static Table read(Path file) {
        return TableText.fromFile(file, CsvTableReader::read);
    }

    public static Table read(String text, String source) {
        return TableText.fromString(text, source, CsvTableReader::read);
    }

    public static Table read(Reader in, String source) throws IOException {
        Scanner s = new Scanner(in, source);
        List<String> header = s.nextRecord();
        if (header == null) {
            throw new TableFormatException(source, 0, null, "empty file: no header row");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isBlank()) {
                throw new TableFormatException(source, s.recordLine, null, "header field " + (c + 1) + " is empty");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record;
        while ((record = s.nextRecord()) != null) {
            if (record.size() != header.size()) {
                throw new TableFormatException(source, s.recordLine, null, record.size() + " fields where the header has "
                        + header.size());
            }
            rows.add(record);
            lines.add(s.recordLine);
        }
        return new Table(source, header, rows, lines);
    }

    /** A character-level state machine over one record at a time. */
    private static final class Scanner {
        private final Reader in;
        private final String source;
        private int line = 1;
        private int recordLine;
        private int pushedBack = -2;

        Scanner(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        /** The next non-blank record, or null at the end. */
        List<String> nextRecord() throws IOException {
            while (true) {
                recordLine = line;
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (c == '\n') {
                    line++;
                    continue;
                }
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                    line++;
                    continue;
                }
                pushedBack = c;
                return fields();
            }
        }

        private List<String> fields() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                int c = read();
                if (c == '"' && field.isEmpty()) {
                    quoted(field, fields.size() + 1);
                    c = read();
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw new TableFormatException(source, line, null, "field " + (fields.size() + 1)
                                + ": text after the closing quote");
                    }
                } else {
                    while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        if (c == '"') {
                            throw new TableFormatException(source, line, null, "field " + (fields.size() + 1)
                                    + ": a quote inside an unquoted field (quote the whole field and double the quote)");
                        }
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (c == ',') {
                    continue;
                }
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                return fields;
            }
        }

        private void quoted(StringBuilder field, int fieldNumber) throws IOException {
            int startLine = line;
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new TableFormatException(source, startLine, null, "field " + fieldNumber
                            + ": quote opened here is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                        continue;
                    }
                    pushedBack = n;
                    return;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    } else {
                        field.append('\r');
                        c = '\n';
                    }
                    line++;
                }
                field.append((char) c);
            }
        }
    }
}
