package org.rmtlab.core.data;

/**
 * How samples are scaled. {@link #NORMALISED} divides by sqrt(p) so that ||x|| is about 1 (the
 * convention of Louart, Liao and Couillet 2018, used by the random-feature theory); {@link #RAW}
 * keeps unit noise per coordinate (Liao and Couillet 2018, used by the dynamics theory).
 */
public enum Scale {
    NORMALISED("normalised"),
    RAW("raw");

    private final String id;

    Scale(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Scale fromId(final String id) {
        return StableIds.find(values(), Scale::id, id, "scale");
    }

    /** The valid ids, comma separated, for help texts and messages. */
    public static String ids() {
        return StableIds.list(values(), Scale::id);
    }
}
