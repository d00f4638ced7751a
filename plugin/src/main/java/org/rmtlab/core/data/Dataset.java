package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * One sample set: the p x n matrix X whose columns are samples, the regression target y and the
 * class label of each sample (+-1 for the mixture, 0 where there are no classes).
 */
public record Dataset(DMatrixRMaj x, double[] y, int[] label) {

    public int n() {
        return x.numCols;
    }

    public int p() {
        return x.numRows;
    }
}
