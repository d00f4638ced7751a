package org.rmtlab.core.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;
import org.rmtlab.core.util.Erf;

/**
 * Factory of the supported activations. Ids are stable (they are saved in KNIME workflows and CLI
 * scripts), case-insensitive on input and canonical on output, so {@code byId(a.id())} gives back
 * {@code a}.
 *
 * <p>Id scheme: a family name, optionally followed by {@code :} and parameters.
 * <ul>
 * <li>{@code leaky-relu} is slope 0.1, {@code leaky-relu:0.2} slope 0.2 (any finite slope);</li>
 * <li>{@code poly:c0,c1,...,cd} is the polynomial c0 + c1 t + ... + cd t^d (degree at most
 * {@value #MAX_POLYNOMIAL_DEGREE}); its canonical id drops trailing zero coefficients.</li>
 * </ul>
 * Numbers are written with a point as decimal separator and optional exponent ({@code 1e-3}).
 */
public final class Activations {
    public static final double DEFAULT_LEAKY_SLOPE = 0.1;
    /** Highest polynomial degree accepted: beyond it t^d of a Gaussian spans too many decades. */
    public static final int MAX_POLYNOMIAL_DEGREE = 20;

    private static final String LEAKY = "leaky-relu";
    private static final String POLY = "poly";
    private static final String NUMERICAL = "E[sigma(u) sigma(v)] by its Hermite (Mehler) series "
        + "sum_k h_k(aa) h_k(bb) r^k, truncated adaptively with an error bound";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?");
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private static final StandardActivation DEFAULT_LEAKY = leaky(DEFAULT_LEAKY_SLOPE);

