package org.kkr4j.structure.symmetry;

/** The seven crystal systems, by space-group number ranges of the International Tables. */
public enum CrystalSystem {
    TRICLINIC, MONOCLINIC, ORTHORHOMBIC, TETRAGONAL, TRIGONAL, HEXAGONAL, CUBIC;

    public static CrystalSystem ofSpaceGroup(int number) {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("no space group number " + number);
        }
        if (number <= 2) return TRICLINIC;
        if (number <= 15) return MONOCLINIC;
        if (number <= 74) return ORTHORHOMBIC;
        if (number <= 142) return TETRAGONAL;
        if (number <= 167) return TRIGONAL;
        if (number <= 194) return HEXAGONAL;
        return CUBIC;
    }
}
