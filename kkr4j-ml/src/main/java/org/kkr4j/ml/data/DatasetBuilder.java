package org.kkr4j.ml.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Descriptor;
import org.kkr4j.ml.descriptor.Featurizer;
import org.kkr4j.ml.descriptor.MissingPropertyException;

/**
 * Turns a {@link Table} into a {@link Dataset}: target column, composition (one column in any {@link Composition}
 * text form, or one column per element), optional structure column, featurizer, group key, row filters.
 *
 * <p>Nothing is lost silently. Rows the filters reject and rows with an empty target are left out and listed in the
 * result. A cell that cannot be read (target not a number, NaN, a composition or structure that does not parse, an
 * element without a property the featurizer needs) is a {@link TableFormatException} naming source, line and
 * column; with {@link #leaveOutBadRows()} such rows are left out and listed instead (and with
 * {@link #dropDescriptorsMissingForTable()} the descriptors an element cannot supply are left out instead of its
 * rows, listed too). A missing column is always an error.
 *
 * <p>Per-element composition columns are named {@code c_<El>}, {@code x_<El>} or {@code <El>} (one naming for all);
 * their cells are fractions summing to 1 (within {@value Composition#SUM_TOLERANCE}) or percentages summing to 100
 * (within 0.1); an empty cell is 0.
 */
public final class DatasetBuilder {
    private final Table table;
    private String targetColumn;
    private String targetUnit;
    private String compositionColumn;
    private List<String> elementColumns;
    private String structureColumn;
    private Featurizer featurizer = Featurizer.preset("compact");
    private boolean compositionVector;
    private GroupKey groupKey = GroupKey.composition();
    private String idColumn;
    private final List<RowFilter> filters = new ArrayList<>();
    private boolean leaveOutBadRows;
    private boolean dropMissingDescriptors;

