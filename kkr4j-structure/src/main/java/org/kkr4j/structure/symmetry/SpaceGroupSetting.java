package org.kkr4j.structure.symmetry;

import java.util.List;

/**
 * One of the 530 Hall settings of the 230 space groups, with its operations in the conventional cell.
 *
 * @param choice setting choice as in the table: "" (standard), "1"/"2" (origin), "H"/"R" (rhombohedral
 *               groups), axis choices like "b", "cab", "-c1"
 */
public record SpaceGroupSetting(int hallNumber, int number, String internationalShort, String internationalFull,
                                String international, String hallSymbol, String choice, List<SymOp> operations) {

    public SpaceGroupSetting {
        operations = List.copyOf(operations);
    }
}
