package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.Check;

/** Checks of the training and test data shared by the theory and the simulation. */
final class RidgeInputs {
    private RidgeInputs() {
    }

    static void check(final DMatrixRMaj x, final double[] y, final DMatrixRMaj xTest, final double[] yTest) {
        Check.that(x != null && y != null, "The training data are missing.");
        Check.that(x.numCols > 0 && x.numRows > 0, "The training data are empty.");
        Check.that(y.length == x.numCols, "The training data have " + x.numCols + " samples (columns of X) but "
            + y.length + " targets.");
        finite("training data", x.data, x.getNumElements());
        finite("training targets", y, y.length);
        if (xTest != null && xTest.numCols > 0) {
            Check.that(yTest != null && yTest.length == xTest.numCols, "The test data have " + xTest.numCols
                + " samples but " + (yTest == null ? 0 : yTest.length) + " targets.");
            Check.that(xTest.numRows == x.numRows, "The test data have dimension " + xTest.numRows
                + ", the training data " + x.numRows + ".");
            finite("test data", xTest.data, xTest.getNumElements());
            finite("test targets", yTest, yTest.length);
        }
    }

    private static void finite(final String what, final double[] v, final int count) {
        for (int i = 0; i < count; i++) {
            Check.that(Double.isFinite(v[i]), "The " + what + " contain a missing, NaN or infinite value: "
                + "remove or impute it first.");
        }
    }
}
