package org.rmtlab.core.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis with readable ticks. JFreeChart's {@link LogAxis} places ticks at powers of a
 * fractional exponent step (labels such as 1.26) and none at all inside one decade; this axis labels
 * 1-2-5 or 1-2-...-9 times powers of ten when the range is narrow, every decade (or every k-th) when it is
 * wide, always the finest set whose labels do not collide, with unlabelled minor ticks between. Labels are
 * plain decimals while all of them lie in [0.0001, 1000000), otherwise powers such as 10&#x207B;&#x2075;
 * at whole decades only (a label such as 3&#xD7;10&#x207B;&#x2074; is hard to read).
 */
final class LogScaleAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    /** The range fitted by {@link Charts}; "auto range" in a chart view returns here. */
    private Range home;

    /** Mantissa sets within one decade, from fine to coarse. */
    private static final int[][] MANTISSAS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1, 3}, {1}};
    /** Decade steps tried once a label per decade is too many. */
    private static final int[] DECADE_STEPS = {2, 3, 4, 5, 10, 20, 50, 100};
    /** Free space between neighbouring labels on a horizontal axis, in pixels. */
    private static final double LABEL_GAP = 16;
    /** Least distance between labelled ticks on a vertical axis, beyond the text height, in pixels. */
    private static final double VERTICAL_GAP = 18;
    /** Minor ticks only when a decade spans at least this many pixels. */
    private static final double MINOR_MIN_DECADE = 28;
    private static final double PLAIN_LOW = 1e-4;
    private static final double PLAIN_HIGH = 1e6;

    LogScaleAxis(final String label) {
        super(label);
        setBase(10);
        setSmallestValue(Double.MIN_NORMAL);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(final Graphics2D g2, final AxisState state, final Rectangle2D dataArea,
        final RectangleEdge edge) {
        final boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        final double length = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        final double lo = Math.log10(getLowerBound());
        final double hi = Math.log10(getUpperBound());
        final double pixelsPerDecade = length / Math.max(hi - lo, 1e-12);
        final FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        for (int[] mantissas : MANTISSAS) {
            final List<Tick> major = labelled(positions(mantissas, 1, lo, hi));
            if (major.size() >= 2 && fits(major, fm, horizontal, pixelsPerDecade)) {
                final List<Tick> minor = mantissas.length == MANTISSAS[0].length || pixelsPerDecade < MINOR_MIN_DECADE
                    ? List.of() : unlabelled(positions(MANTISSAS[0], 1, lo, hi));
                return build(major, minor, edge);
            }
        }
        for (int step : DECADE_STEPS) {
            final List<Tick> major = labelled(positions(MANTISSAS[3], step, lo, hi));
            if (major.size() >= 2 && fits(major, fm, horizontal, pixelsPerDecade)) {
                final List<Tick> minor = pixelsPerDecade * step < MINOR_MIN_DECADE ? List.of()
                    : unlabelled(positions(MANTISSAS[3], 1, lo, hi));
                return build(major, minor, edge);
            }
        }
        return build(linearTicks(getLowerBound(), getUpperBound()), List.of(), edge);
    }

    /** A tick value m 10^k, with its label. */
    private record Tick(double value, String label) {
    }

    /** The pairs {m, k} for m 10^k with m from {@code mantissas}, k a multiple of {@code decadeStep}, in [lo, hi] (log10). */
    private static List<int[]> positions(final int[] mantissas, final int decadeStep, final double lo,
        final double hi) {
        final List<int[]> parts = new ArrayList<>();
        for (int k = (int) Math.floor(lo) - 1; k <= (int) Math.ceil(hi); k++) {
            if (Math.floorMod(k, decadeStep) != 0) {
                continue;
            }
            for (int m : mantissas) {
                final double v = Math.log10(m) + k;
                if (v >= lo - 1e-9 && v <= hi + 1e-9) {
                    parts.add(new int[] {m, k});
                }
            }
        }
        return parts;
    }

    /** Labelled ticks, all plain or all powers; none when powers would need mantissas other than 1. */
    private static List<Tick> labelled(final List<int[]> parts) {
        boolean plain = true;
        boolean decades = true;
        for (int[] p : parts) {
            final double v = p[0] * Math.pow(10, p[1]);
            plain &= v >= PLAIN_LOW && v < PLAIN_HIGH;
            decades &= p[0] == 1;
        }
        if (!plain && !decades) {
            return List.of();
        }
        final List<Tick> out = new ArrayList<>(parts.size());
        for (int[] p : parts) {
            out.add(new Tick(p[0] * Math.pow(10, p[1]), plain ? plainLabel(p[0], p[1]) : powerLabel(p[0], p[1])));
        }
        return out;
    }

    private static List<Tick> unlabelled(final List<int[]> parts) {
        final List<Tick> out = new ArrayList<>(parts.size());
        for (int[] p : parts) {
            out.add(new Tick(p[0] * Math.pow(10, p[1]), ""));
        }
        return out;
    }

    /** Linear ticks 1, 2 or 5 times a power of ten apart, at most six, for a range too narrow for log ticks. */
    private static List<Tick> linearTicks(final double lower, final double upper) {
        final double least = (upper - lower) / 6;
        final double magnitude = Math.pow(10, Math.floor(Math.log10(least)));
        final double step = magnitude * (least <= magnitude ? 1 : least <= 2 * magnitude ? 2 : least <= 5 * magnitude ? 5
            : 10);
        final List<Tick> out = new ArrayList<>();
        for (long i = (long) Math.ceil(lower / step); i * step <= upper; i++) {
            final BigDecimal v = BigDecimal.valueOf(i).multiply(BigDecimal.valueOf(step)).stripTrailingZeros();
            final boolean plain = i * step >= PLAIN_LOW && i * step < PLAIN_HIGH;
            out.add(new Tick(i * step, plain ? v.toPlainString() : v.toString()));
        }
        return out;
    }

    /** Whether neighbouring labels keep {@link #LABEL_GAP} apart. */
    private static boolean fits(final List<Tick> ticks, final FontMetrics fm, final boolean horizontal,
        final double pixelsPerDecade) {
        for (int i = 1; i < ticks.size(); i++) {
            final double distance = (Math.log10(ticks.get(i).value()) - Math.log10(ticks.get(i - 1).value()))
                * pixelsPerDecade;
            final double needed = horizontal
                ? (fm.stringWidth(ticks.get(i).label()) + fm.stringWidth(ticks.get(i - 1).label())) / 2.0 + LABEL_GAP
                : fm.getHeight() + VERTICAL_GAP;
            if (distance < needed) {
                return false;
            }
        }
        return true;
    }

    private static List<ValueTick> build(final List<Tick> major, final List<Tick> minor, final RectangleEdge edge) {
        // RectangleEdge is a serializable constant class, not an enum
        final TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
            : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
            : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        final List<ValueTick> out = new ArrayList<>();
        for (Tick t : major) {
            out.add(new NumberTick(TickType.MAJOR, t.value(), t.label(), anchor, TextAnchor.CENTER, 0.0));
        }
        for (Tick t : minor) {
            if (!contains(major, t.value())) {
                out.add(new NumberTick(TickType.MINOR, t.value(), "", anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return out;
    }

    private static boolean contains(final List<Tick> ticks, final double value) {
        for (Tick t : ticks) {
            if (Math.abs(t.value() - value) <= 1e-9 * value) {
                return true;
            }
        }
        return false;
    }

    static String plainLabel(final int mantissa, final int exponent) {
        return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).stripTrailingZeros().toPlainString();
    }

    static String powerLabel(final int mantissa, final int exponent) {
        final String power = "10" + superscript(exponent);
        return mantissa == 1 ? power : mantissa + "\u00D7" + power;
    }

    private static String superscript(final int exponent) {
        final String digits = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";
        final StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(exponent).toCharArray()) {
            sb.append(c == '-' ? '\u207B' : digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** Shows [lower, upper] now and whenever a view asks for the automatic range again. */
    void home(final double lower, final double upper) {
        home = new Range(lower, upper);
        setRange(home);
    }

    @Override
    protected void autoAdjustRange() {
        if (home == null) {
            super.autoAdjustRange();
        } else {
            setRange(home, false, false);
        }
    }
}
