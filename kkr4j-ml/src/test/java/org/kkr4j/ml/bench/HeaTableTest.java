package org.kkr4j.ml.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.ml.data.TableFormatException;

class HeaTableTest {

    @Test
    void readsTheRealTableAndLosesNoRow() throws IOException {
        Path file = SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv");
        List<String> lines = Files.readAllLines(file);
        HeaTable t = HeaTable.read(file);
        long dataRows = lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        long notConverged = lines.stream().skip(1).filter(l -> !l.isBlank()).filter(l -> !l.split(",")[4].equals("1"))
                .count();
        assertEquals(dataRows, t.rowsRead());
        assertEquals(notConverged, t.notConverged());
        assertEquals(t.rowsRead() - t.notConverged(), t.pool().size());
        int elements = t.features().size() - 3;
        for (int i = 0; i < t.pool().size(); i++) {
            double sum = 0;
            for (int k = 0; k < elements; k++) {
                sum += t.pool().row(i)[k];
            }
            assertEquals(1.0, sum, 1e-12, t.pool().id(i));
        }
        // the first converged row, parsed here independently
        String first = lines.stream().skip(1).filter(l -> l.split(",")[4].equals("1")).findFirst().orElseThrow();
        String[] f = first.split(",", -1);
        assertEquals(f[0] + "_" + f[1], t.pool().id(0));
        assertEquals(Math.abs(Double.parseDouble(f[9])), t.moment()[0], 0);
        // the lattice energy of an alloy's two rows is antisymmetric
        int pairs = 0;
        for (int i : t.withBothLattices()) {
            String id = t.pool().id(i);
            String other = id.endsWith("_fcc") ? id.replace("_fcc", "_bcc") : id.replace("_bcc", "_fcc");
            int j = t.pool().ids().indexOf(other);
            assertEquals(-t.latticeEnergy()[j], t.latticeEnergy()[i], 1e-9);
            pairs++;
        }
        assertEquals(0, pairs % 2);
    }

    @Test
    void badInputNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        String header = "system,lattice,elements,composition,converged,a_bohr,total_energy_Ry,ef_up_Ry,ef_dn_Ry,"
                + "moment_per_atom\n";
        String good = "FeCoNiCu,fcc,Fe Co Ni Cu,Fe0.25Co0.25Ni0.25Cu0.25,1,6.7,-6000.1,0.7,0.7,1.1\n";
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, header + good + "FeCoNiXx,fcc,Fe Co Ni Xx,Fe0.25Co0.25Ni0.25Qq0.25,1,6.7,-6000.1,0.7,0.7,1.1\n");
        TableFormatException e = assertThrows(TableFormatException.class, () -> HeaTable.read(bad));
        assertEquals(3, e.line());
        assertEquals("composition", e.column());
        assertTrue(e.source().endsWith("bad.csv"), e.source());

        Path number = dir.resolve("number.csv");
        Files.writeString(number, header + good.replace(",1.1\n", ",abc\n"));
        TableFormatException n = assertThrows(TableFormatException.class, () -> HeaTable.read(number));
        assertEquals(2, n.line());
        assertEquals("moment_per_atom", n.column());

        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, header.replace(",moment_per_atom", "") + good.replace(",1.1\n", "\n"));
        TableFormatException m = assertThrows(TableFormatException.class, () -> HeaTable.read(missing));
        assertEquals(1, m.line());
        assertEquals("moment_per_atom", m.column());
    }
}
