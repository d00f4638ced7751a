package org.rmtlab.core.kernel;

/**
 * The expected kernel of an activation, K(x, y) = E_{w ~ N(0, I_p)}[sigma(w.x) sigma(w.y)]
 * (Louart, Liao, Couillet 2018, Sec. 2; W has iid N(0, 1) entries). It depends on x and y only
 * through a = ||x||^2, b = ||y||^2 and s = x.y, because (w.x, w.y) is a centred 2-D Gaussian with
 * covariance [[a, s], [s, b]].
 */
public interface ExpectedKernel {

    /**
     * @param aa ||x||^2
     * @param bb ||y||^2
     * @param ab x.y
     * @return E[sigma(w.x) sigma(w.y)]
     */
    double value(double aa, double bb, double ab);
}
