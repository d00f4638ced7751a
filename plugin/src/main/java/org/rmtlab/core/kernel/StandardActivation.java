package org.rmtlab.core.kernel;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * An activation made by {@link Activations}: the function, its descriptor, its closed forms where
 * they exist, and its degree when it is a polynomial (its Hermite expansion is then finite).
 * Equal when the ids are equal, since the id determines the function.
 */
final class StandardActivation implements Activation {
    private final ActivationInfo info;
    private final DoubleUnaryOperator f;
    private final ClosedForm closedForm;
    private final int degree;

    /**
     * @param closedForm closed forms, or {@code null} when the kernel is computed numerically
     * @param degree the polynomial degree, or -1 when sigma is not a polynomial
     */
    StandardActivation(final ActivationInfo info, final DoubleUnaryOperator f, final ClosedForm closedForm,
        final int degree) {
        this.info = info;
        this.f = f;
        this.closedForm = closedForm;
        this.degree = degree;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public double value(final double t) {
        return f.applyAsDouble(t);
    }

    ActivationInfo info() {
        return info;
    }

    Optional<ClosedForm> closedForm() {
        return Optional.ofNullable(closedForm);
    }

    int polynomialDegree() {
        return degree;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof StandardActivation a && a.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
