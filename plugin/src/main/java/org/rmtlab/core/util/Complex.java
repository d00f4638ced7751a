package org.rmtlab.core.util;

/**
 * Immutable complex number for Stieltjes transforms and resolvents evaluated off the real axis.
 * {@link #sqrt()} is the principal branch (cut on the negative real axis, Re sqrt >= 0); callers that
 * need another branch choose it explicitly (for example Im m(z) > 0 for Im z > 0).
 */
public record Complex(double re, double im) {

    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(final double re) {
        return new Complex(re, 0);
    }

    public Complex plus(final Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex plus(final double x) {
        return new Complex(re + x, im);
    }

    public Complex minus(final Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex minus(final double x) {
        return new Complex(re - x, im);
    }

    public Complex times(final Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(final double x) {
        return new Complex(re * x, im * x);
    }

    /** Division by Smith's algorithm, which avoids overflow for large or tiny operands. */
    public Complex divide(final Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            final double r = o.im / o.re;
            final double d = o.re + o.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        final double r = o.re / o.im;
        final double d = o.re * r + o.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    public Complex divide(final double x) {
        return new Complex(re / x, im / x);
    }

    public Complex reciprocal() {
        return ONE.divide(this);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public Complex conjugate() {
        return new Complex(re, -im);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public double arg() {
        return Math.atan2(im, re);
    }

    /** Principal square root, computed without cancellation. */
    public Complex sqrt() {
        if (re == 0 && im == 0) {
            return ZERO;
        }
        final double t = Math.sqrt((Math.abs(re) + abs()) / 2);
        if (re >= 0) {
            return new Complex(t, im / (2 * t));
        }
        return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    @Override
    public String toString() {
        return re + (im < 0 ? " - " : " + ") + Math.abs(im) + "i";
    }
}
