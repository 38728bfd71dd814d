package org.kkr4j.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Featurizer;

class DatasetBuilderTest {
    private static final Path HEA = SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv");

    @Test
    void theRealDatasetBuildsWithEveryRowAccountedFor() {
        Table table = CsvTableReader.read(HEA);
        BuiltDataset built = DatasetBuilder.from(table).target("moment_per_atom", "muB/atom")
                .compositionColumn("composition").structureColumn("lattice").filter("converged == 1").build();
        Dataset d = built.dataset();
        assertThat(d.size()).isPositive();
        assertThat(d.size() + built.leftOut().size()).isEqualTo(table.size());
        // the file's own count of non-converged rows is what the filter must have left out
        long notConverged = table.rows().stream().filter(r -> !r.get(table.columnIndex("converged")).equals("1"))
                .count();
        assertThat(built.leftOutCounts().getOrDefault(LeftOutRow.Reason.FILTERED, 0)).isEqualTo((int) notConverged);
        assertThat(built.report()).contains(table.size() + " rows, " + d.size() + " used");
        assertThat(d.features()).isEqualTo(built.featurizer().descriptors());
        assertThat(d.target().unit()).isEqualTo("muB/atom");
        // the structures present became the one-hot columns; fcc and bcc rows of an alloy share a group
        assertThat(built.featurizer().descriptors()).extracting(x -> x.name()).contains("structure.fcc",
                "structure.bcc");
        Map<String, Integer> rowsPerGroup = new HashMap<>();
        for (String g : d.groups()) {
            rowsPerGroup.merge(g, 1, Integer::sum);
        }
        assertThat(rowsPerGroup.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
        assertThat(d.rowIds()).doesNotHaveDuplicates();
        // every value of y is the file's cell on the row's line
        for (int i = 0; i < d.size(); i++) {
            int row = table.lines().indexOf(built.lines().get(i));
            assertThat(d.y()[i]).isEqualTo(Double.parseDouble(table.cell(row, "moment_per_atom")));
            assertThat(built.compositions().get(i)).isEqualTo(Composition.parse(table.cell(row, "composition")));
        }
        // an equiatomic quaternary always has S_mix = R ln 4
        int s = d.features().stream().map(x -> x.name()).toList().indexOf("mixing.entropy");
        for (double[] row : d.x()) {
            assertThat(row[s]).isCloseTo(8.314462618 * Math.log(4), within(1e-9));
        }
    }

    @Test
    void theRealDatasetAlsoBuildsFromTheElementsColumnWithAllFeatures() {
        Table table = CsvTableReader.read(HEA);
        BuiltDataset built = DatasetBuilder.from(table).target("total_energy_Ry", "Ry").compositionColumn("elements")
                .structureColumn("lattice").featurizer(Featurizer.preset("full")).withCompositionVector()
                .groupKey(GroupKey.system()).build();
        assertThat(built.dataset().size()).isPositive();
        assertThat(built.featurizer().families()).contains("composition");
        // only the nine elements of the dataset (at most) are in the composition vector
        assertThat(built.featurizer().descriptors().stream().filter(x -> x.family().equals("composition")).count())
                .isBetween(4L, 9L);
    }

    private static final String BAD = """
            id,composition,lattice,converged,y
            a,FeCoNiCu,fcc,1,0.5
            b,FeCoNiCu,bcc,1,
            c,FeXxNi,fcc,1,0.7
            d,AlCrCoCu,fcc,0,0.1
            e,AlCrCoCu,bcc,1,NaN
            f,FeNi,diamond,1,0.2
            g,FeH,fcc,1,0.3
            h,Fe0.5Ni0.4,fcc,1,0.2
            i,CoNi,fcc,yes,0.2
            """;

    @Test
    void badCellsFailWithSourceLineAndColumn() {
        Table t = CsvTableReader.read(BAD, "bad.csv");
        assertThatThrownBy(() -> DatasetBuilder.from(t).target("y", "1").compositionColumn("composition")
                .structureColumn("lattice").build())
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad.csv");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo("composition");
                }).hasMessageContaining("'Xx'");
        assertThatThrownBy(() -> DatasetBuilder.from(t).target("nope", "1").compositionColumn("composition")
                .structureColumn("lattice").build()).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("column 'nope'");
        // NaN target on line 6 (the filter keeps that row alone)
        assertThatThrownBy(() -> DatasetBuilder.from(t).target("y", "1").compositionColumn("composition")
                .structureColumn("lattice").filter("id == e").build())
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.column()).isEqualTo("y");
                }).hasMessageContaining("not a finite number");
    }

    @Test
    void leavingBadRowsOutListsEachWithItsReason() {
        Table t = CsvTableReader.read(BAD, "bad.csv");
        BuiltDataset built = DatasetBuilder.from(t).target("y", "1").compositionColumn("composition")
                .structureColumn("lattice").idColumn("id").filter("converged == 1").leaveOutBadRows().build();
        assertThat(built.dataset().rowIds()).containsExactly("a");
        assertThat(built.leftOut()).extracting(LeftOutRow::line, LeftOutRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, LeftOutRow.Reason.MISSING_TARGET),
                org.assertj.core.groups.Tuple.tuple(4, LeftOutRow.Reason.BAD_COMPOSITION),
                org.assertj.core.groups.Tuple.tuple(5, LeftOutRow.Reason.FILTERED),
                org.assertj.core.groups.Tuple.tuple(6, LeftOutRow.Reason.BAD_TARGET),
                org.assertj.core.groups.Tuple.tuple(7, LeftOutRow.Reason.BAD_STRUCTURE),
                org.assertj.core.groups.Tuple.tuple(8, LeftOutRow.Reason.MISSING_PROPERTY),
                org.assertj.core.groups.Tuple.tuple(9, LeftOutRow.Reason.BAD_COMPOSITION),
                org.assertj.core.groups.Tuple.tuple(10, LeftOutRow.Reason.FILTERED));
        assertThat(built.rowsRead()).isEqualTo(9);
        assertThat(built.report()).contains("9 rows, 1 used, 8 left out").contains("line 8 [composition]");
        // the one-hot covers the structures of the rows that got as far as their structure: fcc only here
        assertThat(built.featurizer().descriptors()).extracting(x -> x.name()).filteredOn(n -> n.startsWith("structure."))
                .containsExactly("structure.fcc");
    }

    @Test
    void descriptorsAnElementCannotSupplyCanBeLeftOutInsteadOfItsRows() {
        Table t = CsvTableReader.read(BAD, "bad.csv");
        BuiltDataset built = DatasetBuilder.from(t).target("y", "1").compositionColumn("composition")
                .structureColumn("lattice").idColumn("id").filter("converged == 1").leaveOutBadRows()
                .dropDescriptorsMissingForTable().build();
        assertThat(built.dataset().rowIds()).containsExactly("a", "g");          // FeH is kept now
        assertThat(built.droppedDescriptors()).extracting(x -> x.name()).contains("mean.metallicRadius",
                "mixing.delta").doesNotContain("mean.group");
        assertThat(built.report()).contains("descriptors left out").contains("mixing.delta");
        assertThat(built.dataset().dimension() + built.droppedDescriptors().size())
                .isEqualTo(Featurizer.preset("compact").withStructures(List.of(Structure.FCC)).dimension());
    }

    @Test
    void perElementColumnsInFractionsOrPercent() {
        Table t = CsvTableReader.read("""
                c_Fe,c_Co,c_Ni,lattice,y
                0.5,0.5,,fcc,1
                50,25,25,bcc,2
                0.5,0.4,,fcc,3
                """, "wide.csv");
        assertThatThrownBy(() -> DatasetBuilder.from(t).target("y", "1").elementColumns().structureColumn("lattice")
                .build()).isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo("c_Fe+c_Co+c_Ni");
                }).hasMessageContaining("neither 1 nor 100");
        BuiltDataset b = DatasetBuilder.from(t).target("y", "1").elementColumns().structureColumn("lattice")
                .leaveOutBadRows().build();
        assertThat(b.compositions()).containsExactly(Composition.parse("FeCo"), Composition.parse("Fe2CoNi"));
        assertThat(b.dataset().rowIds()).containsExactly("Fe0.5Co0.5_fcc", "Fe0.5Co0.25Ni0.25_bcc");
        Table mixed = CsvTableReader.read("c_Fe,x_Co,y\n1,0,1\n", "mixed.csv");
        assertThatThrownBy(() -> DatasetBuilder.from(mixed).elementColumns()).hasMessageContaining("more than one naming");
    }

    @Test
    void jsonTablesBuildTheSameWay() {
        Table t = JsonTableReader.read("""
                [{"alloy": "FeCoNiCu", "s": "FCC", "m": 0.6},
                 {"alloy": "FeCoNiCu", "s": "BCC", "m": 0.5},
                 {"alloy": "AlCrCoCu", "s": "bcc", "m": 0.4}]
                """, "t.json");
        BuiltDataset b = DatasetBuilder.from(t).target("m", "muB/atom").compositionColumn("alloy").structureColumn("s")
                .build();
        assertThat(b.dataset().groups()).containsExactly("Fe0.25Co0.25Ni0.25Cu0.25", "Fe0.25Co0.25Ni0.25Cu0.25",
                "Al0.25Cr0.25Co0.25Cu0.25");
        assertThat(b.structures()).containsExactly(Structure.FCC, Structure.BCC, Structure.BCC);
        assertThat(List.of(b.dataset().y()[0], b.dataset().y()[2])).containsExactly(0.6, 0.4);
    }

    @Test
    void filtersCompareNumbersAndText() {
        Table t = CsvTableReader.read("a,b\n1.0,x\n2,X\n3,y\n", "f.csv");
        assertThat(RowFilter.parse("a == 1").test(t, 0)).isTrue();
        assertThat(RowFilter.parse("a>=2").test(t, 1)).isTrue();
        assertThat(RowFilter.parse("a < 2").test(t, 2)).isFalse();
        assertThat(RowFilter.parse("b == x").test(t, 1)).isTrue();
        assertThat(RowFilter.parse("b != x").test(t, 2)).isTrue();
        assertThatThrownBy(() -> RowFilter.parse("b > 1").test(t, 0)).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("line 2, column 'b'");
        assertThatThrownBy(() -> RowFilter.parse("a ~ 1")).hasMessageContaining("not a filter");
        assertThatThrownBy(() -> RowFilter.parse("a > x")).hasMessageContaining("needs a number");
    }
}