    /** Every activation without a required parameter, in display order. */
    private static final List<StandardActivation> FIXED = List.of(
        closed("linear", "Linear", "t", t -> t, ClosedForm.linearAbs(1, 0, "ab"), 1),
        closed("relu", "ReLU", "max(t, 0)", t -> Math.max(t, 0),
            ClosedForm.linearAbs(0.5, 0.5, "sqrt(aa bb)/(2 pi) (r (pi - arccos r) + sqrt(1 - r^2))"), -1),
        DEFAULT_LEAKY,
        closed("centred-relu", "Centred ReLU", "max(t, 0) - 1/sqrt(2 pi)", t -> Math.max(t, 0) - INV_SQRT_2PI,
            ClosedForm.linearAbs(0.5, 0.5, "").affine(-INV_SQRT_2PI, 1,
                "K_relu - (sqrt(aa) + sqrt(bb))/(2 pi) + 1/(2 pi)"), -1),
        closed("abs", "Absolute value", "|t|", Math::abs,
            ClosedForm.linearAbs(0, 1, "(2 sqrt(aa bb)/pi) (r arcsin r + sqrt(1 - r^2))"), -1),
        closed("sign", "Sign", "sign(t), 0 at t = 0", Math::signum, ClosedForm.sign(), -1),
        closed("step", "Step (Heaviside)", "1 for t > 0, 0 for t < 0, 1/2 at t = 0", t -> 0.5 * (1 + Math.signum(t)),
            ClosedForm.sign().affine(0.5, 0.5, "1/4 + arcsin(r)/(2 pi)"), -1),
        closed("erf", "Error function", "erf(t)", Erf::erf, ClosedForm.erf(), -1),
        closed("quadratic", "Quadratic", "t^2", t -> t * t, ClosedForm.quadratic(), 2),
        closed("sin", "Sine", "sin(t)", Math::sin, ClosedForm.sin(), -1),
        closed("cos", "Cosine", "cos(t)", Math::cos, ClosedForm.cos(), -1),
        closed("gauss", "Gaussian", "exp(-t^2/2)", t -> Math.exp(-0.5 * t * t), ClosedForm.gauss(), -1),
        numerical("tanh", "Hyperbolic tangent", "tanh(t)", Math::tanh),
        numerical("sigmoid", "Sigmoid", "1/(1 + exp(-t))", Activations::sigmoid),
        numerical("gelu", "GELU", "t Phi(t), Phi the standard normal distribution function (exact, not the tanh "
            + "approximation)", t -> t * Erf.normalCdf(t)),
        numerical("swish", "Swish (SiLU)", "t/(1 + exp(-t))", t -> t * sigmoid(t)),
        numerical("softplus", "Softplus", "log(1 + exp(t))",
            t -> t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))));

    private Activations() {
    }

    /** The ids that need no parameter, in the order shown to users (polynomials need coefficients). */
    public static List<String> ids() {
        final List<String> ids = new ArrayList<>();
        for (StandardActivation a : FIXED) {
            ids.add(a.id());
        }
        return ids;
    }

    /**
     * Descriptors of every family in display order: the activations of {@link #ids()} and the
     * polynomial family, represented by the example {@code poly:0,1,0.5}.
     */
    public static List<ActivationInfo> catalogue() {
        final List<ActivationInfo> infos = new ArrayList<>();
        for (StandardActivation a : FIXED) {
            infos.add(a.info());
        }
        infos.add(info(polynomial(0, 1, 0.5)));
        return infos;
    }

    /** The descriptor of any activation; one not made here is described as user-defined and numerical. */
    public static ActivationInfo info(final Activation sigma) {
        if (sigma instanceof StandardActivation s) {
            return s.info();
        }
        return new ActivationInfo(sigma.id(), sigma.id(), "user-defined", KernelForm.NUMERICAL, NUMERICAL, "");
    }

    /**
     * @param id for example {@code relu}, {@code leaky-relu:0.2}, {@code poly:1,0,0.5}; case and
     *        surrounding blanks are ignored
     * @throws IllegalArgumentException naming the valid ids, or saying what is wrong with a parameter
     */
    public static Activation byId(final String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("No activation given. Choose one of: " + choices() + ".");
        }
        final String s = id.trim().toLowerCase(Locale.ROOT);
        final int colon = s.indexOf(':');
        final String family = colon < 0 ? s : s.substring(0, colon).trim();
        final String parameter = colon < 0 ? null : s.substring(colon + 1).trim();
        if (family.equals(LEAKY) && parameter != null) {
            return leakyRelu(number(parameter, "The slope in '" + id.trim() + "'", "leaky-relu:0.2"));
        }
        if (family.equals(POLY)) {
            if (parameter == null || parameter.isEmpty()) {
                throw new IllegalArgumentException("The polynomial activation needs its coefficients c0,c1,...,cd, "
                    + "for example poly:1,0,0.5 for 1 + 0.5 t^2.");
            }
            return polynomial(coefficients(parameter, id.trim()));
        }
        for (StandardActivation a : FIXED) {
            if (a.id().equals(family)) {
                if (parameter != null) {
                    throw new IllegalArgumentException("The activation '" + family + "' takes no parameter; remove '"
                        + s.substring(colon) + "'.");
                }
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown activation '" + id.trim() + "'. Choose one of: " + choices() + ".");
    }

    /** Leaky ReLU: t for t &gt;= 0 and slope t for t &lt; 0; id {@code leaky-relu} at slope 0.1, else {@code leaky-relu:<slope>}. */
    public static Activation leakyRelu(final double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("The slope of leaky-relu must be a finite number, but is " + slope + ".");
        }
        return slope == DEFAULT_LEAKY_SLOPE ? DEFAULT_LEAKY : leaky(slope);
    }

    /**
     * The polynomial c[0] + c[1] t + ... + c[d] t^d.
     *
     * @throws IllegalArgumentException when no coefficient is given, one is not finite, or the degree
     *         exceeds {@value #MAX_POLYNOMIAL_DEGREE}
     */
    public static Activation polynomial(final double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("The polynomial activation needs at least one coefficient.");
        }
        int degree = 0;
        for (int k = 0; k < coefficients.length; k++) {
            if (!Double.isFinite(coefficients[k])) {
                throw new IllegalArgumentException("Coefficient c" + k + " of the polynomial must be a finite number, "
                    + "but is " + coefficients[k] + ".");
            }
            if (coefficients[k] != 0) {
                degree = k;
            }
        }
        if (degree > MAX_POLYNOMIAL_DEGREE) {
            throw new IllegalArgumentException("The polynomial has degree " + degree + "; at most "
                + MAX_POLYNOMIAL_DEGREE + " is supported.");
        }
        final double[] c = Arrays.copyOf(coefficients, degree + 1);
        final StringBuilder id = new StringBuilder(POLY).append(':');
        final StringBuilder formula = new StringBuilder();
        for (int k = 0; k <= degree; k++) {
            id.append(k == 0 ? "" : ",").append(format(c[k]));
            if (c[k] != 0) {
                final double m = Math.abs(c[k]);
                formula.append(formula.length() == 0 ? (c[k] < 0 ? "-" : "") : (c[k] < 0 ? " - " : " + "));
                formula.append(m == 1 && k > 0 ? "" : format(m) + (k > 0 ? " " : ""));
                formula.append(k == 0 ? "" : k == 1 ? "t" : "t^" + k);
            }
        }
        final ActivationInfo info = new ActivationInfo(id.toString(), "Polynomial",
            formula.length() == 0 ? "0" : formula.toString(), KernelForm.FINITE_EXPANSION,
            "Hermite (Mehler) series sum_{k <= d} h_k(aa) h_k(bb) r^k, exact for a polynomial of degree d",
            "poly:c0,c1,...,cd for c0 + c1 t + ... + cd t^d, degree at most " + MAX_POLYNOMIAL_DEGREE);
        return new StandardActivation(info, t -> {
            double v = c[c.length - 1];
            for (int k = c.length - 2; k >= 0; k--) {
                v = v * t + c[k];
            }
            return v;
        }, null, degree);
    }

    /** Shortest canonical text of a parameter: integers without ".0", else {@link Double#toString}. */
    static String format(final double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static StandardActivation leaky(final double slope) {
        final boolean standard = slope == DEFAULT_LEAKY_SLOPE;
        final String s = format(slope);
        final String c1 = format((1 + slope) / 2);
        final String c2 = format((1 - slope) / 2);
        final ActivationInfo info = new ActivationInfo(standard ? LEAKY : LEAKY + ":" + s, "Leaky ReLU",
            "t for t >= 0, " + s + " t for t < 0", KernelForm.CLOSED_FORM,
            c1 + "^2 ab + " + c2 + "^2 K_abs (sigma = " + c1 + " t + " + c2 + " |t|)",
            "leaky-relu:<slope> for another slope than " + format(DEFAULT_LEAKY_SLOPE) + ", for example leaky-relu:0.2");
        return new StandardActivation(info, t -> t >= 0 ? t : slope * t,
            ClosedForm.linearAbs((1 + slope) / 2, (1 - slope) / 2, info.kernelFormula()), -1);
    }

    private static StandardActivation closed(final String id, final String name, final String formula,
        final DoubleUnaryOperator f, final ClosedForm closedForm, final int degree) {
        return new StandardActivation(new ActivationInfo(id, name, formula, KernelForm.CLOSED_FORM, closedForm.text(), ""),
            f, closedForm, degree);
    }

    private static StandardActivation numerical(final String id, final String name, final String formula,
        final DoubleUnaryOperator f) {
        return new StandardActivation(new ActivationInfo(id, name, formula, KernelForm.NUMERICAL, NUMERICAL, ""), f,
            null, -1);
    }

    private static double sigmoid(final double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        final double e = Math.exp(t);
        return e / (1 + e);
    }

    private static double number(final String text, final String what, final String example) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " is '" + text + "', which is not a number; write it like " + example
                + " (with a point as decimal separator).");
        }
        return Double.parseDouble(text);
    }

    private static double[] coefficients(final String list, final String id) {
        final String[] parts = list.split(",", -1);
        final double[] c = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            final String p = parts[k].trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("Coefficient c" + k + " in '" + id + "' is empty; write the "
                    + "coefficients separated by commas, for example poly:1,0,0.5.");
            }
            c[k] = number(p, "Coefficient c" + k + " in '" + id + "'", "poly:1,0,0.5");
        }
        return c;
    }

    private static String choices() {
        return String.join(", ", ids()) + ", leaky-relu:<slope> or poly:c0,c1,...,cd";
    }
}
