package org.kkr4j.ml.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the rows where one column compares true with a value: {@code converged == 1}, {@code a_bohr > 6},
 * {@code lattice != hcp}. Operators {@code == != < <= > >=}; {@code ==} and {@code !=} compare as numbers when both
 * sides are numbers (so {@code 1.0 == 1}) and as text (case-insensitive) otherwise; the ordering operators need
 * numbers. A cell that cannot be compared is a {@link TableFormatException} naming it.
 *
 * @param column   the column compared
 * @param operator one of {@code == != < <= > >=}
 * @param value    the value on the right
 */
public record RowFilter(String column, String operator, String value) {
    private static final Pattern SYNTAX = Pattern.compile("\\s*([^=!<>\\s]+)\\s*(==|!=|<=|>=|<|>)\\s*(.*?)\\s*");

    public RowFilter {
        if (!java.util.List.of("==", "!=", "<", "<=", ">", ">=").contains(operator)) {
            throw new IllegalArgumentException("unknown operator '" + operator + "'");
        }
        if (!operator.equals("==") && !operator.equals("!=") && number(value) == null) {
            throw new IllegalArgumentException("filter " + column + " " + operator + " " + value
                    + ": ordering needs a number on the right");
        }
    }

    public static RowFilter equalTo(String column, String value) {
        return new RowFilter(column, "==", value);
    }

    /** Reads {@code column op value}, e.g. {@code converged == 1}. */
    public static RowFilter parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new IllegalArgumentException("not a filter: '" + text + "' (expected e.g. 'converged == 1'; operators"
                    + " == != < <= > >=)");
        }
        return new RowFilter(m.group(1), m.group(2), m.group(3));
    }

    public boolean test(Table table, int row) {
        int c = table.columnIndex(column);
        String cell = table.cell(row, c).strip();
        Double left = number(cell);
        Double right = number(value);
        if (operator.equals("==") || operator.equals("!=")) {
            boolean equal = left != null && right != null ? left.doubleValue() == right.doubleValue()
                    : cell.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
            return operator.equals("==") == equal;
        }
        if (left == null) {
            throw table.error(row, c, "'" + cell + "' is not a number (filter " + this + ")");
        }
        int cmp = Double.compare(left, right);
        return switch (operator) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static Double number(String s) {
        return Numbers.isDecimal(s) ? Double.parseDouble(s.strip()) : null;
    }

    @Override
    public String toString() {
        return column + " " + operator + " " + value;
    }
}
