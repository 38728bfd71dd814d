package org.kkr4j.ml.model;

import org.tribuo.math.distance.DistanceType;

/** Distances for k-nearest-neighbour regression, in standardised feature space. */
public enum KnnDistance {
    EUCLIDEAN(DistanceType.L2),
    MANHATTAN(DistanceType.L1);

    private final DistanceType tribuo;

    KnnDistance(DistanceType tribuo) {
        this.tribuo = tribuo;
    }

    DistanceType tribuo() {
        return tribuo;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
