package org.kkr4j.app;

import java.nio.file.Path;
import java.util.Locale;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.akaikkr.CardToStructure;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;

/** Reads a structure file of any supported kind: CIF, VASP POSCAR/CONTCAR, or an AkaiKKR input card. */
final class StructureInput {

    enum Format { CIF, POSCAR, AKAIKKR }

    private StructureInput() {
    }

    /** By name: {@code *.cif} → CIF; {@code POSCAR*}, {@code CONTCAR*}, {@code *.vasp} → POSCAR; anything else is a card. */
    static Format detect(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".cif")) {
            return Format.CIF;
        }
        if (n.startsWith("POSCAR") || n.startsWith("CONTCAR") || lower.endsWith(".vasp") || lower.endsWith(".poscar")) {
            return Format.POSCAR;
        }
        return Format.AKAIKKR;
    }

    /** The first deck of a card, read with the rules of {@code version}. */
    static CardDeck readCard(Path file, AkaiVersion version) {
        CardFile card = CardReader.read(SourceText.read(file), version);
        if (card.decks().size() != 1) {
            throw new IllegalArgumentException(file + ": holds " + card.decks().size()
                    + " decks; a structure is taken from a card with exactly one");
        }
        return card.decks().get(0);
    }

    static Structure read(Path file, Format format, AkaiVersion cardVersion) {
        return switch (format) {
            case CIF -> CifReader.read(file);
            case POSCAR -> Poscar.read(file);
            case AKAIKKR -> CardToStructure.convert(readCard(file, cardVersion)).structure();
        };
    }
}
