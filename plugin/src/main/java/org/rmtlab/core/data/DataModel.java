package org.rmtlab.core.data;

import java.util.Locale;

/** The laws a {@link DataGenerator} can draw from. Their ids are stable: saved in workflows and CLI scripts. */
public enum DataModel {
    /** x ~ N(0, I_p) before scaling; target y = 0, class 0. */
    GAUSSIAN("gaussian"),
    /** Two equiprobable classes y = +-1, x = y mu + z with z ~ N(0, I_p) and ||mu||^2 = rho, before scaling. */
    MIXTURE("mixture"),
    /** x ~ N(0, I_p) before scaling, y = z^T beta* / sqrt(p) + noise eps with beta* ~ N(0, I_p), eps ~ N(0, 1). */
    TEACHER("teacher");

    private final String id;

    DataModel(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DataModel fromId(final String id) {
        for (DataModel m : values()) {
            if (m.id.equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown data model '" + id + "'. Choose one of: " + ids() + ".");
    }

    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (DataModel m : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(m.id);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
