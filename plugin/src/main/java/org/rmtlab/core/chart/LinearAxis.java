package org.rmtlab.core.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * A linear axis with airy ticks. JFreeChart picks the finest tick unit whose labels merely do not overlap,
 * which on a tall plot gives a label every 0.05; this axis keeps going to larger units until neighbouring
 * ticks are at least {@link #MIN_HORIZONTAL} / {@link #MIN_VERTICAL} pixels apart. Labels use the root
 * locale (a dot as decimal separator, as in the CSV output).
 */
final class LinearAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    /** The range fitted by {@link Charts}; "auto range" in a chart view returns here. */
    private Range home;
    static final double MIN_HORIZONTAL = 70;
    static final double MIN_VERTICAL = 40;

    LinearAxis(final String label) {
        super(label);
        setAutoRangeIncludesZero(false);
        setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    }

    @Override
    protected void selectAutoTickUnit(final Graphics2D g2, final Rectangle2D dataArea, final RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        final double min = RectangleEdge.isTopOrBottom(edge) ? MIN_HORIZONTAL : MIN_VERTICAL;
        TickUnit unit = getTickUnit();
        while (lengthToJava2D(unit.getSize(), dataArea, edge) < min) {
            final TickUnit larger = getStandardTickUnits().getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        setTickUnit((NumberTickUnit) unit, false, false);
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
