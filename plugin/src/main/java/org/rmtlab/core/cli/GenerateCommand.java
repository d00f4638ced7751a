package org.rmtlab.core.cli;

import java.io.PrintStream;
import java.util.List;

import org.rmtlab.core.data.DataGenerator;
import org.rmtlab.core.data.DataModel;
import org.rmtlab.core.data.DataSpec;
import org.rmtlab.core.data.Dataset;
import org.rmtlab.core.data.GeneratedData;
import org.rmtlab.core.data.Scale;

/** {@code rmtlab generate}: one row per sample, columns split, x1..xp, y, class. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "draw a synthetic data set (gaussian, mixture, teacher) as CSV";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.of("data", "mixture", "law: " + DataModel.ids()),
            Option.of("n", "512", "training samples"),
            Option.of("n-test", "0", "test samples"),
            Option.of("p", "256", "dimension"),
            Option.of("rho", "4", "mixture signal strength ||mu||^2"),
            Option.of("noise", "0.1", "teacher label-noise standard deviation"),
            Option.of("scale", "normalised", "normalised (x / sqrt(p)) or raw"),
            Option.of("seed", "42", "random seed"),
            Option.of("out", null, "CSV file (default: standard output)"));
    }

    @Override
    public int run(final Args a, final PrintStream stdout) throws Exception {
        final DataSpec spec = new DataSpec(DataModel.fromId(a.string("data")), a.integer("n"), a.integer("n-test"),
            a.integer("p"), a.real("rho"), a.real("noise"), Scale.fromId(a.string("scale")), a.longValue("seed"));
        final GeneratedData d = DataGenerator.generate(spec);
        final String[] header = new String[spec.p() + 3];
        header[0] = "split";
        for (int i = 0; i < spec.p(); i++) {
            header[i + 1] = "x" + (i + 1);
        }
        header[spec.p() + 1] = "y";
        header[spec.p() + 2] = "class";
        try (CsvWriter csv = CsvWriter.open(a.has("out") ? a.string("out") : null, stdout, header)) {
            write(csv, "train", d.train());
            write(csv, "test", d.test());
        }
        return 0;
    }

    private static void write(final CsvWriter csv, final String split, final Dataset set) throws java.io.IOException {
        final int p = set.p();
        final Object[] row = new Object[p + 3];
        for (int j = 0; j < set.n(); j++) {
            row[0] = split;
            for (int i = 0; i < p; i++) {
                row[i + 1] = set.x().get(i, j);
            }
            row[p + 1] = set.y()[j];
            row[p + 2] = set.label()[j];
            csv.row(row);
        }
    }
}
