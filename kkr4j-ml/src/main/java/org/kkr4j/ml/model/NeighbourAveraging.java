package org.kkr4j.ml.model;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import java.util.Arrays;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.protos.core.EnsembleCombinerProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * Tribuo's averaging combiner, always called with weights. Tribuo 4.3.2's unweighted
 * {@code AveragingCombiner.combine} forgets to divide each step of its running mean by the count and returns the
 * last neighbour's value instead of the mean; its weighted form is right. The k-NN model calls the unweighted form,
 * so this combiner passes unit weights to the weighted one (found by {@code RegressorsTest}'s brute-force check).
 */
final class NeighbourAveraging implements EnsembleCombiner<Regressor> {
    private static final long serialVersionUID = 1L;
    private final AveragingCombiner averaging = new AveragingCombiner();

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> outputInfo,
                                         List<Prediction<Regressor>> predictions) {
        float[] ones = new float[predictions.size()];
        Arrays.fill(ones, 1f);
        return averaging.combine(outputInfo, predictions, ones);
    }

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> outputInfo,
                                         List<Prediction<Regressor>> predictions, float[] weights) {
        return averaging.combine(outputInfo, predictions, weights);
    }

    @Override
    public Class<Regressor> getTypeWitness() {
        return Regressor.class;
    }

    @Override
    public EnsembleCombinerProto serialize() {
        throw new UnsupportedOperationException("not supported: kkr4j k-NN models are not serialised as Tribuo "
                + "protobufs");
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "EnsembleCombiner");
    }
}
