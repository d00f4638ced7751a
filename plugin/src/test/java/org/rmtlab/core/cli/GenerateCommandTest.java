package org.rmtlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rmtlab.core.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmtlab.core.data.CovarianceSpec;
import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;

class GenerateCommandTest {

    /** Row j of the CSV (after the header) against sample j of the core's data set. */
    private static void assertRowsAre(final GeneratedData d, final String[] lines) {
        final int p = d.spec().p();
        assertEquals(1 + d.train().n() + d.test().n(), lines.length);
        for (int j = 0; j < d.train().n(); j++) {
            final String[] cells = lines[1 + j].split(",");
            assertEquals("train", cells[0]);
            for (int i = 0; i < p; i++) {
                assertEquals(d.train().x().get(i, j), Double.parseDouble(cells[1 + i]), 0.0);
            }
            assertEquals(d.train().y()[j], Double.parseDouble(cells[p + 1]), 0.0);
            assertEquals(d.train().label()[j], Integer.parseInt(cells[p + 2]));
        }
    }

    /** A command line of the original options gives the original law's numbers. */
    @Test
    void originalOptionsGiveTheOriginalLaw() {
        final CliRun r = run("generate", "--data", "teacher", "--n", "7", "--p", "3", "--noise", "0.2", "--seed", "5",
            "--scale", "raw");
        assertEquals(0, r.code(), r.err());
        assertEquals("split,x1,x2,x3,y,class", r.lines()[0]);
        assertRowsAre(DataGenerator.generate(new DataSpec(DataModel.TEACHER, 7, 0, 3, 4, 0.2, Scale.RAW, 5)), r.lines());
    }

    @Test
    void kClassesSingleIndexAndCovarianceOptionsReachTheCore() {
        final CliRun mix = run("generate", "--data", "mixture", "--classes", "3", "--n", "20", "--p", "6",
            "--covariance", "spiked", "--spikes", "2", "--spike-strength", "5", "--seed", "9");
        assertEquals(0, mix.code(), mix.err());
        assertRowsAre(DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 20, 0, 6, 4, 0.1, Scale.NORMALISED, 9)
            .withClasses(3).withCovariance(CovarianceSpec.spiked(2, 5))), mix.lines());

        final CliRun relu = run("generate", "--data", "teacher", "--activation", "relu", "--n", "15", "--p", "4",
            "--covariance", "power-law", "--exponent", "1.5", "--seed", "3");
        assertEquals(0, relu.code(), relu.err());
        assertRowsAre(DataGenerator.generate(new DataSpec(DataModel.TEACHER, 15, 0, 4, 4, 0.1, Scale.NORMALISED, 3)
            .withActivation("relu").withCovariance(CovarianceSpec.powerLaw(1.5))), relu.lines());
    }

    /** --params writes the hidden parameters: population eigenvalues, class means, teacher, spikes. */
    @Test
    void parametersFileHoldsTheHiddenParameters(@TempDir final Path dir) throws IOException {
        final Path params = dir.resolve("law.csv");
        final CliRun r = run("generate", "--data", "mixture", "--n", "5", "--p", "4", "--rho", "2", "--covariance",
            "power-law", "--exponent", "2", "--seed", "1", "--params", params.toString());
        assertEquals(0, r.code(), r.err());
        final List<String> lines = Files.readAllLines(params);
        assertEquals("coordinate,eigenvalue,mean_-1,mean_1", lines.get(0));
        assertEquals(5, lines.size());
        final GeneratedData d = DataGenerator.generate(new DataSpec(DataModel.MIXTURE, 5, 0, 4, 2, 0.1, Scale.NORMALISED, 1)
            .withCovariance(CovarianceSpec.powerLaw(2)));
        final double[] eigen = new double[4];
        for (int i = 0; i < 4; i++) {
            final String[] cells = lines.get(1 + i).split(",");
            eigen[i] = Double.parseDouble(cells[1]);
            assertEquals(d.mu()[i], Double.parseDouble(cells[3]), 0.0);
        }
        assertArrayEquals(CovarianceSpec.powerLaw(2).eigenvalues(4), eigen, 0.0);

        final Path spiked = dir.resolve("spiked.csv");
        assertEquals(0, run("generate", "--data", "teacher", "--n", "3", "--p", "5", "--covariance", "spiked",
            "--spikes", "2", "--params", spiked.toString()).code());
        assertEquals("coordinate,eigenvalue,beta,spike_1,spike_2", Files.readAllLines(spiked).get(0));
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        final CliRun classes = run("generate", "--classes", "9", "--p", "4");
        assertEquals(2, classes.code());
        assertTrue(classes.err().contains("K (number of classes) must be at most p = 4"), classes.err());
        final CliRun cov = run("generate", "--covariance", "toeplitz");
        assertEquals(2, cov.code());
        assertTrue(cov.err().contains("identity, power-law, spiked"), cov.err());
        final CliRun act = run("generate", "--data", "teacher", "--activation", "cubic-spline");
        assertEquals(2, act.code());
        assertTrue(act.err().contains("Unknown activation"), act.err());
        final CliRun spikes = run("generate", "--covariance", "spiked", "--spikes", "0");
        assertEquals(2, spikes.code());
        assertTrue(spikes.err().contains("spikes"), spikes.err());
        final CliRun exponent = run("generate", "--covariance", "power-law", "--exponent", "NaN");
        assertEquals(2, exponent.code());
        assertTrue(exponent.err().contains("exponent"), exponent.err());
    }
}
