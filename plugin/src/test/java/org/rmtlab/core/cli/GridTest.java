package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridTest {

    /** text() is what --times takes: written back and parsed, the grid is the same to the last bit. */
    @Test
    void textRoundTripsThroughParse() {
        final Grid g = new Grid(0.01, 1000, 100, true);
        assertEquals("0.01:1000:100", g.text());
        assertArrayEquals(g.values(), Grid.parse("times", g.text()).values(), 0.0);
        assertEquals("0.3:30:40", new Grid(0.3, 30, 40, true).text());
        assertEquals("2", Option.of("rho", 2.0, "").defaultValue());
        assertEquals("0.25", Option.of("noise", 0.25, "").defaultValue());
    }
}
