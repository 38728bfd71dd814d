package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;
import org.kkr4j.structure.symmetry.SymmetryFinder;

/** {@code kkr4j convert} and {@code kkr4j structure info} end to end through {@link Kkr4j#commandLine()}. */
class StructureCliTest {

    @TempDir
    Path tmp;

    private static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    private static Path input(String rel) {
        return SharedRoot.resolve("fixtures/structures/inputs/" + rel);
    }

    @Test
    void cifToAkaikkrIsAReadableCardWithTheReferenceLattice() throws IOException {
        Path out = tmp.resolve("co2mnsi.in");
        var r = kkr4j("convert", input("tests/Co2MnSi-Fm3m.cif").toString(), "--to", "akaikkr", "--version", "cpa2002v010",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("space group 225 Fm-3m").contains("fcc");
        CardFile card = CardReader.read(out, AkaiVersion.CPA2002V010);
        CardDeck deck = card.decks().get(0);
        assertThat(deck.lattice().keyword()).isEqualTo("fcc");
        assertThat(deck.lattice().aBohr()).isCloseTo(10.593808876803033, within(1e-5));
        assertThat(deck.ntyp()).isEqualTo(3);
        assertThat(deck.natm()).isEqualTo(4);
        assertThat(deck.types()).allSatisfy(t -> assertThat(t.name()).hasSizeLessThanOrEqualTo(8).doesNotStartWith("C").doesNotStartWith("c"));
    }

    @Test
    void auxMjwAndPerElementSettingsReachTheCard() {
        var r = kkr4j("convert", input("tests/FeRh0.5Pt0.5.cif").toString(), "--to", "akaikkr", "--aux", "--lattice", "mjw",
                "--rmt", "Fe=0.3", "--mxl", "2=3");
        assertThat(r.code()).as(r.err()).isZero();
        CardDeck deck = CardReader.read(new org.kkr4j.io.SourceText("out", r.out().lines().toList()), AkaiVersion.V2022_0721)
                .decks().get(0);
        assertThat(deck.lattice().keyword()).isEqualTo("aux");
        assertThat(deck.lattice().aBohr()).isZero();
        assertThat(deck.types()).anySatisfy(t -> {
            assertThat(t.components()).hasSize(1);
            assertThat(t.components().get(0).anclr()).isEqualTo(26);
            assertThat(t.rmt()).isEqualTo(0.3);
        });
        assertThat(deck.types().get(0).lmxtyp()).isEqualTo(2);
        assertThat(deck.types().get(1).lmxtyp()).as("--mxl 2=3: the second type").isEqualTo(3);
        assertThat(deck.types()).anySatisfy(t -> assertThat(t.components()).hasSize(2));
    }

    @Test
    void cardBackToCifAndPoscar() throws IOException {
        Path card = tmp.resolve("card.in");
        assertThat(kkr4j("convert", input("synthetic/P4nmm_st_FeSe.cif").toString(), "--to", "akaikkr", "-o", card.toString())
                .code()).isZero();
        Path cif = tmp.resolve("back.cif");
        assertThat(kkr4j("convert", card.toString(), "--to", "cif", "-o", cif.toString()).code()).isZero();
        Path poscar = tmp.resolve("POSCAR");
        assertThat(kkr4j("convert", card.toString(), "--to", "poscar", "-o", poscar.toString()).code()).isZero();
        Structure original = CifReader.read(input("synthetic/P4nmm_st_FeSe.cif"));
        int sg = SymmetryFinder.analyse(original).spaceGroupNumber();
        assertThat(SymmetryFinder.analyse(CifReader.read(cif)).spaceGroupNumber()).isEqualTo(sg);
        Structure fromPoscar = Poscar.read(poscar);
        assertThat(SymmetryFinder.analyse(fromPoscar).spaceGroupNumber()).isEqualTo(sg);
        assertThat(fromPoscar.lattice().volumeAngstrom3()).isCloseTo(original.lattice().volumeAngstrom3(), within(1e-6));
    }

    @Test
    void poscarFromCpaSitesNeedsMajority() throws IOException {
        Path card = tmp.resolve("cpa.in");
        assertThat(kkr4j("convert", input("tests/NiFe-Fm3m.cif").toString(), "--to", "akaikkr", "-o", card.toString())
                .code()).isZero();
        var refused = kkr4j("convert", card.toString(), "--to", "poscar");
        assertThat(refused.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        var majority = kkr4j("convert", card.toString(), "--to", "poscar", "--majority");
        assertThat(majority.code()).as(majority.err()).isZero();
        assertThat(majority.out()).contains("Ni");
    }

    @Test
    void structureInfoReportsSpaceGroupBravaisPrimitiveCellAndOrbits() throws IOException {
        var r = kkr4j("structure", "info", input("tests/SmCo5_P6mmm.cif").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("space group:    191 P6/mmm").contains("crystal system: hexagonal, centring P")
                .contains("AkaiKKR brvtyp: hcp").contains("6 sites").contains("orbits: 3");
        var j = kkr4j("structure", "info", "--json", input("synthetic/Fddd_fco.cif").toString());
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = Json.mapper().readTree(j.out());
        assertThat(root.get("spaceGroupNumber").asInt()).isEqualTo(70);
        assertThat(root.get("brvtyp").asText()).isEqualTo("fco");
        assertThat(root.get("primitiveCell").get("sites")).hasSize(4);
        assertThat(root.get("orbits")).hasSize(1);
    }

    @Test
    void benchConvertReportsRateRatioAndInputs() {
        var r = kkr4j("bench", "convert", "--shared", SharedRoot.path().toString(), "--rounds", "1", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("converted: demo/AgPd-Fm-3m.cif").contains("synthetic/Co_hcp.vasp")
                .contains("refused:   edge/deuterium.cif").contains("refused:   edge/occ_gt1.cif")
                .contains("conversions/s").contains("documented at 0.5-1.0 s").containsPattern("ratio .*: \\d+ x to \\d+ x");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    private static final String ATOMS = """
            loop_
            _atom_site_label
            _atom_site_type_symbol
            _atom_site_fract_x
            _atom_site_fract_y
            _atom_site_fract_z
            _atom_site_occupancy
            """;

    private void assertBadInput(Path file, int line, String... moreArgs) {
        for (String[] args : List.of(new String[]{"convert", file.toString(), "--to", "akaikkr"},
                new String[]{"structure", "info", file.toString()})) {
            var r = kkr4j(args);
            assertThat(r.code()).as(r.err()).isEqualTo(ErrorReporter.BAD_INPUT);
            // line 0 = the file as a whole (KkrFormatException's convention): then no ":line" is printed
            assertThat(r.err()).contains(line > 0 ? file.getFileName().toString() + ":" + line + ":"
                    : file.getFileName().toString() + ": ");
        }
    }

    @Test
    void malformedInputsAreExit2WithFileAndLine() throws IOException {
        assertBadInput(write("nocell.cif", "data_x\n_symmetry_space_group_name_H-M 'P 1'\n" + ATOMS + "Fe1 Fe 0 0 0 1\n"), 1);
        assertBadInput(write("occ.cif", "data_x\n_cell_length_a 3\n_cell_length_b 3\n_cell_length_c 3\n"
                + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n" + ATOMS
                + "Fe1 Fe 0 0 0 0.6\nNi1 Ni 0 0 0 0.6\n"), 16);
        assertBadInput(write("elem.cif", "data_x\n_cell_length_a 3\n_cell_length_b 3\n_cell_length_c 3\n"
                + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n" + ATOMS + "Q1 Q 0 0 0 1\n"), 15);
        assertBadInput(write("contradictory.cif", "data_x\n_cell_length_a 3\n_cell_length_b 3\n_cell_length_c 3\n"
                + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n"
                + "loop_\n_symmetry_equiv_pos_as_xyz\n'x,y,z'\n'-x,y+1/4,z'\n" + ATOMS + "Fe1 Fe 0.1 0.2 0.3 1\n"), 11);
        assertBadInput(write("nonnumeric.cif", "data_x\n_cell_length_a 3\n_cell_length_b three\n_cell_length_c 3\n"
                + "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n" + ATOMS + "Fe1 Fe 0 0 0 1\n"), 3);
        assertBadInput(write("empty.cif", ""), 0);
        assertThat(kkr4j("convert", tmp.resolve("empty.cif").toString(), "--to", "akaikkr").err()).contains("empty file");
        assertBadInput(write("POSCAR", "x\n1.0\n3 0 0\n0 3 0\nzero 0 3\nFe\n1\nDirect\n0 0 0\n"), 5);
    }
}
