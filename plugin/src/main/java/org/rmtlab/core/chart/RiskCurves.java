package org.rmtlab.core.chart;

/**
 * Training and test risk of one setting (one ridge gamma, for example) for the risk figures of {@link Figures}:
 * theory as arrays over the figure's x values, simulation as {@link Measured} points. Pieces may be
 * {@code null}.
 *
 * @param label what tells this setting from the others in the legend ("gamma = 0.01"), or {@code null} when a
 *        figure has only one setting
 * @param trainTheory theoretical training risk at the figure's x values, or {@code null}
 * @param testTheory theoretical test risk at the figure's x values, or {@code null}
 * @param trainSim simulated (or measured) training risk, or {@code null}
 * @param testSim simulated (or measured) test risk, or {@code null}
 * @param measuredAs what the measured points are, for the legend: {@value #SIMULATION}, or for example "ridge
 *        fit on the data"
 */
public record RiskCurves(String label, double[] trainTheory, double[] testTheory, Measured trainSim,
    Measured testSim, String measuredAs) {

    /** What measured points are called in the legend unless told otherwise. */
    public static final String SIMULATION = "simulation";

    public RiskCurves {
        measuredAs = measuredAs == null || measuredAs.isBlank() ? SIMULATION : measuredAs;
    }

    /** Curves whose measured points are a Monte-Carlo simulation. */
    public RiskCurves(final String label, final double[] trainTheory, final double[] testTheory,
        final Measured trainSim, final Measured testSim) {
        this(label, trainTheory, testTheory, trainSim, testSim, SIMULATION);
    }

    /** Legend name of a quantity ("train" or "test") of this setting: also its colour group. */
    String quantity(final String name) {
        return label == null || label.isBlank() ? name : name + ", " + label;
    }
}
