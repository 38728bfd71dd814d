package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

/**
 * The output of {@code go=j...}. The mean-field Tc printed after the table is in
 * {@link ModeResults#curie()}.
 *
 * @param line      1-based line of the {@code J_ij} caption
 * @param dlimitA   the {@code dlimit=} echo (units of a), empty when not printed
 * @param blocks    the {@code T1-T2} blocks
 * @param pairList  the pair list after Tc; empty when not printed (the cnd build prints none)
 */
public record JijResult(int line, Optional<Double> dlimitA, List<JijPairBlock> blocks,
                        List<JijPairListRow> pairList) {

    public JijResult {
        blocks = List.copyOf(blocks);
        pairList = List.copyOf(pairList);
    }

    /** All rows of all blocks, in printed order. */
    public List<JijRow> rows() {
        return blocks.stream().flatMap(b -> b.rows().stream()).toList();
    }
}
