package org.rmtlab.core.util;

import java.util.Locale;

/**
 * Memory guard: estimate the bytes of the large matrices of a computation before allocating
 * them, and refuse with a message naming the sizes and the heap instead of running out of memory.
 */
public final class Memory {
    /** Share of the maximum heap a single computation may plan to use. */
    private static final double HEAP_SHARE = 0.6;

    private Memory() {
    }

    /** Bytes of {@code count} dense double matrices of size rows x cols. */
    public static long doubles(final long rows, final long cols, final long count) {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(rows, cols), count), 8L);
    }

    /**
     * @param what description of the planned matrices, for the message (for example "n x n Gram, n = 40000")
     * @param bytes planned bytes
     * @throws IllegalArgumentException when the plan exceeds the share of the heap we allow
     */
    public static void require(final String what, final long bytes) {
        final long max = Runtime.getRuntime().maxMemory();
        if (bytes > HEAP_SHARE * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "Not enough memory: %s needs about %s but the Java heap is %s. Reduce the sizes, "
                    + "or raise -Xmx (in KNIME: knime.ini).",
                what, human(bytes), human(max)));
        }
    }

    public static String human(final long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes >> 10));
    }
}