    private DatasetBuilder(Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    public static DatasetBuilder from(Table table) {
        return new DatasetBuilder(table);
    }

    /** The target column and its unit (the unit goes into {@link Dataset#target()}). */
    public DatasetBuilder target(String column, String unit) {
        this.targetColumn = column;
        this.targetUnit = unit;
        return this;
    }

    /** One column in a {@link Composition} text form. */
    public DatasetBuilder compositionColumn(String column) {
        this.compositionColumn = column;
        this.elementColumns = null;
        return this;
    }

    /** Named per-element columns ({@code c_Fe}, {@code x_Fe} or {@code Fe}). */
    public DatasetBuilder elementColumns(List<String> columns) {
        this.elementColumns = List.copyOf(columns);
        this.compositionColumn = null;
        return this;
    }

    /** Every per-element column of the table, in one naming ({@code c_}, {@code x_} or plain symbols). */
    public DatasetBuilder elementColumns() {
        Map<String, List<String>> byNaming = new LinkedHashMap<>();
        for (String c : table.columns()) {
            for (String prefix : List.of("c_", "x_", "")) {
                if (c.startsWith(prefix) && Elements.isSymbol(c.substring(prefix.length()))) {
                    byNaming.computeIfAbsent(prefix, k -> new ArrayList<>()).add(c);
                }
            }
        }
        if (byNaming.isEmpty()) {
            throw new TableFormatException(table.source(), 0, null, "no per-element composition columns (c_<El>, "
                    + "x_<El> or <El>) among " + table.columns());
        }
        if (byNaming.size() > 1) {
            throw new TableFormatException(table.source(), 0, null, "per-element columns in more than one naming: "
                    + byNaming.values() + "; name them with elementColumns(list)");
        }
        return elementColumns(byNaming.values().iterator().next());
    }

    public DatasetBuilder structureColumn(String column) {
        this.structureColumn = column;
        return this;
    }

    public DatasetBuilder featurizer(Featurizer featurizer) {
        this.featurizer = Objects.requireNonNull(featurizer, "featurizer");
        return this;
    }

    /** Adds the composition vector over every element that occurs in the table's compositions. */
    public DatasetBuilder withCompositionVector() {
        this.compositionVector = true;
        return this;
    }

    public DatasetBuilder groupKey(GroupKey key) {
        this.groupKey = Objects.requireNonNull(key, "groupKey");
        return this;
    }

    /** Row ids from this column (default: composition and structure, e.g. {@code Fe0.25Co0.25Ni0.25Cu0.25_fcc}). */
    public DatasetBuilder idColumn(String column) {
        this.idColumn = column;
        return this;
    }

    /** Keep only rows the filter accepts (filters add up). */
    public DatasetBuilder filter(RowFilter filter) {
        filters.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    public DatasetBuilder filter(String filter) {
        return filter(RowFilter.parse(filter));
    }

    /** Leave rows with unreadable cells out (listed in the result) instead of failing on the first. */
    public DatasetBuilder leaveOutBadRows() {
        this.leaveOutBadRows = true;
        return this;
    }

    /**
     * Leave out the descriptors whose elemental property is missing for an element of the table (listed in
     * {@link BuiltDataset#droppedDescriptors()} and the report), instead of failing on (or leaving out) the rows.
     */
    public DatasetBuilder dropDescriptorsMissingForTable() {
        this.dropMissingDescriptors = true;
        return this;
    }

    /** A row's parsed cells, before featurizing. */
    private record Parsed(int row, double y, Composition composition, Structure structure) {
    }

    public BuiltDataset build() {
        if (targetColumn == null) {
            throw new IllegalStateException("no target column: call target(column, unit)");
        }
        if (compositionColumn == null && elementColumns == null) {
            throw new IllegalStateException("no composition: call compositionColumn(name) or elementColumns()");
        }
        if (featurizer.usesStructure() && structureColumn == null) {
            throw new IllegalStateException("the featurizer encodes the structure but no structure column was given; "
                    + "give one, or use featurizer.without(\"structure\")");
        }
        int target = table.columnIndex(targetColumn);
        int composition = compositionColumn == null ? -1 : table.columnIndex(compositionColumn);
        List<Element> columnElements = new ArrayList<>();
        int[] elementIndex = null;
        if (elementColumns != null) {
            elementIndex = new int[elementColumns.size()];
            for (int i = 0; i < elementIndex.length; i++) {
                String c = elementColumns.get(i);
                elementIndex[i] = table.columnIndex(c);
                String symbol = c.startsWith("c_") || c.startsWith("x_") ? c.substring(2) : c;
                if (!Elements.isSymbol(symbol)) {
                    throw new TableFormatException(table.source(), 0, c, "not a per-element column: '" + symbol
                            + "' is not an element symbol");
                }
                columnElements.add(Elements.bySymbol(symbol));
            }
        }
        int structure = structureColumn == null ? -1 : table.columnIndex(structureColumn);
        int id = idColumn == null ? -1 : table.columnIndex(idColumn);
        for (RowFilter f : filters) {
            table.columnIndex(f.column());
        }

        List<LeftOutRow> leftOut = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<Structure> structuresSeen = new LinkedHashSet<>();
        Set<Element> elementsSeen = new LinkedHashSet<>();
        rows:
        for (int r = 0; r < table.size(); r++) {
            int line = table.line(r);
            for (RowFilter f : filters) {
                boolean keep;
                try {
                    keep = f.test(table, r);
                } catch (TableFormatException e) {
                    if (!leaveOutBadRows) {
                        throw e;
                    }
                    leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.BAD_FILTER_VALUE, f.column(), e.problem()));
                    continue rows;
                }
                if (!keep) {
                    leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.FILTERED, f.column(), "'"
                            + table.cell(r, table.columnIndex(f.column())) + "' fails " + f));
                    continue rows;
                }
            }
            String t = table.cell(r, target).strip();
            if (t.isEmpty()) {
                leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.MISSING_TARGET, targetColumn, "empty"));
                continue;
            }
            if (!Numbers.isDecimal(t)) {
                String problem = Numbers.isNotFinite(t) ? "target is " + t + " (not a finite number)"
                        : "target '" + t + "' is not a number";
                if (!leaveOutBadRows) {
                    throw table.error(r, target, problem);
                }
                leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.BAD_TARGET, targetColumn, problem));
                continue;
            }
            double y = Double.parseDouble(t);
            Composition c;
            try {
                c = composition >= 0 ? Composition.parse(table.cell(r, composition))
                        : fromColumns(r, elementIndex, columnElements);
            } catch (CompositionFormatException e) {
                String column = composition >= 0 ? compositionColumn : String.join("+", elementColumns);
                if (!leaveOutBadRows) {
                    throw new TableFormatException(table.source(), line, column, e.getMessage(), e);
                }
                leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.BAD_COMPOSITION, column, e.getMessage()));
                continue;
            }
            Structure s = null;
            if (structure >= 0) {
                try {
                    s = Structure.parse(table.cell(r, structure));
                } catch (IllegalArgumentException e) {
                    if (!leaveOutBadRows) {
                        throw table.error(r, structure, e.getMessage());
                    }
                    leftOut.add(new LeftOutRow(line, LeftOutRow.Reason.BAD_STRUCTURE, structureColumn, e.getMessage()));
                    continue;
                }
                structuresSeen.add(s);
            }
            elementsSeen.addAll(c.elements());
            parsed.add(new Parsed(r, y, c, s));
        }

        Featurizer f = featurizer;
        if (f.usesStructure()) {
            f = f.withStructures(structuresSeen);
        }
        if (compositionVector) {
            f = f.withCompositionVector(elementsSeen);
        }
        List<Descriptor> dropped = new ArrayList<>();
        if (dropMissingDescriptors) {
            Featurizer restricted = f.restrictedTo(elementsSeen);
            dropped.addAll(f.descriptors());
            dropped.removeAll(restricted.descriptors());
            f = restricted;
        }
        List<double[]> x = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Composition> compositions = new ArrayList<>();
        List<Structure> structures = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<String> idsSeen = new HashSet<>();
        for (Parsed p : parsed) {
            double[] row;
            try {
                row = f.featurize(p.composition(), p.structure());
            } catch (MissingPropertyException e) {
                String column = composition >= 0 ? compositionColumn : String.join("+", elementColumns);
                if (!leaveOutBadRows) {
                    throw new TableFormatException(table.source(), table.line(p.row()), column, e.getMessage(), e);
                }
                leftOut.add(new LeftOutRow(table.line(p.row()), LeftOutRow.Reason.MISSING_PROPERTY, column,
                        e.getMessage()));
                continue;
            }
            String rowId = id >= 0 ? table.cell(p.row(), id).strip()
                    : p.composition() + (p.structure() == null ? "" : "_" + p.structure());
            if (!idsSeen.add(rowId)) {
                rowId = rowId + "@line" + table.line(p.row());
                idsSeen.add(rowId);
            }
            x.add(row);
            ys.add(p.y());
            ids.add(rowId);
            groups.add(groupKey.of(table, p.row(), p.composition(), p.structure()));
            compositions.add(p.composition());
            structures.add(p.structure());
            lines.add(table.line(p.row()));
        }
        leftOut.sort(java.util.Comparator.comparingInt(LeftOutRow::line));
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        Dataset dataset = new Dataset(f.descriptors(), x.toArray(double[][]::new), y,
                new Descriptor(targetColumn, "target", targetUnit == null ? "1" : targetUnit), ids, groups);
        return new BuiltDataset(table.source(), table.size(), dataset, f, compositions, structures, lines, leftOut,
                dropped);
    }

    private Composition fromColumns(int r, int[] index, List<Element> elements) {
        Map<Element, Double> amounts = new LinkedHashMap<>();
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            String cell = table.cell(r, index[i]).strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (!Numbers.isDecimal(cell)) {
                throw new CompositionFormatException(table.columns().get(index[i]) + " = '" + cell
                        + "' is not a number");
            }
            double v = Double.parseDouble(cell);
            if (v < 0) {
                throw new CompositionFormatException(table.columns().get(index[i]) + " = " + cell + " is negative");
            }
            amounts.put(elements.get(i), v);
            sum += v;
        }
        if (Math.abs(sum - 100) <= 0.1) {
            Map<Element, Double> fractions = new LinkedHashMap<>();
            amounts.forEach((e, v) -> fractions.put(e, v / 100));
            return Composition.fromFractions(fractions);
        }
        if (Math.abs(sum - 1) > Composition.SUM_TOLERANCE) {
            throw new CompositionFormatException(String.format(Locale.ROOT,
                    "per-element fractions sum to %.6g, neither 1 nor 100", sum));
        }
        return Composition.fromFractions(amounts);
    }
}
