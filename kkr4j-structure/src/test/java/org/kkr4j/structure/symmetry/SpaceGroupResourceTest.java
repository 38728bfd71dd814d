package org.kkr4j.structure.symmetry;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.testing.SharedRoot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class SpaceGroupResourceTest {

    /** Set -Dkkr4j.regenerateSpaceGroups=true to rewrite the committed resource from the shared table. */
    @Test
    void committedResourceEqualsRegenerationFromSharedTable() throws Exception {
        String fresh = SpaceGroupResourceGenerator.generate(SharedRoot.resolve("data/spacegroups/spacegroups.json"));
        Path committed = Path.of("src/main/resources").resolve(SpaceGroupTable.RESOURCE);
        if (Boolean.getBoolean("kkr4j.regenerateSpaceGroups")) {
            Files.writeString(committed, fresh, StandardCharsets.UTF_8);
        }
        String onClassPath = new String(Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream(SpaceGroupTable.RESOURCE)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Files.readString(committed)).isEqualTo(fresh);
        assertThat(onClassPath).isEqualTo(fresh);
    }

    @Test
    void tableHasEverySettingAndGroupsAreClosed() {
        assertThat(SpaceGroupTable.settings()).hasSize(530);
        assertThat(SpaceGroupTable.settings().stream().mapToInt(SpaceGroupSetting::number).distinct().count()).isEqualTo(230);
        for (SpaceGroupSetting s : SpaceGroupTable.settings()) {
            assertThat(s.operations().get(0)).as(s.hallSymbol()).isEqualTo(SymOp.IDENTITY);
            for (SymOp a : s.operations()) {
                for (SymOp b : s.operations()) {
                    SymOp ab = a.compose(b);
                    assertThat(s.operations().stream().anyMatch(o -> o.sameModuloLattice(ab, 1e-9)))
                            .as("%s closed under %s * %s", s.hallSymbol(), a, b).isTrue();
                }
            }
        }
    }

    @Test
    void looksUpSymbolsAsCifsWriteThem() {
        assertThat(SpaceGroupTable.byHermannMauguin("F m -3 m", null).number()).isEqualTo(225);
        assertThat(SpaceGroupTable.byHermannMauguin("Fm3m", null).number()).isEqualTo(225);
        assertThat(SpaceGroupTable.byHermannMauguin("P 63/m m c", null).number()).isEqualTo(194);
        assertThat(SpaceGroupTable.byHermannMauguin("P6_3/mmc", null).number()).isEqualTo(194);
        assertThat(SpaceGroupTable.byHermannMauguin("P 21/c", null).hallSymbol()).isEqualTo("-P 2ybc");
        assertThat(SpaceGroupTable.byHermannMauguin("R -3 m :R", null).choice()).isEqualTo("R");
        assertThat(SpaceGroupTable.byHermannMauguin("R -3 m", null).choice()).isEqualTo("H");
        assertThat(SpaceGroupTable.byHermannMauguin("F d -3 m :2", null).choice()).isEqualTo("2");
        assertThat(SpaceGroupTable.byHallSymbol("-F 4 2 3").orElseThrow().number()).isEqualTo(225);
        assertThat(SpaceGroupTable.byNumber(14, null).hallSymbol()).isEqualTo("-P 2ybc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpaceGroupTable.byHermannMauguin("F d -3 m", null))
                .hasMessageContaining("origin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpaceGroupTable.byHermannMauguin("Q 42", null))
                .hasMessageContaining("unknown");
    }
}
