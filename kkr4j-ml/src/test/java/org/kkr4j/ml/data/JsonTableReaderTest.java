package org.kkr4j.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTableReaderTest {

    @Test
    void objectsBecomeRowsWithTheUnionOfTheirKeys() {
        String json = """
                [
                  {"composition": "FeCoNiCu", "lattice": "fcc", "m": 0.61},
                  {"composition": "AlCrCoCu",
                   "lattice": "BCC", "m": null, "converged": true}
                ]
                """;
        Table t = JsonTableReader.read(json, "mem.json");
        assertThat(t.columns()).containsExactly("composition", "lattice", "m", "converged");
        assertThat(t.rows().get(0)).containsExactly("FeCoNiCu", "fcc", "0.61", "");
        assertThat(t.rows().get(1)).containsExactly("AlCrCoCu", "BCC", "", "true");
        assertThat(t.lines()).containsExactly(2, 3);
    }

    @Test
    void nestedValuesAndBrokenJsonAreLocated() {
        assertThatThrownBy(() -> JsonTableReader.read("[\n{\"a\": 1},\n{\"a\": [1, 2]}\n]", "n.json"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("a");
                });
        assertThatThrownBy(() -> JsonTableReader.read("{\"a\": 1}", "o.json")).hasMessageContaining("array of objects");
        assertThatThrownBy(() -> JsonTableReader.read("[\n{\"a\": 1},\n{\"a\" 2}\n]", "b.json"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("not valid JSON");
    }
}
