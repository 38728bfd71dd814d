package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;

class EvidenceTest {
    @Test
    void goEvidenceOfEveryScanHasLevelsRelativeToFermiAndTheMoveMarkFollowsTheContourBottom() {
        int levelsChecked = 0;
        for (ScanFixtures.Scan s : ScanFixtures.all()) {
            GoEvidence g = s.go();
            assertThat(g.ewidthRy()).as(s.dir().toString()).isEqualTo(s.ewidthRy());
            assertThat(g.fermiLevelUpRy()).isPresent();
            assertThat(g.history()).isNotEmpty();
            assertThat(g.history().get(g.history().size() - 1).iteration()).isEqualTo(g.history().size());
            assertThat(g.components()).isNotEmpty();
            for (ComponentCoreLevels c : g.components()) {
                for (CoreLevelEvidence l : c.levels()) {
                    double ef = l.spinUp() ? g.fermiLevelUpRy().getAsDouble() : g.fermiLevelDownRy().getAsDouble();
                    assertThat(l.relativeToFermiRy()).isCloseTo(l.levelRy() - ef, org.assertj.core.data.Offset.offset(1e-12));
                    // the mark means "above the contour bottom E_F - ewidth"; keep clear of levels sitting on it
                    if (Math.abs(l.relativeToFermiRy() + g.ewidthRy()) > 0.02) {
                        assertThat(l.movedToValence()).as("%s %s %s %.4f", s.dir().getFileName(), c.element(),
                                l.state(), l.relativeToFermiRy())
                                .isEqualTo(l.relativeToFermiRy() > -g.ewidthRy());
                        levelsChecked++;
                    }
                }
            }
        }
        assertThat(levelsChecked).isGreaterThan(1000);
    }

    @Test
    void dosEvidenceHasTheVersionWindowAndComponentsOnTheWindowMesh() {
        for (ScanFixtures.Scan s : ScanFixtures.all()) {
            DosEvidence d = s.dos();
            assertThat(d.windowReference()).isEqualTo(AkaiVersion.CPA2002V010.dosWindowReference());
            assertThat(d.referenceMismatch()).as(s.dir().toString()).isFalse();
            assertThat(d.windowBottomRy()).isEqualTo(-0.75 * d.ewidthDosRy());
            assertThat(d.totalPerAtom().energyRy(0)).isGreaterThan(d.windowBottomRy());
            double[] conc = concentrations(s);
            assertThat(d.components()).hasSize(conc.length);
            assertThat(d.atomCount()).isEqualTo(1);
            // the component tables are printed on the window ends, the total half a step inside
            DosCurve t = d.totalPerAtom();
            for (DosCurve c : d.components()) {
                assertThat(c.energyRy(0)).isCloseTo(d.windowBottomRy(), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(c.energyRy(c.size() - 1)).isCloseTo(d.windowTopRy(), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(c.size()).isEqualTo(t.size() + 1);
            }
        }
    }

    @Test
    void theCpa2021WindowIsCentredAndTheStoppedHfRunGivesItsHistory() {
        assertThat(AkaiVersion.CPA2021V01.dosWindowReference()).isEqualTo(0.5);
        Path dir = SharedRoot.akaikkr().resolve("transcribed-cpa2021v01-gaes/Al0p25Ge0p25Hf0p25Bi0p25_fcc/"
                + "key_13327283,ew_000-1.2000,ed_000-1e-04,polytyp_fcc,pm_000-5e-03");
        GoEvidence g = GoEvidence.read(dir.resolve("out_go.log"));
        assertThat(g.ewidthRy()).isEqualTo(1.2);
        assertThat(g.converged()).isFalse();
        assertThat(g.history()).hasSizeGreaterThan(50);
        // the documented signature of this run: neu spikes below -2 at several iterations
        assertThat(g.history().stream().filter(h -> h.neu() < -2).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aGoLogIsNotDosEvidenceAndTheErrorSaysSo() {
        Path go = ScanFixtures.all().get(0).dir().resolve("out_go.log");
        assertThatThrownBy(() -> DosEvidence.read(go, Optional.of(AkaiVersion.CPA2002V010)))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("out_go.log")
                .hasMessageContaining("not a dos log");
        Path dos = ScanFixtures.all().get(0).dir().resolve("out_dos.log");
        assertThatThrownBy(() -> GoEvidence.read(dos)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("not a go log");
    }

    /** Concentrations as given in the dos card's component lines (Z and percent), read independently. */
    static double[] concentrations(ScanFixtures.Scan s) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(s.dir().resolve("inputcard_dos"));
            java.util.List<Double> c = new java.util.ArrayList<>();
            boolean inType = false;
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("HEA")) {
                    inType = true;
                    continue;
                }
                if (inType && f.length == 2) {
                    c.add(Double.parseDouble(f[1]));
                } else if (inType) {
                    break;
                }
            }
            double total = c.stream().mapToDouble(Double::doubleValue).sum();
            return c.stream().mapToDouble(x -> x / total).toArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
