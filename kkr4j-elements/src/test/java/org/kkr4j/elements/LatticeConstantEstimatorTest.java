package org.kkr4j.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatticeConstantEstimatorTest {

    private static final double CC = Element.BOHR3_PER_ATOM_PER_CC_PER_MOL;

    @Test
    void pureBccIronFromBothTables() {
        // 9 Fe atoms in a bcc cell: a = 0 gave 10.96 bohr, a = 1e6 gave 11.27 bohr with a gfortran build
        // of cpa2002v010 (reference/structure.md section 3.6).
        List<SiteComposition> nineFe = Collections.nCopies(9, SiteComposition.pure(26));
        var mjw = LatticeConstantEstimator.estimate(CellVolume.bcc(), nineFe, VolumeSource.MJW);
        var exp = LatticeConstantEstimator.estimate(CellVolume.bcc(), nineFe, VolumeSource.EXPERIMENTAL);
        assertThat(mjw.aBohr()).isCloseTo(10.96, within(0.005));
        assertThat(exp.aBohr()).isCloseTo(11.27, within(0.005));
        assertThat(exp.cellVolumeBohr3()).isCloseTo(9 * 7.094 * CC, within(1e-9));
    }

    @Test
    void concentrationsAreNormalisedPerSite() {
        var percent = LatticeConstantEstimator.estimate(CellVolume.fcc(),
                List.of(SiteComposition.of(26, 70, 27, 30)), VolumeSource.EXPERIMENTAL);
        var fraction = LatticeConstantEstimator.estimate(CellVolume.fcc(),
                List.of(SiteComposition.of(26, 0.7, 27, 0.3)), VolumeSource.EXPERIMENTAL);
        assertThat(percent.aBohr()).isEqualTo(fraction.aBohr());
        assertThat(percent.cellVolumeBohr3()).isCloseTo((0.7 * 7.094 + 0.3 * 6.689) * CC, within(1e-9));
    }

    @Test
    void vacancyCountsAsZeroVolume() {
        var withVacancy = LatticeConstantEstimator.estimate(CellVolume.sc(),
                List.of(SiteComposition.of(26, 0.5, 0, 0.5)), VolumeSource.EXPERIMENTAL);
        assertThat(withVacancy.cellVolumeBohr3()).isCloseTo(0.5 * 7.094 * CC, within(1e-9));
        assertThatThrownBy(() -> LatticeConstantEstimator.estimate(CellVolume.sc(),
                List.of(SiteComposition.pure(0)), VolumeSource.MJW)).hasMessageContaining("only vacancies");
    }

    @Test
    void elementsWithoutAVolumeAreRefused() {
        assertThatThrownBy(() -> LatticeConstantEstimator.estimate(CellVolume.fcc(),
                List.of(SiteComposition.of(26, 0.9, 2, 0.1)), VolumeSource.EXPERIMENTAL))
                .isInstanceOf(LatticeConstantEstimator.MissingAtomicVolumeException.class)
                .hasMessageContaining("He");
        assertThatThrownBy(() -> LatticeConstantEstimator.estimate(CellVolume.fcc(),
                List.of(SiteComposition.pure(101)), VolumeSource.MJW))
                .isInstanceOf(LatticeConstantEstimator.MissingAtomicVolumeException.class)
                .hasMessageContaining("Z <= 100");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LatticeConstantEstimator.estimate(0, List.of(SiteComposition.pure(26)),
                VolumeSource.MJW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatticeConstantEstimator.estimate(1, List.of(), VolumeSource.MJW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteComposition.of(26, 0)).hasMessageContaining("sum to 0");
        assertThatThrownBy(() -> SiteComposition.of(26.5, 1)).hasMessageContaining("integer");
        assertThatThrownBy(() -> new SiteComposition.Component(26, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellVolume.ofPrimitiveVectors(new double[] {1, 0, 0}, new double[] {2, 0, 0},
                new double[] {0, 0, 1})).hasMessageContaining("dependent");
    }

    @Test
    void cellVolumesOfNamedLatticesAgreeWithTheirPrimitiveVectors() {
        double[][] fcc = {{0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        double[][] bcc = {{-.5, .5, .5}, {.5, -.5, .5}, {.5, .5, -.5}};
        assertThat(CellVolume.ofPrimitiveVectors(fcc[0], fcc[1], fcc[2])).isCloseTo(CellVolume.fcc(), within(1e-15));
        assertThat(CellVolume.ofPrimitiveVectors(bcc[0], bcc[1], bcc[2])).isCloseTo(CellVolume.bcc(), within(1e-15));
        double c = 1.6215;
        double[][] hcp = {{.5, -Math.sqrt(3) / 2, 0}, {.5, Math.sqrt(3) / 2, 0}, {0, 0, c}};
        assertThat(CellVolume.ofPrimitiveVectors(hcp[0], hcp[1], hcp[2])).isCloseTo(CellVolume.hcp(c), within(1e-12));
        assertThat(VolumeSource.forCardLatticeConstant(1e6)).hasValue(VolumeSource.EXPERIMENTAL);
        assertThat(VolumeSource.forCardLatticeConstant(0)).hasValue(VolumeSource.MJW);
        assertThat(VolumeSource.forCardLatticeConstant(5.27)).isEmpty();
    }
}
