package org.rmtlab.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * One sample set: the p x n matrix X whose columns are samples, the regression target y and the
 * class label of each sample (+-1 for the two-class mixture, 0..K-1 for K &gt; 2 classes, 0 where there
 * are no classes).
 */
public record Dataset(DMatrixRMaj x, double[] y, int[] label) {

    public int n() {
        return x.numCols;
    }

    public int p() {
        return x.numRows;
    }
}
