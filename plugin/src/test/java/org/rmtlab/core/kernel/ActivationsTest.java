package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Erf;

class ActivationsTest {

    /** The ids are saved in workflows: this list may only grow. */
    @Test
    void idsAreStable() {
        assertEquals(List.of("linear", "relu", "leaky-relu", "centred-relu", "abs", "sign", "step", "erf", "quadratic",
            "sin", "cos", "gauss", "tanh", "sigmoid", "gelu", "swish", "softplus"), Activations.ids());
    }

    @Test
    void idsRoundTripAndIgnoreCase() {
        for (String id : Activations.ids()) {
            assertEquals(id, Activations.byId(id).id());
            assertSame(Activations.byId(id), Activations.byId("  " + id.toUpperCase() + " "));
        }
        for (ActivationInfo info : Activations.catalogue()) {
            assertEquals(info.id(), Activations.byId(info.id()).id());
            assertFalse(info.name().isEmpty());
            assertFalse(info.formula().isEmpty());
            assertFalse(info.kernelFormula().isEmpty());
        }
        assertEquals(Activations.ids().size() + 1, Activations.catalogue().size());
    }

    @Test
    void valuesFollowTheFormulas() {
        final double c = 1 / Math.sqrt(2 * Math.PI);
        assertEquals(0.0, Activations.byId("relu").value(-2), 0.0);
        assertEquals(3.0, Activations.byId("relu").value(3), 0.0);
        assertEquals(-0.2, Activations.byId("leaky-relu").value(-2), 1e-16);
        assertEquals(-0.4, Activations.byId("leaky-relu:0.2").value(-2), 1e-16);
        assertEquals(2 - c, Activations.byId("centred-relu").value(2), 1e-16);
        assertEquals(0.0, Activations.byId("sign").value(0), 0.0);
        assertEquals(0.5, Activations.byId("step").value(0), 0.0);
        assertEquals(1.0, Activations.byId("step").value(1e-300), 0.0);
        assertEquals(0.0, Activations.byId("step").value(-4), 0.0);
        assertEquals(Math.exp(-2), Activations.byId("gauss").value(2), 1e-16);
        assertEquals(2 * Erf.normalCdf(2), Activations.byId("gelu").value(2), 1e-15);
        assertEquals(-3 / (1 + Math.exp(3)), Activations.byId("swish").value(-3), 1e-15);
        assertEquals(Math.log1p(Math.exp(1.5)), Activations.byId("softplus").value(1.5), 1e-15);
        // stable far out
        assertEquals(800.0, Activations.byId("softplus").value(800), 1e-12);
        assertEquals(0.0, Activations.byId("sigmoid").value(-800), 1e-300);
    }

    @Test
    void leakyReluIdsAreCanonical() {
        assertEquals("leaky-relu", Activations.byId("leaky-relu:0.1").id());
        assertEquals("leaky-relu:0.2", Activations.byId("Leaky-ReLU: 0.20").id());
        assertEquals("leaky-relu:1.0e-5", Activations.byId("leaky-relu:1e-5").id());
        assertEquals("leaky-relu:2", Activations.byId("leaky-relu:2.0").id());
        assertEquals("leaky-relu:-0.5", Activations.leakyRelu(-0.5).id());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Activations.byId("leaky-relu:0,2"));
        assertTrue(e.getMessage().contains("decimal separator"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.byId("leaky-relu:NaN"));
        assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(Double.POSITIVE_INFINITY));
    }

    @Test
    void polynomialsParseAndValidate() {
        final Activation p = Activations.byId("poly:1, 0, 0.5, 0");
        assertEquals("poly:1,0,0.5", p.id());
        assertEquals(1 + 0.5 * 9, p.value(3), 1e-15);
        assertEquals("1 + 0.5 t^2", Activations.info(p).formula());
        assertEquals(KernelForm.FINITE_EXPANSION, Activations.info(p).kernel());
        assertEquals("-t + 2 t^3", Activations.info(Activations.polynomial(0, -1, 0, 2)).formula());
        assertEquals("poly:0", Activations.polynomial(0, 0).id());
        assertEquals(p, Activations.byId(p.id()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.byId("poly"))
            .getMessage().contains("poly:1,0,0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.byId("poly:1,,2"))
            .getMessage().contains("c1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.byId("poly:1,x"))
            .getMessage().contains("not a number"));
        final double[] tooLong = new double[Activations.MAX_POLYNOMIAL_DEGREE + 2];
        tooLong[tooLong.length - 1] = 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.polynomial(tooLong))
            .getMessage().contains("degree"));
        assertThrows(IllegalArgumentException.class, () -> Activations.polynomial());
    }

    @Test
    void unknownIdsNameTheChoices() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.byId("rectifier"));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("poly:"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.byId("relu:2"))
            .getMessage().contains("takes no parameter"));
        assertThrows(IllegalArgumentException.class, () -> Activations.byId(" "));
        assertThrows(IllegalArgumentException.class, () -> Activations.byId(null));
    }

    @Test
    void descriptorsTellHowTheKernelIsComputed() {
        assertTrue(Activations.info(Activations.byId("relu")).closedForm());
        assertEquals(KernelForm.NUMERICAL, Activations.info(Activations.byId("tanh")).kernel());
        final Activation custom = new Activation() {
            @Override
            public String id() {
                return "mine";
            }

            @Override
            public double value(final double t) {
                return t;
            }
        };
        assertEquals(KernelForm.NUMERICAL, Activations.info(custom).kernel());
        assertTrue(Activations.info(Activations.byId("leaky-relu:0.3")).formula().contains("0.3 t"));
    }
}
