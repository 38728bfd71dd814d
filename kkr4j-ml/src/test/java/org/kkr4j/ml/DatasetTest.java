package org.kkr4j.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.descriptor.Descriptor;

class DatasetTest {
    private final Dataset data = new Dataset(
            List.of(new Descriptor("mean.group", "group", "1"), new Descriptor("mean.Z", "Z", "1")),
            new double[][] {{1, 10}, {2, 20}, {3, 30}}, new double[] {0.1, 0.2, 0.3},
            new Descriptor("moment_per_atom", "target", "muB"), List.of("a_fcc", "a_bcc", "b_fcc"),
            List.of("a", "a", "b"));

    @Test
    void rowsAndColumnsAreTakenByIndexWithTheirIdsAndGroups() {
        Dataset picked = data.rows(new int[] {2, 0});
        assertThat(picked.y()).containsExactly(0.3, 0.1);
        assertThat(picked.rowIds()).containsExactly("b_fcc", "a_fcc");
        assertThat(picked.groups()).containsExactly("b", "a");
        Dataset z = data.columns(new int[] {1});
        assertThat(z.features()).extracting(Descriptor::name).containsExactly("mean.Z");
        assertThat(z.x()[1]).containsExactly(20.0);
    }

    @Test
    void inconsistentShapesAreRefused() {
        assertThatThrownBy(() -> new Dataset(data.features(), new double[][] {{1}}, new double[] {1},
                data.target(), List.of("x"), List.of("x"))).hasMessageContaining("has 1 values for 2 features");
        assertThatThrownBy(() -> new Dataset(data.features(), data.x(), new double[] {1}, data.target(),
                data.rowIds(), data.groups())).hasMessageContaining("3 rows of x, 1 targets");
    }
}
