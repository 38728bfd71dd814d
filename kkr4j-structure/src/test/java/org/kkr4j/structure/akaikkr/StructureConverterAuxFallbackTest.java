package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.symmetry.SymmetryDataset;
import org.kkr4j.structure.symmetry.SymmetryFinder;

/**
 * The aux fallback of {@link StructureConverter} (taken when the conventional cell does not fit the named
 * lattice's setting; spglib's cells normally fit, so the fallback is called directly): the note says why,
 * and the written card, read back, is the same crystal as the input.
 */
class StructureConverterAuxFallbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"synthetic/P21c_sm.cif", "synthetic/Cmcm_bso.cif", "synthetic/P-1_tri.cif",
            "tests/Co2MnSi-Fm3m.cif", "tests/FeRh0.5Pt0.5.cif"})
    void fallbackWritesTheReducedPrimitiveCellAsAuxWithANote(String rel) {
        Structure s = CifReader.read(SharedRoot.resolve("fixtures/structures/inputs/" + rel));
        StructureConverter.Options options = new StructureConverter.Options(
                StructureToCard.Options.defaults(AkaiVersion.V2022_0721), false);
        SymmetryDataset ds = SymmetryFinder.analyse(s, options.card().symprecAngstrom());
        BravaisLattice brvtyp = SpaceGroupBrvtyp.of(ds.spaceGroupNumber());
        StructureConverter.Result r = StructureConverter.auxFallback(s, ds, brvtyp,
                StructureConverter.akaiSetting(ds), options, "why it did not fit");
        assertThat(r.written()).isEqualTo(BravaisLattice.AUX);
        assertThat(r.brvtyp()).isEqualTo(brvtyp);
        assertThat(r.notes()).singleElement().asString()
                .contains("does not fit " + brvtyp.canonicalKeyword() + " (why it did not fit)")
                .contains("written as aux");
        CardDeck deck = r.deck();
        assertThat(deck.lattice().bravais()).isEqualTo(BravaisLattice.AUX);
        // standard orientation: a along x, b in the xy plane
        var pv = deck.lattice().primitiveVectors().orElseThrow();
        assertThat(pv.a().y()).isZero();
        assertThat(pv.a().z()).isZero();
        assertThat(pv.b().z()).isZero();
        assertThat(deck.natm()).isEqualTo(ds.reducedPrimitive().sites().size());
        // written, read back, rebuilt: the same crystal as the input
        String text = CardWriter.write(CardFile.of(deck), AkaiVersion.V2022_0721);
        CardDeck back = CardReader.read(new SourceText("fallback", List.of(text.split("\n"))), AkaiVersion.V2022_0721)
                .decks().get(0);
        Structure rebuilt = CardToStructure.convert(back).structure();
        assertThat(SameCrystal.difference(s, rebuilt, 1e-5, 1e-3)).as(rel).isEmpty();
        assertThat(SymmetryFinder.analyse(rebuilt, 0.01).spaceGroupNumber()).isEqualTo(ds.spaceGroupNumber());
    }
}
