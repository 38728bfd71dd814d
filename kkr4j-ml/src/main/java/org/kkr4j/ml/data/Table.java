package org.kkr4j.ml.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of text cells as read from a file or the store, before any interpretation: named columns, one list of
 * cells per row and the 1-based line each row started on in its source (for messages). An empty cell is the empty
 * string; cells are never null.
 *
 * @param source  where the table came from, for messages (a file path, {@code store ...})
 * @param columns column names, unique, in order
 * @param rows    one cell per column in every row
 * @param lines   the 1-based source line of each row
 */
public record Table(String source, List<String> columns, List<List<String>> rows, List<Integer> lines) {

    public Table {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
        lines = List.copyOf(lines);
        if (rows.size() != lines.size()) {
            throw new IllegalArgumentException(source + ": " + rows.size() + " rows but " + lines.size() + " line numbers");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Integer before = seen.put(columns.get(c), c);
            if (before != null) {
                throw new TableFormatException(source, 0, columns.get(c), "column name used twice (columns "
                        + (before + 1) + " and " + (c + 1) + ")");
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != columns.size()) {
                throw new TableFormatException(source, lines.get(r), null, rows.get(r).size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    public int size() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return columns.contains(name);
    }

    /** The index of a column; a {@link TableFormatException} naming the source and the columns there are if absent. */
    public int columnIndex(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new TableFormatException(source, 0, name, "no such column (columns: " + String.join(", ", columns)
                    + ")");
        }
        return c;
    }

    public Optional<Integer> findColumn(String name) {
        int c = columns.indexOf(name);
        return c < 0 ? Optional.empty() : Optional.of(c);
    }

    public String cell(int row, int column) {
        return rows.get(row).get(column);
    }

    public String cell(int row, String column) {
        return cell(row, columnIndex(column));
    }

    public int line(int row) {
        return lines.get(row);
    }

    /** A problem with one cell, located. */
    public TableFormatException error(int row, int column, String problem) {
        return new TableFormatException(source, line(row), columns.get(column), problem);
    }
}
