package org.rmtlab.knime.spectrum;

import java.util.Locale;

/** Where the eigenvalues come from. The ids are saved in workflows: never change one. */
enum InputMode {
    /** The numeric columns of the table are the data: one row per sample. */
    DATA_COLUMNS("data-columns"),
    /** One column already holds the eigenvalues (for example from a PCA node). */
    EIGENVALUE_COLUMN("eigenvalue-column");

    private final String id;

    InputMode(final String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the valid ids */
    static InputMode fromId(final String id) {
        for (InputMode m : values()) {
            if (id != null && m.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown input '" + id + "'. Choose 'data-columns' (the table's numeric "
            + "columns are the data, one row per sample) or 'eigenvalue-column' (one column holds the eigenvalues).");
    }
}
