package org.kkr4j.ml.model;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;

/**
 * Conversion between kkr4j's dense rows and Tribuo's named-feature examples. Column j is feature {@code f<j>};
 * the zero-padded name keeps Tribuo's (lexicographic) feature order equal to the column order.
 */
final class TribuoRows {
    private static final RegressionFactory FACTORY = new RegressionFactory();
    private static final String TARGET = "y";

    private final String[] names;

    TribuoRows(int dimension) {
        names = new String[dimension];
        for (int j = 0; j < dimension; j++) {
            names[j] = String.format("f%05d", j);
        }
    }

    MutableDataset<org.tribuo.regression.Regressor> dataset(double[][] x, double[] y) {
        var data = new MutableDataset<org.tribuo.regression.Regressor>(
                new SimpleDataSourceProvenance("kkr4j rows", FACTORY), FACTORY);
        for (int i = 0; i < x.length; i++) {
            data.add(example(x[i], new org.tribuo.regression.Regressor(TARGET, y[i])));
        }
        return data;
    }

    Example<org.tribuo.regression.Regressor> example(double[] row,
                                                     org.tribuo.regression.Regressor output) {
        if (row.length != names.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the model " + names.length);
        }
        return new ArrayExample<>(output, names, row.clone());
    }

    double predict(Model<org.tribuo.regression.Regressor> model, double[] row) {
        return model.predict(example(row, RegressionFactory.UNKNOWN_REGRESSOR)).getOutput().getValues()[0];
    }

    double[] predict(Model<org.tribuo.regression.Regressor> model, double[][] rows) {
        List<Example<org.tribuo.regression.Regressor>> examples = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            examples.add(example(row, RegressionFactory.UNKNOWN_REGRESSOR));
        }
        var predictions = model.predict(examples);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return out;
    }
}
