package org.kkr4j.app;

import picocli.CommandLine.Option;

/** The property a {@code kkr4j ml fit|explain} command models, its unit, and the model. */
final class MlModelOptions {
    @Option(names = "--target", required = true, paramLabel = "COL", description = "the property column")
    String target;

    @Option(names = "--unit", paramLabel = "U", description = "the property's unit (default 1)")
    String unit;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "knn",
            description = "knn, gp, rf, extra-trees, ridge, lasso or mean (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--folds", defaultValue = "5", description = "outer folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the splits and models (default ${DEFAULT-VALUE})")
    long seed;
}
